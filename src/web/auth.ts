// Who is asking and what they may do: signing in (throttled, constant-time for unknown handles,
// rehashing old hashes), the principal behind a session or a bearer token, and the role guard.

import type { Role, User } from '../store/store.ts';
import type { WebContext } from './context.ts';
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from './passwords.ts';
import { loginThrottled, recordLogin, type Throttled } from './rate-limit.ts';
import type { ActiveSession } from './sessions.ts';
import { tokenHolder } from './tokens.ts';
import { atLeast } from './users.ts';

/** A signed-in person: through a browser session, or through an API token (then `role` may be lower). */
export interface Principal {
  user: User;
  role: Role;
  via: 'session' | 'token';
}

export type LoginResult = { ok: true; user: User } | { ok: false; throttled: Throttled | null };

/**
 * Check a handle and password. Every path that is not throttled costs one scrypt: an unknown,
 * disabled or password-less account is checked against a dummy hash, and every answer is the same
 * "wrong handle or password", so neither timing nor wording tells which handles exist.
 */
export async function login(
  ctx: WebContext,
  handle: string,
  password: string,
  ip: string,
): Promise<LoginResult> {
  const throttled = await loginThrottled(ctx, handle, ip);
  if (throttled) {
    ctx.log.warn(`login refused for "${handle.slice(0, 64)}" from ${ip}: ${throttled.reason} throttled`);
    return { ok: false, throttled };
  }
  const user = /^[\x21-\x7e]{1,64}$/.test(handle.trim())
    ? await ctx.store.findUser({ handle: handle.trim().toLowerCase() })
    : null;
  const hash = user && !user.disabledAt ? user.passwordHash : null;
  const ok = hash ? await verifyPassword(password, hash) : await verifyDummy(password);
  await recordLogin(ctx, handle, ip, ok);
  if (!ok || !user || !hash) return { ok: false, throttled: null };
  if (needsRehash(hash)) {
    const passwordHash = await hashPassword(password);
    await ctx.store.updateUser(user.id, { passwordHash, updatedAt: ctx.now().toISOString() });
    return { ok: true, user: { ...user, passwordHash } };
  }
  return { ok: true, user };
}

/** The signed-in person behind a session, or null (anonymous, or the account was disabled). */
export async function sessionPrincipal(ctx: WebContext, session: ActiveSession): Promise<Principal | null> {
  if (session.record.userId === null) return null;
  const user = await ctx.store.findUser({ id: session.record.userId });
  if (!user || user.disabledAt) return null;
  return { user, role: user.role, via: 'session' };
}

/** The person behind an `Authorization: Bearer` header, null when it holds no valid token. */
export async function bearerPrincipal(ctx: WebContext, authorization: string): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const holder = match ? await tokenHolder(ctx, match[1] as string) : null;
  return holder ? { user: holder.user, role: holder.role, via: 'token' } : null;
}

/** The guard on a route: null when allowed, else the status and why (401: who are you; 403: not you). */
export function requireRole(
  principal: Principal | null,
  needed: Role | null,
): { status: 401 | 403; message: string } | null {
  if (needed === null) return null;
  if (!principal) return { status: 401, message: 'sign in first' };
  if (!atLeast(principal.role, needed))
    return {
      status: 403,
      message: `this needs the ${needed} role; ${principal.user.handle} is ${principal.role}`,
    };
  return null;
}
