// `ribao costs`: the cost log summed per day, publication, task or model — calls, cache hits,
// tokens and money — from what `ribao write` and `ribao run` recorded.

import { UsageError } from '../../errors.ts';
import type { CostRow } from '../../store/store.ts';
import { date } from '../choose.ts';
import type { Command } from '../command.ts';

const DIMENSIONS = ['day', 'publication', 'task', 'model'] as const;
type Dimension = (typeof DIMENSIONS)[number];

interface Line {
  key: string;
  calls: number;
  cached: number;
  rejected: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

export default {
  summary: 'what the LLM cost: calls, cache hits, tokens and money per day, publication, task or model',
  usage: 'ribao costs [--by day|publication|task|model] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  options: {
    by: { type: 'string', default: 'day' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const config = await ctx.config();
    const by = values.by as Dimension;
    if (!DIMENSIONS.includes(by))
      throw new UsageError(`--by ${String(by)}: expected one of ${DIMENSIONS.join(', ')}`);
    const range = {
      from: values.from === undefined ? undefined : date(config, values.from),
      to: values.to === undefined ? undefined : date(config, values.to),
    };
    const lines = summarize(await (await ctx.store()).costs(range), by);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ by, currency: config.llm.currency, lines }, null, 2)}\n`);
      return 0;
    }
    if (lines.length === 0) {
      ctx.stdout.write('no LLM calls recorded\n');
      return 0;
    }
    const rows = [...lines, total(lines)].map((l) => [
      l.key,
      String(l.calls),
      `${l.calls + l.cached === 0 ? 0 : Math.round((100 * l.cached) / (l.calls + l.cached))}%`,
      String(l.rejected),
      String(l.errors),
      String(l.promptTokens),
      String(l.completionTokens),
      l.cost.toFixed(4),
    ]);
    const header = [
      by,
      'calls',
      'cache hits',
      'rejected',
      'errors',
      'prompt tokens',
      'completion tokens',
      config.llm.currency,
    ];
    ctx.stdout.write(table([header, ...rows]));
    return 0;
  },
} satisfies Command;

/** Sum the log's rows per value of `by`; cache hits are counted apart from calls (they cost nothing). */
export function summarize(rows: CostRow[], by: Dimension): Line[] {
  const lines = new Map<string, Line>();
  for (const row of rows) {
    const key = row[by] ?? '(none)';
    const line = lines.get(key) ?? {
      key,
      calls: 0,
      cached: 0,
      rejected: 0,
      errors: 0,
      promptTokens: 0,
      completionTokens: 0,
      cost: 0,
    };
    if (row.outcome === 'cached') line.cached += row.calls;
    else line.calls += row.calls;
    if (row.outcome === 'rejected') line.rejected += row.calls;
    if (row.outcome === 'error') line.errors += row.calls;
    line.promptTokens += row.promptTokens;
    line.completionTokens += row.completionTokens;
    line.cost += row.cost;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function total(lines: Line[]): Line {
  const sum = (f: (l: Line) => number) => lines.reduce((n, l) => n + f(l), 0);
  return {
    key: 'total',
    calls: sum((l) => l.calls),
    cached: sum((l) => l.cached),
    rejected: sum((l) => l.rejected),
    errors: sum((l) => l.errors),
    promptTokens: sum((l) => l.promptTokens),
    completionTokens: sum((l) => l.completionTokens),
    cost: sum((l) => l.cost),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
    )
    .join('\n')
    .concat('\n');
}
