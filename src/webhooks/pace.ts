// Keeping one webhook under its platform's rate: at most `count` messages in any `windowMs`, and
// `intervalMs` between two. Waits through the Clock, so tests can record them instead of sleeping.

import type { Clock } from '../fetch/clock.ts';
import type { Pace } from './platform.ts';

export interface Pacer {
  /** Resolves when the next message may go, and counts it as gone. */
  wait(): Promise<void>;
}

export function createPacer(pace: Pace, clock: Clock): Pacer {
  const sent: number[] = [];
  return {
    async wait() {
      for (;;) {
        const now = clock.now();
        while (sent.length > 0 && (sent[0] as number) <= now - pace.windowMs) sent.shift();
        const last = sent.at(-1);
        const gap = last === undefined ? 0 : last + pace.intervalMs - now;
        const full = sent.length >= pace.count ? (sent[0] as number) + pace.windowMs - now : 0;
        const ms = Math.max(gap, full);
        if (ms <= 0) break;
        await clock.sleep(ms);
      }
      sent.push(clock.now());
    },
  };
}
