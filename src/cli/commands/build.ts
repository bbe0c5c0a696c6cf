// `ribao build`: assemble, render and publish editions from what is stored. No network.

import { allEntries } from '../../model/edition.ts';
import { build } from '../../pipeline/run.ts';
import { date, publications, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'assemble and render editions from the store, no network',
  usage: 'ribao build [--publication P]… [--date YYYY-MM-DD] [--out DIR]',
  options: {
    publication: { type: 'string', multiple: true, short: 'p' },
    date: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, { values }) {
    const run = await runContext(ctx, values.out);
    const day = date(run.config, values.date ?? (await run.store.storyDates())[0]);
    for (const name of publications(run.config, values.publication)) {
      const { edition, files } = await build(run, name, day);
      ctx.stdout.write(`${name} ${day}: ${allEntries(edition).length} entries → ${files.join(', ')}\n`);
    }
    return 0;
  },
} satisfies Command;
