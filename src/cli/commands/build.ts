// `ribao build`: assemble, render and publish editions from what is stored, then the whole static
// site (every edition, story, archive, section, tag and search page). No network.

import { allEntries } from '../../model/edition.ts';
import { build } from '../../pipeline/run.ts';
import { buildSite } from '../../site/build-site.ts';
import { date, publications, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'assemble and render editions from the store, then the static site; no network',
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
    const site = await buildSite(run, run.out);
    ctx.stdout.write(
      `site ${run.out}: ${site.pages} pages, ${site.files.length} files, ${kib(site.bytes)}; search index ${site.search.docs} docs, ${kib(site.search.bytes)}\n`,
    );
    return 0;
  },
} satisfies Command;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
