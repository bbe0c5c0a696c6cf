// The web app's accounts in SQLite: users, sessions, invites, API tokens and login attempts.
// SQL and row mapping only; hashing, expiry, limits and roles live in src/web/.

import type { SQLInputValue } from 'node:sqlite';
import type { ApiToken, Invite, LoginAttempt, Role, Session, User, UserChange } from '../store.ts';
import type { Row, Sql } from './sql.ts';

const DAY_MS = 86_400_000;

export class AccountRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  createUser(u: Omit<User, 'id'>): number {
    const row = this.#sql.get(
      `INSERT INTO users (handle, display_name, role, password_hash, disabled_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      u.handle,
      u.displayName,
      u.role,
      u.passwordHash,
      u.disabledAt,
      u.createdAt,
      u.updatedAt,
    );
    return Number(row?.id);
  }

  findUser(by: { id: number } | { handle: string }): User | null {
    const row =
      'id' in by
        ? this.#sql.get('SELECT * FROM users WHERE id = ?', by.id)
        : this.#sql.get('SELECT * FROM users WHERE handle = ?', by.handle);
    return row ? toUser(row) : null;
  }

  users(): User[] {
    return this.#sql.all('SELECT * FROM users ORDER BY handle').map(toUser);
  }

  updateUser(id: number, change: UserChange): void {
    const columns: [string, keyof UserChange][] = [
      ['display_name', 'displayName'],
      ['role', 'role'],
      ['password_hash', 'passwordHash'],
      ['disabled_at', 'disabledAt'],
      ['updated_at', 'updatedAt'],
    ];
    const set = columns.filter(([, key]) => key in change);
    const values = set.map(([, key]) => (change[key] ?? null) as SQLInputValue);
    this.#sql.run(
      `UPDATE users SET ${set.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`,
      ...values,
      id,
    );
  }

  putSession(s: Session): void {
    this.#sql.run(
      `INSERT INTO sessions (id_hash, user_id, created_at, seen_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id_hash) DO UPDATE SET user_id = excluded.user_id, seen_at = excluded.seen_at,
         expires_at = excluded.expires_at, ip = excluded.ip`,
      s.idHash,
      s.userId,
      s.createdAt,
      s.seenAt,
      s.expiresAt,
      s.ip,
    );
  }

  findSession(idHash: string): Session | null {
    const r = this.#sql.get('SELECT * FROM sessions WHERE id_hash = ?', idHash);
    if (!r) return null;
    return {
      idHash: r.id_hash as string,
      userId: r.user_id == null ? null : Number(r.user_id),
      createdAt: r.created_at as string,
      seenAt: r.seen_at as string,
      expiresAt: r.expires_at as string,
      ip: r.ip as string,
    };
  }

  touchSession(idHash: string, seenAt: string): void {
    this.#sql.run('UPDATE sessions SET seen_at = ? WHERE id_hash = ?', seenAt, idHash);
  }

  deleteSessions(
    which: { idHash: string } | { userId: number } | { expiresBefore: string; seenBefore: string },
  ): number {
    const run = (sql: string, ...params: SQLInputValue[]) => this.#sql.db.prepare(sql).run(...params).changes;
    if ('idHash' in which) return Number(run('DELETE FROM sessions WHERE id_hash = ?', which.idHash));
    if ('userId' in which) return Number(run('DELETE FROM sessions WHERE user_id = ?', which.userId));
    return Number(
      run('DELETE FROM sessions WHERE expires_at < ? OR seen_at < ?', which.expiresBefore, which.seenBefore),
    );
  }

  createInvite(i: Omit<Invite, 'id'>): number {
    const row = this.#sql.get(
      `INSERT INTO invites (token_hash, role, created_by, created_at, expires_at, used_at, used_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      i.tokenHash,
      i.role,
      i.createdBy,
      i.createdAt,
      i.expiresAt,
      i.usedAt,
      i.usedBy,
    );
    return Number(row?.id);
  }

