import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryView } from '../model/story.ts';
import type { RankOptions } from '../stories/profile/profile.ts';
import { profileOf, storyOf } from '../stories/profile/testing.ts';
import { HALF_LIFE_DAYS, KEYWORD_CAP, rank, type ScoredStory, WEIGHTS } from './rank.ts';

const cents = (n: number) => Math.round(n * 100);
const term = (story: ScoredStory | undefined, name: string) =>
  story?.explanation.find((t) => t.name === name);

const day: StoryView[] = [
  storyOf('a1', [
    {
      title: 'Sparse Lattice Routing for Long-Context Transformers',
      summary: 'Sparse attention over a lattice of key blocks for long context inference.',
      metrics: { upvotes: 142, stars: 830, comments: 4 },
      keys: ['arxiv:2611.01234'],
    },
    {
      source: 'arxiv',
      title: 'Sparse Lattice Routing for Long-Context Transformers',
      keys: ['arxiv:2611.01234'],
    },
  ]),
  storyOf('b2', [
    {
      title: 'Position: Benchmarks for Vision Language Models Should Measure Refusal',
      summary: 'Vision language models are evaluated only on what they answer.',
      metrics: { upvotes: 57 },
    },
  ]),
  storyOf('c3', [
    {
      kind: 'post',
      source: 'hackernews',
      title: 'Show HN: a crypto trading bot driven by an LLM agent',
      metrics: { points: 40, comments: 10 },
    },
  ]),
  storyOf('d4', [
    {
      kind: 'repo',
      source: 'github',
      title: 'example/slr',
      metrics: { stars: 400 },
      extra: { starsDelta: 120, starsDeltaSince: '2026-11-19' },
    },
  ]),
  storyOf('e5', [{ kind: 'article', source: 'feed', title: 'An old announcement', publishedAt: null }]),
  // e6 and e7 score the same: the id decides.
  storyOf('e7', [{ kind: 'article', source: 'feed', title: 'Twin B', publishedAt: null }]),
  storyOf('e6', [{ kind: 'article', source: 'feed', title: 'Twin A', publishedAt: null }]),
];

/** A deterministic shuffle (a fixed linear congruential sequence), so failures reproduce. */
function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const everyOption: RankOptions = {
  sourceWeights: { github: 1, hackernews: -0.5 },
  sourceOrigins: { 'hf-daily': 'hf-daily', arxiv: 'arxiv' },
  profile: profileOf({
    keywords: ['long context', 'agent'],
    negativeKeywords: ['crypto'],
    seeds: [
      {
        origin: 'seeds.bib#x',
        title: 'Longformer',
        text: 'Longformer\nAn attention mechanism that scales linearly with sequence length for long documents.',
        keys: ['arxiv:2004.05150'],
      },
    ],
  }),
};

test('the same stories in any order rank the same, with the same scores; ties go by id', () => {
  for (const options of [undefined, everyOption]) {
    const reference = rank(day, options);
    assert.deepEqual(rank(day, options), reference, 'same input, same result');
    for (const seed of [1, 2, 3, 42, 2026]) {
      const again = rank(shuffled(day, seed), options);
      assert.deepEqual(
        again.map((s) => [s.id, s.score, s.explanation]),
        reference.map((s) => [s.id, s.score, s.explanation]),
      );
    }
    const ids = reference.map((s) => s.id);
    assert.ok(ids.indexOf('e6') === ids.indexOf('e7') - 1, ids.join(' '));
  }
});

test('every score is exactly the sum of its printed terms', () => {
  for (const options of [undefined, everyOption]) {
    for (const story of rank(day, options)) {
      const sum = story.explanation.reduce((total, t) => total + cents(t.value), 0);
      assert.equal(cents(story.score), sum, story.id);
      assert.equal(story.score, sum / 100);
      for (const t of story.explanation) {
        assert.equal(t.value, cents(t.value) / 100, `${story.id} ${t.name} is in hundredths`);
        assert.ok(t.reason.length > 0);
        assert.equal(story.terms[t.name], t.value);
      }
    }
  }
});

