// API tokens for scripts and chat bots: random, shown once, stored as a SHA-256 with a name and a
// role. A token acts as its user with the lesser of the two roles; a disabled user's tokens fail.

import type { ApiToken, Role, User } from '../store/store.ts';
import type { WebContext } from './context.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { AccountError, atLeast, isRole, lesser } from './users.ts';

/** Tokens start with this, so a leaked one is recognizable (secret scanners, logs). */
export const TOKEN_PREFIX = 'ribao_';

export async function createApiToken(
  ctx: WebContext,
  user: User,
  name: string,
  role: Role = user.role,
): Promise<{ token: string; record: ApiToken }> {
  const label = name.trim();
  if (!label || [...label].length > 80) throw new AccountError('a token needs a name of 1–80 characters');
  if (!isRole(role)) throw new AccountError(`role "${role}": not a role`);
  if (!atLeast(user.role, role)) throw new AccountError(`a ${user.role} cannot make a ${role} token`);
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const record = {
    userId: user.id,
    name: label,
    tokenHash: hashSecret(token),
    role,
    createdAt: ctx.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  const id = await ctx.store.createApiToken(record);
  return { token, record: { ...record, id } };
}

/** The user and role a bearer token stands for, or null (unknown, revoked, or its user disabled). */
export async function tokenHolder(
  ctx: WebContext,
  token: string,
): Promise<{ user: User; role: Role; token: ApiToken } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const record = await ctx.store.findApiToken(hashSecret(token));
  if (!record || record.revokedAt) return null;
  const user = await ctx.store.findUser({ id: record.userId });
  if (!user || user.disabledAt) return null;
  const now = ctx.now();
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) >= 60_000)
    await ctx.store.touchApiToken(record.id, now.toISOString());
  return { user, role: lesser(record.role, user.role), token: record };
}

/** A token as the API lists it: never the hash. */
export function publicToken(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revoked: t.revokedAt !== null,
  };
}
