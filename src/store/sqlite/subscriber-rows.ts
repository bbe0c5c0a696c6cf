// E-mail subscribers in SQLite: one row per (address, publication), and the log of confirmation mails
// the rate limit counts. SQL and row mapping only; the opt-in rules live in src/email/subscribers.ts.

import type { Subscriber, SubscriberStatus } from '../store.ts';
import type { Row, Sql } from './sql.ts';

export class SubscriberRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  put(s: Subscriber): void {
    this.#sql.run(
      `INSERT INTO subscribers (email, publication, status, sections, keywords, unsubscribe_token, confirm_hash,
         confirm_expires_at, detail, created_at, confirmed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (email, publication) DO UPDATE SET email = excluded.email, status = excluded.status,
         sections = excluded.sections, keywords = excluded.keywords,
         unsubscribe_token = excluded.unsubscribe_token, confirm_hash = excluded.confirm_hash,
         confirm_expires_at = excluded.confirm_expires_at, detail = excluded.detail,
         confirmed_at = excluded.confirmed_at, updated_at = excluded.updated_at`,
      s.email,
      s.publication,
      s.status,
      JSON.stringify(s.sections),
      JSON.stringify(s.keywords),
      s.unsubscribeToken,
      s.confirmHash,
      s.confirmExpiresAt,
      s.detail,
      s.createdAt,
      s.confirmedAt,
      s.updatedAt,
    );
  }

  get(email: string, publication: string): Subscriber | null {
    const row = this.#sql.get(
      'SELECT * FROM subscribers WHERE email = ? AND publication = ?',
      email,
      publication,
    );
    return row ? toSubscriber(row) : null;
  }

  find(by: { unsubscribeToken: string } | { confirmHash: string }): Subscriber | null {
    const row =
      'unsubscribeToken' in by
        ? this.#sql.get('SELECT * FROM subscribers WHERE unsubscribe_token = ?', by.unsubscribeToken)
        : this.#sql.get('SELECT * FROM subscribers WHERE confirm_hash = ?', by.confirmHash);
    return row ? toSubscriber(row) : null;
  }

  list(filter: {
    publication?: string | undefined;
    status?: SubscriberStatus | undefined;
    email?: string | undefined;
  }) {
    return this.#sql
      .all(
        `SELECT * FROM subscribers WHERE (? IS NULL OR publication = ?) AND (? IS NULL OR status = ?)
         AND (? IS NULL OR email = ?) ORDER BY publication, email`,
        filter.publication ?? null,
        filter.publication ?? null,
        filter.status ?? null,
        filter.status ?? null,
        filter.email ?? null,
        filter.email ?? null,
      )
      .map(toSubscriber);
  }

  remove(email: string, publication: string): boolean {
    const result = this.#sql.db
      .prepare('DELETE FROM subscribers WHERE email = ? AND publication = ?')
      .run(email, publication);
    return result.changes > 0;
  }

  /** Log one confirmation mail; entries older than a week are no longer needed by any limit. */
  logConfirmation(email: string, at: string): void {
    const weekBefore = new Date(Date.parse(at) - 7 * 86_400_000).toISOString();
    this.#sql.run('DELETE FROM confirmation_mails WHERE sent_at < ?', weekBefore);
    this.#sql.run('INSERT INTO confirmation_mails (email, sent_at) VALUES (?, ?)', email, at);
  }

  confirmationsSince(email: string, since: string): number {
    const row = this.#sql.get(
      'SELECT COUNT(*) AS n FROM confirmation_mails WHERE email = ? AND sent_at >= ?',
      email,
      since,
    );
    return Number(row?.n ?? 0);
  }
}

function toSubscriber(r: Row): Subscriber {
  return {
    email: r.email as string,
    publication: r.publication as string,
    status: r.status as SubscriberStatus,
    sections: JSON.parse(r.sections as string) as string[],
    keywords: JSON.parse(r.keywords as string) as string[],
    unsubscribeToken: r.unsubscribe_token as string,
    confirmHash: (r.confirm_hash as string | null) ?? null,
    confirmExpiresAt: (r.confirm_expires_at as string | null) ?? null,
    detail: (r.detail as string | null) ?? null,
    createdAt: r.created_at as string,
    confirmedAt: (r.confirmed_at as string | null) ?? null,
    updatedAt: r.updated_at as string,
  };
}
