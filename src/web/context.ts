// What the web app is handed: the store, a logger, a clock and its settings, with every default
// declared once here. Built by `ribao serve` (or a test, with its own clock); no globals below it.

import type { Logger } from '../sources/source.ts';
import type { Store } from '../store/store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Login throttling (rate-limit.ts): per account, and per client address. */
export interface LoginLimits {
  /** Failed logins in a row (no success between, within a day) before the account is locked. */
  accountFailures: number;
  /** The first lock; every further `accountFailures` failures double it, up to a day. */
  lockMs: number;
  /** Failed logins from one address within `addressWindowMs` before it is refused. */
  addressFailures: number;
  addressWindowMs: number;
}

export interface WebSettings {
  /** `Secure` and the `__Host-` cookie prefix. Off only for plain HTTP on loopback (browsers drop them there). */
  secureCookies: boolean;
  /** Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy). */
  trustProxy: boolean;
  /** The public address of this server, for invite links. */
  publicUrl: string;
  /** A session ends after this long unused, and in any case this long after sign-in. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** A session not signed in yet (it only carries a login form's CSRF token). */
  anonymousSessionMs: number;
  inviteTtlMs: number;
  limits: LoginLimits;
}

export const DEFAULT_SETTINGS: WebSettings = {
  secureCookies: true,
  trustProxy: false,
  publicUrl: 'http://localhost:8080/',
  sessionIdleMs: 12 * HOUR,
  sessionMaxMs: 7 * 24 * HOUR,
  anonymousSessionMs: 2 * HOUR,
  inviteTtlMs: 7 * 24 * HOUR,
  limits: { accountFailures: 5, lockMs: 15 * MINUTE, addressFailures: 20, addressWindowMs: 15 * MINUTE },
};

export interface WebContext {
  store: Store;
  log: Logger;
  now(): Date;
  settings: WebSettings;
}

export function webContext(
  store: Store,
  log: Logger,
  options: { now?: () => Date; settings?: Partial<WebSettings> } = {},
): WebContext {
  return {
    store,
    log,
    now: options.now ?? (() => new Date()),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
}

/** An instant `ms` after (or before, when negative) `from`, as the store writes instants. */
export function later(from: Date, ms: number): string {
  return new Date(from.getTime() + ms).toISOString();
}
