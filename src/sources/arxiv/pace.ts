// Politeness between requests to arXiv's hosts: they ask for one request every 3 seconds.
// Owns the wait only; tests inject a short delay or their own sleep.

import { setTimeout as sleepFor } from 'node:timers/promises';

export interface Politeness {
  /** Pause between requests (default 3000 ms, arXiv's own rule). */
  delayMs?: number;
  /** How to wait; a test can record the waits instead of spending them. */
  sleep?: (ms: number) => Promise<unknown>;
}

/** A wait() that returns at once the first time and pauses `delayMs` before every later request. */
export function pacer({
  delayMs = 3000,
  sleep = (ms) => sleepFor(ms),
}: Politeness = {}): () => Promise<void> {
  let first = true;
  return async () => {
    if (first) {
      first = false;
      return;
    }
    await sleep(delayMs);
  };
}
