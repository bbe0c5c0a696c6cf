import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { StoryView } from '../../model/story.ts';
import { containsPhrase, matchProfile, storyText } from './match.ts';
import { profileOf, storyOf } from './testing.ts';

const slr = storyOf('slr', [
  {
    title: 'Sparse Lattice Routing for Long-Context Transformers',
    summary: 'Long-context inference is bounded by the quadratic cost of attention. We route each query.',
    keys: ['arxiv:2611.01234'],
  },
  // The same abstract from a second source counts once.
  {
    source: 'arxiv',
    title: 'Sparse Lattice Routing for Long-Context Transformers',
    summary: 'Long-context inference is bounded by the quadratic cost of attention. We route each query.',
  },
]);
const speech = storyOf('speech', [
  {
    title: 'Tokenizer-Free Speech LLMs',
    summary: 'Speech language models without a tokenizer, on raw audio.',
  },
]);
const commentary = storyOf('blog', [
  {
    kind: 'article',
    source: 'feed',
    title: '稀疏注意力的新进展',
    summary: '这篇文章介绍了长上下文推理中的稀疏注意力方法。',
    cites: ['arxiv:1706.03762'],
  },
]);

test('story text: each distinct title and summary once', () => {
  assert.equal(storyText(slr).match(/quadratic/g)?.length, 1);
});

test('keywords and negative keywords match as phrases, in either language', () => {
  const profile = profileOf({
    keywords: ['long context', 'sparse attention', '稀疏注意力', 'context long'],
    negativeKeywords: ['speech'],
  });
  const matches = matchProfile(profile, [slr, speech, commentary]);
  assert.deepEqual(matches.get('slr')?.keywords, ['long context']);
  assert.deepEqual(matches.get('blog')?.keywords, ['稀疏注意力']);
  assert.deepEqual(matches.get('speech')?.negativeKeywords, ['speech']);
  assert.deepEqual(matches.get('slr')?.negativeKeywords, []);
});

test('similarity names the nearest profile document and the words it shares', () => {
  const profile = profileOf({
    seeds: [
      {
        origin: 'x',
        title: 'Attention Is All You Need',
        text: 'Attention Is All You Need\nAttention for transformers',
        keys: [],
      },
      { origin: 'y', title: 'Speech Tokens', text: 'Speech Tokens\nTokenizer for speech audio', keys: [] },
    ],
  });
  const matches = matchProfile(profile, [slr, speech, commentary]);
  const m = matches.get('slr');
  assert.equal(m?.nearest, 'seed "Attention Is All You Need"');
  assert.deepEqual(m?.shared.slice(0, 2).sort(), ['attention', 'transformers']);
  assert.ok((m?.similarity ?? 0) > 0 && (m?.similarity ?? 1) < 1);
  assert.equal(matches.get('speech')?.nearest, 'seed "Speech Tokens"');
  assert.deepEqual(matches.get('blog'), {
    similarity: 0,
    nearest: null,
    shared: [],
    keywords: [],
    negativeKeywords: [],
    isSeed: [],
    citesSeed: [],
  });
});

test('seed keys: the story that is the paper, and the one citing it', () => {
  const profile = profileOf({
    seeds: [
      { origin: 'arxiv:2611.01234', title: '', text: '', keys: ['arxiv:2611.01234'] },
      { origin: 'arxiv:1706.03762', title: '', text: '', keys: ['arxiv:1706.03762'] },
    ],
  });
  const matches = matchProfile(profile, [slr, speech, commentary]);
  assert.deepEqual(matches.get('slr')?.isSeed, ['arxiv:2611.01234']);
  assert.deepEqual(matches.get('blog')?.citesSeed, ['arxiv:1706.03762']);
  // `cites:` keys merge leaves on a commentary story count as citing, too.
  const pending = storyOf('pending', [{ title: 'A post' }], { keys: ['url:x', 'cites:arxiv:1706.03762'] });
  assert.deepEqual(matchProfile(profile, [pending]).get('pending')?.citesSeed, ['arxiv:1706.03762']);
});

test('the result does not depend on the order of the stories', () => {
  const profile = profileOf({ keywords: ['attention', 'speech'] });
  const forward = matchProfile(profile, [slr, speech, commentary]);
  const backward = matchProfile(profile, [commentary, speech, slr]);
  for (const id of ['slr', 'speech', 'blog']) assert.deepEqual(forward.get(id), backward.get(id));
});

test('phrases: consecutive tokens only', () => {
  assert.ok(containsPhrase(['a', 'b', 'c', 'b', 'd'], ['b', 'd']));
  assert.ok(!containsPhrase(['a', 'b', 'c', 'd'], ['b', 'd']));
  assert.ok(!containsPhrase(['a'], ['a', 'b']));
});

// Real papers: seeds are cs.CV papers from early 2025 (one crawl day a month); the stories are a 2026
// day's cs.CV and cs.CL papers. A profile built from vision papers must rank vision papers higher,
// in English (abstracts) and in Chinese (the LLM-written TL;DR and method), measured as ROC AUC.
const CRAWL = fileURLToPath(
  new URL('../../../../shared/data/daily-arxiv-ai-enhanced-zh/monthly/', import.meta.url),
);

interface CrawlRecord {
  id: string;
  title: string;
  summary: string;
  categories: string[];
  AI?: { tldr?: string; method?: string };
}

for (const lang of ['en', 'zh'] as const) {
  test(`real data: a vision profile ranks vision papers above language papers (${lang})`, {
    skip: !existsSync(CRAWL) && 'needs ../shared/data/daily-arxiv-ai-enhanced-zh',
  }, () => {
    const files = readdirSync(CRAWL)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
    const read = (file: string): CrawlRecord[] =>
      readFileSync(CRAWL + file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as CrawlRecord);
    const text = (r: CrawlRecord) =>
      lang === 'en' ? `${r.title}\n${r.summary}` : `${r.AI?.tldr ?? ''}\n${r.AI?.method ?? ''}`;
    const seeds = files
      .slice(0, 6)
      .flatMap(read)
      .filter((r) => r.categories[0] === 'cs.CV')
      .slice(0, 40)
      .map((r) => ({ origin: r.id, title: r.id, text: text(r), keys: [] }));
    const day = new Map(read(files.at(-1) as string).map((r) => [r.id, r]));
    const labelled = [...day.values()].filter((r) => ['cs.CV', 'cs.CL'].includes(r.categories[0] ?? ''));
    const stories: StoryView[] = labelled.map((r) => storyOf(r.id, [{ title: '', summary: text(r) }]));
    const matches = matchProfile(profileOf({ seeds }), stories);
    const score = (r: CrawlRecord) => matches.get(r.id)?.similarity ?? 0;
    const vision = labelled.filter((r) => r.categories[0] === 'cs.CV').map(score);
    const language = labelled.filter((r) => r.categories[0] === 'cs.CL').map(score);
    assert.ok(seeds.length >= 20 && vision.length >= 20 && language.length >= 20, 'enough real papers');
    let wins = 0;
    for (const v of vision) for (const l of language) wins += v > l ? 1 : v === l ? 0.5 : 0;
    const auc = wins / (vision.length * language.length);
    // Chance is 0.5; category labels are noisy (multimodal papers sit in both), bigrams are cruder.
    assert.ok(auc > (lang === 'en' ? 0.75 : 0.65), `AUC ${auc.toFixed(3)}`);
  });
}
