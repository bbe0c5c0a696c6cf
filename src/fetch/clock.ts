// Time as a dependency: the HTTP layer waits (politeness intervals, Retry-After, backoff) through a Clock,
// so tests can record or shorten the waits instead of sleeping through them.

import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    if (ms > 0) await delay(ms);
  },
};
