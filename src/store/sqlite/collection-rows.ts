// Collection's tables in SQLite: per-source state, HTTP validators and source health.
// SQL and row mapping only; SqliteStore delegates here.

import type { HttpValidators, SourceHealth } from '../store.ts';
import type { Sql } from './sql.ts';

export class CollectionRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  getState(source: string, key: string): unknown {
    const row = this.#sql.get('SELECT value FROM source_state WHERE source = ? AND key = ?', source, key);
    return row ? JSON.parse(row.value as string) : null;
  }

  putState(source: string, key: string, value: unknown): void {
    this.#sql.run(
      `INSERT INTO source_state (source, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      source,
      key,
      JSON.stringify(value ?? null),
      new Date().toISOString(),
    );
  }

  getValidators(url: string): HttpValidators | null {
    const row = this.#sql.get('SELECT etag, last_modified FROM http_validators WHERE url = ?', url);
    if (!row) return null;
    return {
      ...(row.etag ? { etag: row.etag as string } : {}),
      ...(row.last_modified ? { lastModified: row.last_modified as string } : {}),
    };
  }

  putValidators(url: string, v: HttpValidators): void {
    this.#sql.run(
      `INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         updated_at = excluded.updated_at`,
      url,
      v.etag ?? null,
      v.lastModified ?? null,
      new Date().toISOString(),
    );
  }

  recordCollect(
    source: string,
    o: { at: string; items: number; error: string | null; backoffUntil: string | null },
  ): void {
    if (o.error === null) {
      this.#sql.run(
        `INSERT INTO source_health (source, last_success_at, consecutive_failures, last_items, backoff_until)
         VALUES (?, ?, 0, ?, NULL)
         ON CONFLICT (source) DO UPDATE SET last_success_at = excluded.last_success_at,
           consecutive_failures = 0, last_items = excluded.last_items, backoff_until = NULL`,
        source,
        o.at,
        o.items,
      );
      return;
    }
    this.#sql.run(
      `INSERT INTO source_health (source, last_error_at, last_error, consecutive_failures, backoff_until)
       VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (source) DO UPDATE SET last_error_at = excluded.last_error_at, last_error = excluded.last_error,
         consecutive_failures = source_health.consecutive_failures + 1, backoff_until = excluded.backoff_until`,
      source,
      o.at,
      o.error,
      o.backoffUntil,
    );
  }

  sourceHealth(): SourceHealth[] {
    return this.#sql.all('SELECT * FROM source_health ORDER BY source').map((r) => ({
      source: r.source as string,
      lastSuccessAt: (r.last_success_at as string | null) ?? null,
      lastErrorAt: (r.last_error_at as string | null) ?? null,
      lastError: (r.last_error as string | null) ?? null,
      consecutiveFailures: Number(r.consecutive_failures),
      lastItems: r.last_items === null ? null : Number(r.last_items),
      backoffUntil: (r.backoff_until as string | null) ?? null,
    }));
  }
}
