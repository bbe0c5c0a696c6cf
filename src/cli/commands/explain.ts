// `ribao explain STORY`: why a story scores what it does — each ranking term with its value and reason,
// then the total, which is their sum. Ranks the story's whole day, as `ribao stories` does.

import type { Config } from '../../config/schema.ts';
import { UsageError } from '../../errors.ts';
import type { StoryView } from '../../model/story.ts';
import { rank, type ScoredStory } from '../../pipeline/rank.ts';
import { candidates } from '../../pipeline/select.ts';
import type { Store } from '../../store/store.ts';
import { rankOptionsFor } from '../../stories/profile/options.ts';
import { publications, storyRef } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'show how a story is scored: each ranking term, its reason, and the total',
  usage:
    'ribao explain STORY [--publication P] [--json]\n' +
    '  STORY: a story id, a unique prefix of one, an arXiv id (2611.01234) or an identity key (github:owner/name)',
  options: {
    publication: { type: 'string', short: 'p' },
    json: { type: 'boolean', default: false },
  },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    if (positionals.length !== 1)
      throw new UsageError('usage: ribao explain STORY [--publication P] [--json]');
    const config = await ctx.config();
    const store = await ctx.store();
    const story = (await store.story(await storyRef(store, positionals[0] as string))) as StoryView;
    const publication = values.publication ? (publications(config, values.publication)[0] as string) : null;
    const day = await dayOf(store, config, publication, story);
    const ranked = rank(day, rankOptionsFor(config, publication));
    const position = ranked.findIndex((s) => s.id === story.id);
    const scored = ranked[position] as ScoredStory;
    const report: Report = {
      story: {
        id: story.id,
        kind: story.kind,
        date: story.editionDate,
        dropped: story.dropped,
        title: story.items[0]?.title ?? '',
        keys: story.keys,
        items: story.items.map((i) => ({
          source: i.source,
          externalId: i.externalId,
          url: i.url,
          title: i.title,
        })),
      },
      publication,
      position: position + 1,
      of: ranked.length,
      terms: scored.explanation,
      score: scored.score,
    };
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    ctx.stdout.write(text(report));
    return 0;
  },
} satisfies Command;

interface Report {
  story: {
    id: string;
    kind: string;
    date: string;
    dropped: boolean;
    title: string;
    keys: string[];
    items: { source: string; externalId: string; url: string; title: string }[];
  };
  publication: string | null;
  position: number;
  of: number;
  terms: ScoredStory['explanation'];
  score: number;
}

function text(report: Report): string {
  const { story } = report;
  const where = report.publication ? `in ${report.publication}` : 'among all stories';
  const lines = [
    story.title,
    `  story ${story.id}  ${story.kind}  ${story.date}${story.dropped ? '  (dropped)' : ''}`,
    `  rank ${report.position} of ${report.of} ${where} that day`,
    `  keys: ${story.keys.join(' ')}`,
    ...story.items.map((i) => `  ${i.source}: ${i.url}`),
    '',
  ];
  const width = Math.max(5, ...report.terms.map((t) => t.name.length));
  for (const term of report.terms) {
    lines.push(`  ${term.name.padEnd(width)}  ${signed(term.value).padStart(7)}  ${term.reason}`);
  }
  lines.push(
    `  ${'-'.repeat(width + 9)}`,
    `  ${'score'.padEnd(width)}  ${report.score.toFixed(2).padStart(7)}`,
  );
  return `${lines.join('\n')}\n`;
}

function signed(n: number): string {
  return `${n < 0 ? '-' : '+'}${Math.abs(n).toFixed(2)}`;
}

/** The stories ranked with this one: the publication's candidates that day, or all the day's stories. */
async function dayOf(
  store: Store,
  config: Config,
  publication: string | null,
  story: StoryView,
): Promise<StoryView[]> {
  const stories = publication
    ? await candidates(store, config, publication, story.editionDate)
    : (await store.storiesOn(story.editionDate)).filter((s) => !s.dropped);
  if (publication && !stories.some((s) => s.id === story.id)) {
    const why = story.dropped ? 'it was dropped' : 'none of its items comes from a source it takes';
    throw new UsageError(`story ${story.id} is not in ${publication} on ${story.editionDate}: ${why}`);
  }
  // A dropped story is explained among the day's stories all the same (it is never printed).
  return stories.some((s) => s.id === story.id) ? stories : [...stories, story];
}
