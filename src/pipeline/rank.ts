// rank: an explainable score per story. Every term is named so `explain` can print it and the terms
// add up to the score. Deterministic: ties break on story id. Must not filter or reorder by hand.

import type { StoryView } from '../model/story.ts';

export interface ScoredStory extends StoryView {
  score: number;
  terms: Record<string, number>;
}

const WEIGHTS = { upvotes: 1, stars: 0.5, points: 0.5, sources: 0.5, recency: 1 };

export function rank(stories: StoryView[]): ScoredStory[] {
  return stories
    .map((story) => {
      const max = (pick: (m: StoryView['items'][number]['metrics']) => number | undefined) =>
        Math.max(0, ...story.items.map((i) => pick(i.metrics) ?? 0));
      const sources = new Set(story.items.map((i) => i.source)).size;
      const terms = {
        upvotes: WEIGHTS.upvotes * Math.log1p(max((m) => m.upvotes)),
        stars: WEIGHTS.stars * Math.log1p(max((m) => m.stars)),
        points: WEIGHTS.points * Math.log1p(max((m) => m.points)),
        sources: WEIGHTS.sources * (sources - 1),
        recency: WEIGHTS.recency * recency(story),
      };
      const rounded = Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, round(v)]));
      return { ...story, score: round(Object.values(rounded).reduce((a, b) => a + b, 0)), terms: rounded };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** 1 for something published within a day before its edition day ended, falling to 0 over a week. */
function recency(story: StoryView): number {
  const times = story.items
    .map((i) => (i.publishedAt ? Date.parse(i.publishedAt) : Number.NaN))
    .filter(Number.isFinite);
  if (times.length === 0) return 0;
  const end = Date.parse(`${story.editionDate}T23:59:59Z`);
  const ageDays = Math.max(0, (end - Math.max(...times)) / 86_400_000);
  return Math.max(0, 1 - Math.max(0, ageDays - 1) / 6);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
