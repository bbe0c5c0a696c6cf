// `ribao stories`: the merged stories of a day, with identity keys, member items and score.

import { rank } from '../../pipeline/rank.ts';
import { candidates } from '../../pipeline/select.ts';
import { rankOptionsFor } from '../../stories/profile/options.ts';
import { date, publications } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'list the merged stories of a day with keys, items and score',
  usage: 'ribao stories [--date YYYY-MM-DD] [--publication P] [--json]',
  options: {
    date: { type: 'string' },
    publication: { type: 'string', short: 'p' },
    json: { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const config = await ctx.config();
    const store = await ctx.store();
    const day = date(config, values.date ?? (await store.storyDates())[0]);
    const stories = values.publication
      ? await candidates(store, config, publications(config, values.publication)[0] as string, day)
      : (await store.storiesOn(day)).filter((s) => !s.dropped);
    const scored = rank(stories, rankOptionsFor(config, (values.publication as string | undefined) ?? null));
    const ranked = [];
    for (const s of scored)
      ranked.push({
        id: s.id,
        kind: s.kind,
        date: s.editionDate,
        score: s.score,
        terms: s.terms,
        keys: s.keys,
        title: s.items[0]?.title ?? '',
        // Why the items are together: the keys each shares, the citations, and the joins that are not
        // by key (near-duplicates, editors' merges and splits) from the story's history.
        items: s.items.map((i) => ({
          id: i.id,
          source: i.source,
          externalId: i.externalId,
          url: i.url,
          keys: i.keys,
          cites: i.cites,
        })),
        joins: (await store.decisions({ storyId: s.id })).filter(
          (d) => d.action === 'merge' || d.action === 'split',
        ),
        writeups: s.writeups.map(({ storyId: _, body: __, ...provenance }) => provenance),
        placements: s.placements.map(({ storyId: _, ...placement }) => placement),
      });
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ date: day, stories: ranked }, null, 2)}\n`);
      return 0;
    }
    ctx.stdout.write(`${day}: ${ranked.length} stories\n`);
    for (const s of ranked) {
      ctx.stdout.write(`${s.id}  ${s.score.toFixed(2).padStart(6)}  ${s.title}\n`);
      ctx.stdout.write(`    keys: ${s.keys.join(' ')}\n`);
      for (const i of s.items) ctx.stdout.write(`    ${i.source}: ${i.url}\n`);
    }
    return 0;
  },
} satisfies Command;
