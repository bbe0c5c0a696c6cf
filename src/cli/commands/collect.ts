// `ribao collect`: only collect (and normalize/merge) from the configured sources, for one day or
// each day of a range (a backfill). Naming sources asks them even when they are backed off.

import { UsageError } from '../../errors.ts';
import { addDays } from '../../model/day.ts';
import { collectAndStore } from '../../pipeline/run.ts';
import { date, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'collect from the configured sources and merge into stories (one day, or --from/--to)',
  usage: 'ribao collect [--source S]… [--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]',
  options: {
    source: { type: 'string', multiple: true, short: 's' },
    date: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  async run(ctx, { values }) {
    const context = await runContext(ctx);
    const only = values.source as string[] | undefined;
    const unknown = only?.find((id) => !context.config.sources.some((s) => s.id === id));
    if (unknown) throw new UsageError(`--source ${unknown}: no such source in the configuration`);
    const days = dayRange(context.config, values);
    let failures = 0;
    let asked = 0;
    for (const day of days) {
      if (days.length > 1) ctx.progress(`collecting ${day}`);
      const { outcomes, ingested } = await collectAndStore(context, day, only, only !== undefined);
      const prefix = days.length > 1 ? `${day} ` : '';
      for (const s of outcomes) {
        ctx.stdout.write(`${prefix}source ${s.source}: ${s.error ?? s.skipped ?? `${s.items} items`}\n`);
      }
      ctx.stdout.write(
        `${prefix}stored ${ingested.imported} new, ${ingested.merged} merged, ${ingested.updated} updated, ${ingested.skipped} unchanged\n`,
      );
      asked += outcomes.length;
      failures += outcomes.filter((s) => s.error).length;
    }
    return failures === 0 ? 0 : failures === asked ? 1 : 3;
  },
} satisfies Command;

function dayRange(config: Parameters<typeof date>[0], values: Record<string, unknown>): string[] {
  if (values.from === undefined && values.to === undefined) return [date(config, values.date)];
  if (values.date !== undefined) throw new UsageError('give --date or --from/--to, not both');
  if (values.from === undefined || values.to === undefined)
    throw new UsageError('--from and --to go together');
  const from = date(config, values.from);
  const to = date(config, values.to);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push(day);
    if (days.length > 3660) throw new UsageError('a range of at most ten years');
  }
  return days;
}
