// Login throttling, kept in the store so it survives restarts. Per account: after N failures in a
// row the account is locked, the lock doubling every N more. Per address: N failures in a window.

import { later, type WebContext } from './context.ts';

const DAY_MS = 86_400_000;

export interface Throttled {
  reason: 'account' | 'address';
  retryAfterMs: number;
}

/** The handle as the limits count it, whether or not such a user exists. */
export function accountKey(handle: string): string {
  return handle.trim().toLowerCase().slice(0, 64);
}

/**
 * Whether a login may be tried now. Unknown handles are counted like known ones, so a lock says
 * nothing about whether an account exists. Refused tries are not logged: a lock does not extend itself.
 */
export async function loginThrottled(ctx: WebContext, handle: string, ip: string): Promise<Throttled | null> {
  const now = ctx.now();
  const { limits } = ctx.settings;
  const account = await ctx.store.loginAttempts({ account: accountKey(handle), since: later(now, -DAY_MS) });
  const lastSuccess = account.findLastIndex((a) => a.ok);
  const failures = account.slice(lastSuccess + 1);
  const last = failures.at(-1);
  if (last && failures.length >= limits.accountFailures) {
    const doublings = Math.floor((failures.length - limits.accountFailures) / limits.accountFailures);
    const lockMs = Math.min(DAY_MS, limits.lockMs * 2 ** doublings);
    const until = Date.parse(last.at) + lockMs;
    if (until > now.getTime()) return { reason: 'account', retryAfterMs: until - now.getTime() };
  }
  const fromAddress = (
    await ctx.store.loginAttempts({ ip, since: later(now, -limits.addressWindowMs) })
  ).filter((a) => !a.ok);
  const oldest = fromAddress.at(-limits.addressFailures);
  if (oldest && fromAddress.length >= limits.addressFailures) {
    const until = Date.parse(oldest.at) + limits.addressWindowMs;
    if (until > now.getTime()) return { reason: 'address', retryAfterMs: until - now.getTime() };
  }
  return null;
}

export async function recordLogin(ctx: WebContext, handle: string, ip: string, ok: boolean): Promise<void> {
  await ctx.store.logLoginAttempt({ at: ctx.now().toISOString(), account: accountKey(handle), ip, ok });
}

/** "15 minutes", for a person. */
export function waitText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes >= 120 ? `${Math.ceil(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