test('without options: engagement, independent sources and recency, as the formulas say', () => {
  const [top] = rank(day);
  assert.equal(top?.id, 'a1');
  assert.deepEqual(
    top?.explanation.map((t) => t.name),
    ['upvotes', 'stars', 'starsGrowth', 'points', 'comments', 'sources', 'recency'],
  );
  assert.equal(top?.terms.upvotes, cents(Math.log1p(142)) / 100);
  assert.equal(top?.terms.stars, cents(WEIGHTS.stars * Math.log1p(830)) / 100);
  assert.equal(top?.terms.comments, cents(WEIGHTS.comments * Math.log1p(4)) / 100);
  assert.equal(term(top, 'upvotes')?.reason, 'log1p(142 upvotes on hf-daily)');
  assert.equal(term(top, 'sources')?.reason, '0.5 × (2 independent sources − 1): arxiv, hf-daily');
  assert.equal(top?.terms.sources, WEIGHTS.sources);
  assert.deepEqual(rank([]), []);
});

test('stars growth counts the gain the github source recorded; a loss counts nothing', () => {
  const [repo] = rank(day).filter((s) => s.id === 'd4');
  assert.equal(repo?.terms.starsGrowth, cents(WEIGHTS.starsGrowth * Math.log1p(120)) / 100);
  assert.equal(term(repo, 'starsGrowth')?.reason, '0.75 × log1p(+120 stars since 2026-11-19 on github)');
  const losing = storyOf('x', [{ kind: 'repo', source: 'github', title: 'r', extra: { starsDelta: -8 } }]);
  assert.equal(rank([losing])[0]?.terms.starsGrowth, 0);
  assert.match(term(rank([losing])[0], 'starsGrowth')?.reason ?? '', /-8 stars/);
  assert.equal(
    term(
      rank(day).find((s) => s.id === 'a1'),
      'starsGrowth',
    )?.reason,
    'no star history',
  );
});

test('independent sources: sources of one origin count once', () => {
  const twoFeeds = storyOf('f', [
    { kind: 'article', source: 'openai-rss', title: 'News' },
    { kind: 'article', source: 'openai-web', title: 'News' },
    { kind: 'post', source: 'hn', title: 'News' },
  ]);
  assert.equal(rank([twoFeeds])[0]?.terms.sources, 2 * WEIGHTS.sources, 'by id, without origins');
  const origins = { 'openai-rss': 'feed:openai.com', 'openai-web': 'web:openai.com', hn: 'hackernews' };
  assert.equal(rank([twoFeeds], { sourceOrigins: origins })[0]?.terms.sources, 2 * WEIGHTS.sources);
  origins['openai-web'] = 'feed:openai.com';
  const [merged] = rank([twoFeeds], { sourceOrigins: origins });
  assert.equal(merged?.terms.sources, WEIGHTS.sources);
  assert.match(
    term(merged, 'sources')?.reason ?? '',
    /2 independent sources − 1\): hn, openai-rss=openai-web$/,
  );
});

test('source weights: the best-weighted source counts, by id or by kind; penalties too', () => {
  const ranked = rank(day, { sourceWeights: { github: 2, hackernews: -1, feed: 0.5 } });
  const get = (id: string) => ranked.find((s) => s.id === id);
  assert.equal(get('d4')?.terms.sourceWeight, 2);
  assert.equal(get('c3')?.terms.sourceWeight, -1);
  assert.equal(get('a1')?.terms.sourceWeight, 0, 'unweighted sources count 0');
  assert.equal(term(get('a1'), 'sourceWeight')?.reason, 'best of arxiv 0, hf-daily 0');
  const plain = rank(day);
  assert.equal(get('d4')?.score, cents((plain.find((s) => s.id === 'd4')?.score ?? 0) + 2) / 100);
  assert.equal(get('c3')?.score, cents((plain.find((s) => s.id === 'c3')?.score ?? 0) - 1) / 100);
  const byKind = storyOf('k', [{ source: 'openai-rss', title: 'x' }]);
  assert.equal(
    rank([byKind], { sourceWeights: { feed: 0.5 }, sourceOrigins: { 'openai-rss': 'feed:openai.com' } })[0]
      ?.terms.sourceWeight,
    0.5,
  );
  assert.equal(rank(day, { sourceWeights: {} })[0]?.terms.sourceWeight, undefined, 'no weights, no term');
});

