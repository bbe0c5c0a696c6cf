// Deliveries in SQLite: claim before sending, finish after, so a crash mid-send never sends twice.
// SQL and row mapping only; SqliteStore delegates here.

import type { Delivery } from '../store.ts';
import type { Sql } from './sql.ts';

type Key = Pick<Delivery, 'channel' | 'publication' | 'date' | 'recipient'>;

export class DeliveryRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  claim(k: Key, options: { retryInterrupted?: boolean; retryFailed?: boolean }): boolean {
    const now = new Date().toISOString();
    const retry = [
      ...(options.retryInterrupted ? ['sending'] : []),
      ...(options.retryFailed ? ['failed'] : []),
    ];
    const inserted = this.#sql.db
      .prepare(
        `INSERT INTO deliveries (channel, publication, date, recipient, status, attempts, updated_at)
         VALUES (?, ?, ?, ?, 'sending', 1, ?)
         ON CONFLICT (channel, publication, date, recipient) DO UPDATE SET status = 'sending',
           attempts = deliveries.attempts + 1, updated_at = excluded.updated_at
         WHERE deliveries.status IN (SELECT value FROM json_each(?))`,
      )
      .run(k.channel, k.publication, k.date, k.recipient, now, JSON.stringify(retry));
    return inserted.changes > 0;
  }

  finish(k: Key, status: 'sent' | 'failed' | 'skipped', detail: string | null): void {
    this.#sql.run(
      `UPDATE deliveries SET status = ?, detail = ?, updated_at = ?
       WHERE channel = ? AND publication = ? AND date = ? AND recipient = ?`,
      status,
      detail,
      new Date().toISOString(),
      k.channel,
      k.publication,
      k.date,
      k.recipient,
    );
  }

  list(filter: { channel?: string; publication?: string; date?: string }): Delivery[] {
    return this.#sql
      .all(
        `SELECT * FROM deliveries WHERE (? IS NULL OR channel = ?) AND (? IS NULL OR publication = ?)
         AND (? IS NULL OR date = ?) ORDER BY channel, publication, date, recipient`,
        filter.channel ?? null,
        filter.channel ?? null,
        filter.publication ?? null,
        filter.publication ?? null,
        filter.date ?? null,
        filter.date ?? null,
      )
      .map((r) => ({
        channel: r.channel as string,
        publication: r.publication as string,
        date: r.date as string,
        recipient: r.recipient as string,
        status: r.status as Delivery['status'],
        attempts: Number(r.attempts),
        detail: (r.detail as string | null) ?? null,
        updatedAt: r.updated_at as string,
      }));
  }
}
