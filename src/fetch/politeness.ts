// Per-host politeness: at most `concurrency` requests in flight to one host, and each request starting at
// least `intervalMs` after the previous one started. Known hosts' rules are a data table beside the code.

import type { Clock } from './clock.ts';

export interface HostRule {
  /** Minimum time between the starts of two requests to the host. */
  intervalMs: number;
  /** Requests in flight at once. */
  concurrency: number;
}

/** Sorted by host; `*` is every other host. Settings may add hosts or override these. */
export const HOST_RULES: Readonly<Record<string, HostRule>> = {
  '*': { intervalMs: 0, concurrency: 1 },
  // arXiv API terms of use: "no more than one request every three seconds", a single connection.
  'export.arxiv.org': { intervalMs: 3000, concurrency: 1 },
  'oaipmh.arxiv.org': { intervalMs: 3000, concurrency: 1 },
};

export interface HostQueue {
  /** Waits for a slot for `host` and its interval; resolves to the function that frees the slot. */
  acquire(host: string): Promise<() => void>;
}

interface HostState {
  active: number;
  /** Earliest start of the next request. */
  nextStart: number;
  waiting: Array<() => void>;
}

export function createHostQueue(overrides: Record<string, HostRule>, clock: Clock): HostQueue {
  const rules: Record<string, HostRule> = { ...HOST_RULES, ...overrides };
  const states = new Map<string, HostState>();
  const ruleFor = (host: string): HostRule => rules[host] ?? rules['*'] ?? { intervalMs: 0, concurrency: 1 };

  function stateOf(host: string): HostState {
    let state = states.get(host);
    if (!state) {
      if (states.size >= 10_000) forgetIdle(clock.now());
      state = { active: 0, nextStart: 0, waiting: [] };
      states.set(host, state);
    }
    return state;
  }

  function forgetIdle(now: number): void {
    for (const [host, state] of states) {
      if (state.active === 0 && state.nextStart <= now) states.delete(host);
    }
  }

  return {
    async acquire(host) {
      const rule = ruleFor(host);
      const state = stateOf(host);
      if (state.active < Math.max(1, rule.concurrency)) state.active++;
      else await new Promise<void>((resolve) => state.waiting.push(resolve)); // the slot is handed over
      const start = Math.max(clock.now(), state.nextStart);
      state.nextStart = start + rule.intervalMs;
      const wait = start - clock.now();
      if (wait > 0) await clock.sleep(wait);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = state.waiting.shift();
        if (next) next();
        else state.active--;
      };
    },
  };
}