test('recency: 1 within a day of the edition day ending, then halving every half-life', () => {
  const at = (publishedAt: string | null) =>
    rank([storyOf('r', [{ title: 'x', publishedAt }], { editionDate: '2026-11-20' })])[0]?.terms.recency;
  assert.equal(at('2026-11-20T01:00:00Z'), 1);
  assert.equal(
    at('2026-11-18T23:59:59Z'),
    cents(0.5 ** (1 / HALF_LIFE_DAYS)) / 100,
    'two days old: one past the first',
  );
  assert.equal(at(`2026-11-${String(19 - HALF_LIFE_DAYS).padStart(2, '0')}T23:59:59Z`), 0.5);
  assert.equal(at(null), 0);
  const now = new Date('2026-11-30T00:00:00Z');
  const late = rank([storyOf('r', [{ title: 'x', publishedAt: '2026-11-20T00:00:00Z' }])], { now })[0];
  assert.equal(late?.terms.recency, cents(0.5 ** (9 / HALF_LIFE_DAYS)) / 100);
  assert.equal(
    term(late, 'recency')?.reason,
    `0.5^(9.0 / ${HALF_LIFE_DAYS}): published 2026-11-20T00:00Z, 10.0 days before now, the first day free`,
  );
});

test('a profile lifts the stories that match it; a negative keyword sinks one', () => {
  const profile = everyOption.profile as NonNullable<RankOptions['profile']>;
  const plain = rank(day);
  const ranked = rank(day, { profile });
  const get = (list: ScoredStory[], id: string) => list.find((s) => s.id === id);
  const slr = get(ranked, 'a1');
  assert.ok((slr?.terms.profile ?? 0) > 1);
  assert.match(
    term(slr, 'profile')?.reason ?? '',
    /^20 × cos 0\.\d{3} with (seed "Longformer"|keywords) \(.*long/,
  );
  assert.equal(slr?.terms.keywords, WEIGHTS.keywords);
  assert.equal(term(slr, 'keywords')?.reason, `1 (at most ${KEYWORD_CAP}): long context`);
  assert.equal(get(ranked, 'b2')?.terms.profile, 0, 'nothing shared');
  assert.equal(term(get(ranked, 'b2'), 'profile')?.reason, 'shares no words with the profile');
  // The vision paper had the second best score; the agent post that matches a keyword now beats it.
  assert.ok((get(plain, 'b2')?.score ?? 0) > (get(plain, 'c3')?.score ?? 0));
  const withoutNegatives = rank(day, { profile: { ...profile, negativeKeywords: [] } });
  const ids = (list: ScoredStory[]) => list.map((s) => s.id);
  assert.ok(
    ids(withoutNegatives).indexOf('c3') < ids(withoutNegatives).indexOf('b2'),
    ids(withoutNegatives).join(' '),
  );
  // "crypto" takes its 3 points and its place back.
  const bot = get(ranked, 'c3');
  assert.equal(bot?.terms.negative, -WEIGHTS.negative);
  assert.equal(term(bot, 'negative')?.reason, '−3 × 1: crypto');
  assert.equal(bot?.score, cents((get(withoutNegatives, 'c3')?.score ?? 0) - WEIGHTS.negative) / 100);
  assert.ok(ids(ranked).indexOf('c3') > ids(ranked).indexOf('b2'), ids(ranked).join(' '));
});

test('the profile weight scales every profile term; 0 turns them off', () => {
  const off = rank(day, {
    profile: { ...(everyOption.profile as NonNullable<RankOptions['profile']>), weight: 0 },
  });
  for (const story of off)
    for (const name of ['profile', 'keywords', 'negative', 'seed']) assert.equal(story.terms[name], 0);
  const double = rank(day, {
    profile: { ...(everyOption.profile as NonNullable<RankOptions['profile']>), weight: 2 },
  });
  assert.equal(double.find((s) => s.id === 'c3')?.terms.negative, -2 * WEIGHTS.negative);
});

test('a seed paper, and a story citing one, get the seed term', () => {
  const profile = profileOf({
    seeds: [{ origin: 'arxiv:2611.01234', title: '', text: '', keys: ['arxiv:2611.01234'] }],
  });
  const citing = storyOf('blog', [
    { kind: 'article', source: 'feed', title: 'On SLR', cites: ['arxiv:2611.01234'] },
  ]);
  const ranked = rank([...day, citing], { profile });
  assert.equal(ranked.find((s) => s.id === 'a1')?.terms.seed, WEIGHTS.seed);
  assert.equal(
    term(
      ranked.find((s) => s.id === 'a1'),
      'seed',
    )?.reason,
    'is seed paper arxiv:2611.01234',
  );
  assert.equal(ranked.find((s) => s.id === 'blog')?.terms.seed, WEIGHTS.seed / 2);
  assert.equal(ranked.find((s) => s.id === 'b2')?.terms.seed, 0);
  // A profile of bare arXiv ids has no text to compare: no profile or keyword terms.
  assert.equal(ranked[0]?.terms.profile, undefined);
  assert.equal(ranked[0]?.terms.keywords, undefined);
});
