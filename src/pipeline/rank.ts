// rank: an explainable score per story. Every term is named, rounded to hundredths and carries a
// one-line reason, and the score is exactly their sum, so `ribao explain` prints what was added.
// Deterministic: the same stories in any order give the same scores and order (ties by story id).

import type { Metrics } from '../model/item.ts';
import type { StoryView } from '../model/story.ts';
import { matchProfile, type ProfileMatch } from '../stories/profile/match.ts';
import type { RankOptions } from '../stories/profile/profile.ts';

export interface RankTerm {
  name: string;
  value: number;
  reason: string;
}

export interface ScoredStory extends StoryView {
  score: number;
  /** Term name → value; the values add up to `score`. */
  terms: Record<string, number>;
  /** The same terms in print order, each with why it has its value. */
  explanation: RankTerm[];
}

/** How much each signal counts; engagement counts are damped by log1p (10 → 2.4, 1000 → 6.9). */
export const WEIGHTS = {
  upvotes: 1,
  stars: 0.5,
  starsGrowth: 0.75,
  points: 0.5,
  comments: 0.25,
  /** Per independent source beyond the first. */
  sources: 0.5,
  recency: 1,
  /** Times the BM25 cosine (0–1) with the nearest profile document. */
  profile: 20,
  /** Per profile keyword found, at most KEYWORD_CAP of them. */
  keywords: 1,
  /** Subtracted per negative keyword found. */
  negative: 3,
  /** The story is a seed paper; half of it when it cites one. */
  seed: 3,
};
export const KEYWORD_CAP = 3;
/** Recency halves every HALF_LIFE_DAYS after the edition day. */
export const HALF_LIFE_DAYS = 2;

