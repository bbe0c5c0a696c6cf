// Retrying when the server asks us to slow down (429, 503): honour Retry-After (seconds or an HTTP date)
// up to a maximum wait, else exponential backoff with jitter; after the last attempt, the last response.

import type { Clock } from './clock.ts';

export interface RetryPolicy {
  /** Requests in all, the first included. */
  attempts: number;
  /** The longest wait between attempts; a Retry-After beyond it returns the response at once. */
  maxWaitMs: number;
  /** The first backoff when the server sends no Retry-After; doubled per attempt. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, maxWaitMs: 60_000, baseDelayMs: 1000 };

const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Milliseconds to wait, from a Retry-After value: delay-seconds or an HTTP date; null when absent or bad. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Backoff before retry number `attempt` (1-based): between half and all of base × 2^(attempt−1). */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxWaitMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

export async function withRetry<T extends { status: number; headers: Headers }>(
  send: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    if (!RETRIED_STATUSES.has(response.status) || attempt >= policy.attempts) return response;
    const asked = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    if (asked !== null && asked > policy.maxWaitMs) return response;
    await clock.sleep(asked ?? backoffMs(attempt, policy));
  }
}
