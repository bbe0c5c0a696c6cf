// `ribao collect`: only collect (and normalize/merge) from the configured sources.

import { UsageError } from '../../errors.ts';
import { collect } from '../../pipeline/collect.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { date, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'collect from the configured sources and merge into stories',
  usage: 'ribao collect [--source S]… [--date YYYY-MM-DD]',
  options: { source: { type: 'string', multiple: true, short: 's' }, date: { type: 'string' } },
  async run(ctx, { values }) {
    const context = await runContext(ctx);
    const only = values.source as string[] | undefined;
    const unknown = only?.find((id) => !context.config.sources.some((s) => s.id === id));
    if (unknown) throw new UsageError(`--source ${unknown}: no such source in the configuration`);
    const day = date(context.config, values.date);
    const { batches, outcomes } = await collect(
      context.config,
      { http: context.http, log: ctx.log, date: day },
      only,
    );
    const report = await ingest(context.store, batches, { timeZone: context.config.timezone });
    for (const s of outcomes) ctx.stdout.write(`source ${s.source}: ${s.error ?? `${s.items} items`}\n`);
    ctx.stdout.write(
      `stored ${report.imported} new, ${report.merged} merged, ${report.updated} updated, ${report.skipped} unchanged\n`,
    );
    const failures = outcomes.filter((s) => s.error).length;
    return failures === 0 ? 0 : failures === outcomes.length ? 1 : 3;
  },
} satisfies Command;