export function rank(stories: StoryView[], options: RankOptions = {}): ScoredStory[] {
  const matches = options.profile ? matchProfile(options.profile, stories) : null;
  return stories
    .map((story) => scored(story, termsOf(story, options, matches?.get(story.id))))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function scored(story: StoryView, explanation: RankTerm[]): ScoredStory {
  // Summed in hundredths (integers), so the printed terms add up to the printed score exactly.
  const hundredths = explanation.reduce((sum, term) => sum + Math.round(term.value * 100), 0);
  return {
    ...story,
    score: hundredths / 100,
    terms: Object.fromEntries(explanation.map((term) => [term.name, term.value])),
    explanation,
  };
}

function termsOf(story: StoryView, options: RankOptions, match: ProfileMatch | undefined): RankTerm[] {
  const terms: RankTerm[] = [
    engagement(story, 'upvotes', WEIGHTS.upvotes),
    engagement(story, 'stars', WEIGHTS.stars),
    starsGrowth(story),
    engagement(story, 'points', WEIGHTS.points),
    engagement(story, 'comments', WEIGHTS.comments),
    independentSources(story, options.sourceOrigins ?? {}),
  ];
  if (options.sourceWeights && Object.keys(options.sourceWeights).length > 0)
    terms.push(sourceWeight(story, options.sourceWeights, options.sourceOrigins ?? {}));
  terms.push(recency(story, options.now));
  if (options.profile && match) terms.push(...profileTerms(options.profile, match));
  return terms.map((term) => ({ ...term, value: round(term.value) }));
}

/** weight · log1p(largest count among the items), naming the source that reported it. */
function engagement(story: StoryView, metric: keyof Metrics, weight: number): RankTerm {
  const best = largest(story, (item) => item.metrics[metric]);
  if (!best) return { name: metric, value: 0, reason: `no ${metric}` };
  return {
    name: metric,
    value: weight * Math.log1p(Math.max(0, best.value)),
    reason: `${factor(weight)}log1p(${best.value} ${metric} on ${best.source})`,
  };
}

/** Stars gained since the github source's previous reading (`extra.starsDelta`, `starsDeltaSince`); a loss counts 0. */
function starsGrowth(story: StoryView): RankTerm {
  const growing = largest(story, (item) => {
    const delta = item.extra.starsDelta;
    return typeof delta === 'number' && Number.isFinite(delta) ? delta : undefined;
  });
  if (!growing) return { name: 'starsGrowth', value: 0, reason: 'no star history' };
  const since = story.items.find((i) => i.source === growing.source)?.extra.starsDeltaSince;
  const best = { ...growing, since: typeof since === 'string' ? since : null };
  const gained = Math.max(0, best.value);
  return {
    name: 'starsGrowth',
    value: WEIGHTS.starsGrowth * Math.log1p(gained),
    reason: `${factor(WEIGHTS.starsGrowth)}log1p(${signed(best.value)} stars${best.since ? ` since ${best.since}` : ''} on ${best.source})`,
  };
}

/** The largest value among the items (ties: the source id first in order), or null without one. */
function largest(
  story: StoryView,
  pick: (item: StoryView['items'][number]) => number | undefined,
): { value: number; source: string } | null {
  let best: { value: number; source: string } | null = null;
  for (const item of story.items) {
    const value = pick(item);
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (!best || value > best.value || (value === best.value && item.source < best.source))
      best = { value, source: item.source };
  }
  return best;
}

/**
 * Independent sources: items from sources with the same origin (`sourceOrigins`: kind and site, so
 * two feeds of one blog, or two arXiv category listings, count once) are one source. Without
 * origins, each source id is its own.
 */
function independentSources(story: StoryView, origins: Record<string, string>): RankTerm {
  const groups = new Map<string, Set<string>>();
  for (const item of story.items) {
    const origin = origins[item.source] ?? item.source;
    const group = groups.get(origin) ?? new Set<string>();
    group.add(item.source);
    groups.set(origin, group);
  }
  const named = [...groups.values()].map((ids) => [...ids].sort().join('=')).sort();
  const count = named.length;
  return {
    name: 'sources',
    value: WEIGHTS.sources * Math.max(0, count - 1),
    reason: `${factor(WEIGHTS.sources)}(${count} independent source${count === 1 ? '' : 's'} − 1): ${named.join(', ')}`,
  };
}

/** The publication's weight for the story's best-weighted source (by id, else by origin kind). */
function sourceWeight(
  story: StoryView,
  weights: Record<string, number>,
  origins: Record<string, string>,
): RankTerm {
  const weighed = [...new Set(story.items.map((item) => item.source))].sort().map((source) => {
    const kind = origins[source]?.split(':')[0];
    return { source, weight: weights[source] ?? (kind === undefined ? undefined : weights[kind]) ?? 0 };
  });
  const best = weighed.reduce(
    (a, b) => (b.weight > a.weight ? b : a),
    weighed[0] ?? { source: '', weight: 0 },
  );
  return {
    name: 'sourceWeight',
    value: best.weight,
    reason: `best of ${weighed.map((w) => `${w.source} ${w.weight}`).join(', ') || 'no sources'}`,
  };
}

/**
 * 1 for anything published up to one day before the reference time (default: the end of the story's
 * edition day, so rebuilding an old edition ranks it as it was), then halving every HALF_LIFE_DAYS.
 * A story with no publication date gets 0.
 */
function recency(story: StoryView, now: Date | undefined): RankTerm {
  const times = story.items
    .map((i) => (i.publishedAt ? Date.parse(i.publishedAt) : Number.NaN))
    .filter(Number.isFinite);
  if (times.length === 0) return { name: 'recency', value: 0, reason: 'no publication date' };
  const end = now?.getTime() ?? Date.parse(`${story.editionDate}T23:59:59Z`);
  const latest = Math.max(...times);
  const late = Math.max(0, (end - latest) / 86_400_000 - 1);
  const before = now ? 'now' : `the end of ${story.editionDate}`;
  return {
    name: 'recency',
    value: WEIGHTS.recency * 0.5 ** (late / HALF_LIFE_DAYS),
    reason: `${factor(WEIGHTS.recency)}0.5^(${late.toFixed(1)} / ${HALF_LIFE_DAYS}): published ${new Date(latest).toISOString().slice(0, 16)}Z, ${((end - latest) / 86_400_000).toFixed(1)} days before ${before}, the first day free`,
  };
}

function profileTerms(profile: NonNullable<RankOptions['profile']>, match: ProfileMatch): RankTerm[] {
  const w = profile.weight;
  const terms: RankTerm[] = [];
  const documents = profile.keywords.length + profile.seeds.filter((s) => s.text).length;
  if (documents > 0) {
    terms.push({
      name: 'profile',
      value: w * WEIGHTS.profile * match.similarity,
      reason: match.nearest
        ? `${factor(w * WEIGHTS.profile)}cos ${match.similarity.toFixed(3)} with ${match.nearest} (${match.shared.join(', ')})`
        : 'shares no words with the profile',
    });
  }
  if (profile.keywords.length > 0) {
    const hits = Math.min(KEYWORD_CAP, match.keywords.length);
    terms.push({
      name: 'keywords',
      value: w * WEIGHTS.keywords * hits,
      reason: hits
        ? `${factor(w * WEIGHTS.keywords)}${hits} (at most ${KEYWORD_CAP}): ${match.keywords.join(', ')}`
        : 'no keyword found',
    });
  }
  if (profile.negativeKeywords.length > 0) {
    const hits = match.negativeKeywords.length;
    terms.push({
      name: 'negative',
      value: -w * WEIGHTS.negative * hits,
      reason: hits
        ? `−${factor(w * WEIGHTS.negative)}${hits}: ${match.negativeKeywords.join(', ')}`
        : 'no negative keyword found',
    });
  }
  if (profile.seeds.some((seed) => seed.keys.length > 0)) terms.push(seedTerm(w, match));
  return terms;
}

function seedTerm(w: number, match: ProfileMatch): RankTerm {
  if (match.isSeed.length > 0)
    return { name: 'seed', value: w * WEIGHTS.seed, reason: `is seed paper ${match.isSeed.join(', ')}` };
  if (match.citesSeed.length > 0)
    return {
      name: 'seed',
      value: (w * WEIGHTS.seed) / 2,
      reason: `cites seed paper ${match.citesSeed.join(', ')}`,
    };
  return { name: 'seed', value: 0, reason: 'neither is nor cites a seed paper' };
}

/** `0.5 × ` for a weight other than 1, nothing for 1. */
function factor(weight: number): string {
  return weight === 1 ? '' : `${Number(weight.toFixed(3))} × `;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}

/** Hundredths; never −0. */
function round(n: number): number {
  return Math.round(n * 100) / 100 || 0;
}