  findInvite(tokenHash: string): Invite | null {
    const row = this.#sql.get('SELECT * FROM invites WHERE token_hash = ?', tokenHash);
    return row ? toInvite(row) : null;
  }

  invites(): Invite[] {
    return this.#sql.all('SELECT * FROM invites ORDER BY created_at DESC, id DESC').map(toInvite);
  }

  useInvite(tokenHash: string, at: string, userId: number): boolean {
    const result = this.#sql.db
      .prepare(
        `UPDATE invites SET used_at = ?, used_by = ?
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
      )
      .run(at, userId, tokenHash, at);
    return result.changes > 0;
  }

  deleteInvite(id: number): boolean {
    return this.#sql.db.prepare('DELETE FROM invites WHERE id = ?').run(id).changes > 0;
  }

  createApiToken(t: Omit<ApiToken, 'id'>): number {
    const row = this.#sql.get(
      `INSERT INTO api_tokens (user_id, name, token_hash, role, created_at, last_used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      t.userId,
      t.name,
      t.tokenHash,
      t.role,
      t.createdAt,
      t.lastUsedAt,
      t.revokedAt,
    );
    return Number(row?.id);
  }

  findApiToken(tokenHash: string): ApiToken | null {
    const row = this.#sql.get('SELECT * FROM api_tokens WHERE token_hash = ?', tokenHash);
    return row ? toApiToken(row) : null;
  }

  apiTokens(userId: number): ApiToken[] {
    return this.#sql.all('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id', userId).map(toApiToken);
  }

  revokeApiToken(id: number, userId: number, at: string): boolean {
    const result = this.#sql.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL')
      .run(at, id, userId);
    return result.changes > 0;
  }

  touchApiToken(id: number, at: string): void {
    this.#sql.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', at, id);
  }

  logLoginAttempt(a: LoginAttempt): void {
    const dayBefore = new Date(Date.parse(a.at) - DAY_MS).toISOString();
    this.#sql.run('DELETE FROM login_attempts WHERE at < ?', dayBefore);
    this.#sql.run(
      'INSERT INTO login_attempts (at, account, ip, ok) VALUES (?, ?, ?, ?)',
      a.at,
      a.account,
      a.ip,
      a.ok ? 1 : 0,
    );
  }

  loginAttempts(filter: { account: string; since: string } | { ip: string; since: string }): LoginAttempt[] {
    const rows =
      'account' in filter
        ? this.#sql.all(
            'SELECT * FROM login_attempts WHERE account = ? AND at >= ? ORDER BY at, rowid',
            filter.account,
            filter.since,
          )
        : this.#sql.all(
            'SELECT * FROM login_attempts WHERE ip = ? AND at >= ? ORDER BY at, rowid',
            filter.ip,
            filter.since,
          );
    return rows.map((r) => ({
      at: r.at as string,
      account: r.account as string,
      ip: r.ip as string,
      ok: r.ok === 1,
    }));
  }
}

function toUser(r: Row): User {
  return {
    id: Number(r.id),
    handle: r.handle as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    passwordHash: (r.password_hash as string | null) ?? null,
    disabledAt: (r.disabled_at as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function toInvite(r: Row): Invite {
  return {
    id: Number(r.id),
    tokenHash: r.token_hash as string,
    role: r.role as Role,
    createdBy: r.created_by == null ? null : Number(r.created_by),
    createdAt: r.created_at as string,
    expiresAt: r.expires_at as string,
    usedAt: (r.used_at as string | null) ?? null,
    usedBy: r.used_by == null ? null : Number(r.used_by),
  };
}

function toApiToken(r: Row): ApiToken {
  return {
    id: Number(r.id),
    userId: Number(r.user_id),
    name: r.name as string,
    tokenHash: r.token_hash as string,
    role: r.role as Role,
    createdAt: r.created_at as string,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}
