// Browser sessions: a random 256-bit id in an HttpOnly cookie, only its SHA-256 in the store; idle and
// absolute expiry; a new id at every sign-in (no fixation); sign-out deletes the row.

import type { IncomingMessage } from 'node:http';
import type { Session } from '../store/store.ts';
import { later, type WebContext } from './context.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** The session as the request knows it: the cookie's secret and the stored row. */
export interface ActiveSession {
  id: string;
  record: Session;
}

/** Unused sessions are touched at most this often (one write per minute, not per request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/, so no
 * sibling subdomain can plant one. Browsers drop Secure cookies on plain HTTP, so without
 * `secureCookies` (loopback only) the cookie is plain `ribao`.
 */
export function cookieName(ctx: WebContext): string {
  return ctx.settings.secureCookies ? '__Host-ribao' : 'ribao';
}

/** A new session, anonymous (userId null: it carries a login form's CSRF token) or signed in. */
export async function startSession(
  ctx: WebContext,
  userId: number | null,
  ip: string,
): Promise<ActiveSession> {
  const now = ctx.now();
  const { store, settings } = ctx;
  await store.deleteSessions({
    expiresBefore: now.toISOString(),
    seenBefore: later(now, -settings.sessionIdleMs),
  });
  const id = newSecret();
  const record: Session = {
    idHash: hashSecret(id),
    userId,
    createdAt: now.toISOString(),
    seenAt: now.toISOString(),
    expiresAt: later(now, userId === null ? settings.anonymousSessionMs : settings.sessionMaxMs),
    ip,
  };
  await store.putSession(record);
  return { id, record };
}

/** The live session a cookie names, or null (unknown, idle too long, past its end: then deleted). */
export async function loadSession(ctx: WebContext, id: string): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const record = await ctx.store.findSession(hashSecret(id));
  if (!record) return null;
  const now = ctx.now();
  const idle = now.getTime() - Date.parse(record.seenAt);
  if (now.toISOString() >= record.expiresAt || idle >= ctx.settings.sessionIdleMs) {
    await ctx.store.deleteSessions({ idHash: record.idHash });
    return null;
  }
  if (idle >= TOUCH_EVERY_MS) {
    record.seenAt = now.toISOString();
    await ctx.store.touchSession(record.idHash, record.seenAt);
  }
  return { id, record };
}

export async function endSession(ctx: WebContext, session: ActiveSession): Promise<void> {
  await ctx.store.deleteSessions({ idHash: session.record.idHash });
}

/** The Set-Cookie value for a session: HttpOnly, SameSite=Lax, Path=/, Secure unless turned off. */
export function sessionCookie(ctx: WebContext, session: ActiveSession): string {
  const seconds = Math.max(
    0,
    Math.floor((Date.parse(session.record.expiresAt) - ctx.now().getTime()) / 1000),
  );
  return cookie(ctx, session.id, seconds);
}

export function clearedCookie(ctx: WebContext): string {
  return cookie(ctx, '', 0);
}

function cookie(ctx: WebContext, value: string, maxAge: number): string {
  const secure = ctx.settings.secureCookies ? '; Secure' : '';
  return `${cookieName(ctx)}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/** The session cookie's value on a request, or null. */
export function readSessionCookie(ctx: WebContext, req: IncomingMessage): string | null {
  const name = cookieName(ctx);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
