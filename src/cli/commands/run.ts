// `ribao run`: the daily job for each publication. Exit 3 when a source or a writeup failed but the
// editions were still built.

import { run } from '../../pipeline/run.ts';
import { buildSite } from '../../site/build-site.ts';
import { date, publications, runContext } from '../choose.ts';
import type { Command } from '../command.ts';
import { describeWrite, warnFailures } from '../report.ts';

export default {
  summary: 'the daily job: collect → … → publish for each publication',
  usage: 'ribao run [--publication P]… [--date YYYY-MM-DD] [--out DIR]',
  options: {
    publication: { type: 'string', multiple: true, short: 'p' },
    date: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { values }) {
    const context = await runContext(ctx, values.out);
    const names = publications(context.config, values.publication);
    const day = date(context.config, values.date);
    ctx.progress(`running ${names.join(', ')} for ${day}`);
    const report = await run(context, names, day);
    for (const s of report.sources)
      ctx.stdout.write(`source ${s.source}: ${s.error ?? `${s.items} items`}\n`);
    ctx.stdout.write(
      `stored ${report.ingest.imported} new, ${report.ingest.merged} merged, ${report.ingest.updated} updated\n`,
    );
    for (const [name, w] of Object.entries(report.writes)) {
      const offline = context.writer ? '' : ' (no LLM endpoint configured: extractive text)';
      ctx.stdout.write(`write ${name}: ${describeWrite(w)}${offline}\n`);
      warnFailures(ctx.log, w);
    }
    for (const { edition, files } of report.editions)
      ctx.stdout.write(`${edition.publication} ${day} → ${files.join(', ')}\n`);
    const site = await buildSite(context, context.out);
    ctx.stdout.write(`site ${context.out}: ${site.pages} pages\n`);
    const failed =
      report.sources.some((s) => s.error) || Object.values(report.writes).some((w) => w.failed.length > 0);
    return failed ? 3 : 0;
  },
} satisfies Command;
