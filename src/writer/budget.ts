// The per-run budget in tokens and currency. A call is admitted only while the run has room left
// after what is spent and what calls in flight are expected to cost, so a run stops within one
// request's cost of its limit even with many requests in flight.

export interface Price {
  input: number;
  output: number;
}

export interface BudgetSettings {
  tokens: number | null;
  cost: number | null;
  currency: string;
  /** model → price per million tokens. */
  prices: Record<string, Price>;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface Budget {
  /** Wait until the call can be judged, then reserve its expected cost; false when the budget is spent. */
  admit(expected: Usage, model: string): Promise<{ release(actual: Usage | null): void } | null>;
  cost(usage: Usage, model: string): number;
  readonly spent: { tokens: number; cost: number };
  /** Why writing stopped, or null while there is room. */
  readonly stopped: string | null;
}

export function createBudget(settings: BudgetSettings): Budget {
  const spent = { tokens: 0, cost: 0 };
  const reserved = { tokens: 0, cost: 0 };
  let inFlight = 0;
  let stopped: string | null = null;
  let settled: (() => void)[] = [];
  const cost = (usage: Usage, model: string) => {
    const price = settings.prices[model];
    if (!price) return 0;
    return (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
  };
  const full = (extra: { tokens: number; cost: number }) =>
    (settings.tokens !== null && spent.tokens + extra.tokens >= settings.tokens) ||
    (settings.cost !== null && spent.cost + extra.cost >= settings.cost);

  return {
    cost,
    get spent() {
      return { ...spent };
    },
    get stopped() {
      return stopped;
    },
    async admit(expected, model) {
      const want = { tokens: expected.promptTokens + expected.completionTokens, cost: cost(expected, model) };
      // Room must remain after what is spent and reserved; when only the calls in flight stand in
      // the way, wait for them to settle and judge again with their real cost.
      while (
        full({ tokens: reserved.tokens, cost: reserved.cost }) ||
        (inFlight > 0 && full(plus(reserved, want)))
      ) {
        if (inFlight === 0 || full({ tokens: 0, cost: 0 })) {
          stopped ??= describeLimit(settings, spent);
          return null;
        }
        await new Promise<void>((resolve) => settled.push(resolve));
      }
      inFlight++;
      reserved.tokens += want.tokens;
      reserved.cost += want.cost;
      return {
        release(actual) {
          inFlight--;
          reserved.tokens -= want.tokens;
          reserved.cost -= want.cost;
          if (actual) {
            spent.tokens += actual.promptTokens + actual.completionTokens;
            spent.cost += cost(actual, model);
          }
          const waiting = settled;
          settled = [];
          for (const wake of waiting) wake();
        },
      };
    },
  };
}

function plus(a: { tokens: number; cost: number }, b: { tokens: number; cost: number }) {
  return { tokens: a.tokens + b.tokens, cost: a.cost + b.cost };
}

function describeLimit(settings: BudgetSettings, spent: { tokens: number; cost: number }): string {
  const parts = [];
  if (settings.tokens !== null) parts.push(`${spent.tokens} of ${settings.tokens} tokens`);
  if (settings.cost !== null) parts.push(`${spent.cost.toFixed(4)} of ${settings.cost} ${settings.currency}`);
  return `budget reached: ${parts.join(', ')} spent`;
}

/** A rough upper estimate of a call's size before it is made (about 3 characters per token). */
export function expectedUsage(promptChars: number, task: { maxTokens: number }, observed?: Usage): Usage {
  if (observed) return observed;
  const promptTokens = Math.ceil(promptChars / 3);
  return { promptTokens, completionTokens: Math.min(task.maxTokens, promptTokens) };
}
