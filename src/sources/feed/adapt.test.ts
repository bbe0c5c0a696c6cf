// Tests of parse + adapt on our own fixtures (testdata/): RSS 2.0 with relative links and a Chinese
// item, Atom 1.0 with xml:base, JSON Feed 1.1, RSS 1.0 (RDF). Bad inputs are in parse.test.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { adaptFeed, guessLanguage } from './adapt.ts';
import { parseFeedText } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const adaptFixture = (name: string, options = {}) => adaptFeed(parseFeedText(fixture(name), name), options);

test('RSS 2.0: relative link against the channel link, HTML reduced, first <img> as image', () => {
  const { items, skipped } = adaptFixture('rss2.xml');
  assert.equal(skipped, 1, 'the entry with neither title nor link');
  assert.equal(items.length, 4);
  assert.deepEqual(items[0], {
    externalId: 'lab-2611-slr',
    kind: 'article',
    url: 'https://lab.example.com/blog/slr-explained',
    title: 'Sparse Lattice Routing, explained',
    summary:
      'Long-context inference is bound by attention & its quadratic cost. SLR cuts memory by 41% — see the code.',
    lang: 'en',
    authors: ['Lin Yi'],
    publishedAt: '2025-11-22T01:30:00.000Z',
    image: 'https://lab.example.com/img/slr-cover.png',
    contributor: null,
  });
});

test('RSS 2.0: a Chinese item is guessed zh; media:thumbnail before enclosure; "email (Name)" author', () => {
  const chinese = adaptFixture('rss2.xml').items[1];
  assert.equal(chinese?.lang, 'zh');
  assert.equal(chinese?.title, '稀疏格点路由：长上下文推理的新思路');
  assert.equal(chinese?.summary.startsWith('这篇文章解释了稀疏格点路由'), true);
  assert.doesNotMatch(chinese?.summary ?? '', /[<>]/);
  assert.equal(chinese?.image, 'https://cdn.example.com/slr-zh.jpg');
  assert.deepEqual(chinese?.authors, ['陈二']);
  assert.equal(chinese?.externalId, 'https://lab.example.com/zh/slr', 'no guid: the link is the id');
});

test('RSS 2.0: an unreadable date keeps the item with publishedAt null; no guid and no link: a hash id', () => {
  const [, , oddDate, titleOnly] = adaptFixture('rss2.xml').items;
  assert.equal(oddDate?.title, 'A post with a date nobody can read');
  assert.equal(oddDate?.publishedAt, null);
  assert.equal(titleOnly?.url, '');
  assert.match(titleOnly?.externalId ?? '', /^sha256:[0-9a-f]{32}$/);
  assert.equal(adaptFixture('rss2.xml').items[3]?.externalId, titleOnly?.externalId, 'stable across runs');
});

test('configured kind and language win over the feed', () => {
  const { items } = adaptFixture('rss2.xml', { kind: 'post', lang: 'en' });
  assert.deepEqual(new Set(items.map((item) => item.kind)), new Set(['post']));
  assert.equal(items[1]?.lang, 'en');
});

test('Atom 1.0: xml:base on feed and entry, html title, text summary, inherited author', () => {
  const { items, skipped } = adaptFixture('atom.xml');
  assert.equal(skipped, 0);
  const [first, second] = items;
  assert.equal(
    first?.url,
    'https://research.example.org/news/2025/long-context-benchmarks',
    'alternate, not self',
  );
  assert.equal(first?.title, 'Benchmarks for long context & memory');
  assert.equal(first?.summary, 'A text summary with 3 < 4 kept as text.');
  assert.equal(first?.lang, 'en', 'xml:lang="en-US" → en');
  assert.deepEqual(first?.authors, ['Ada Example', 'Grace Example']);
  assert.equal(first?.publishedAt, '2025-11-22T13:15:00.000Z', 'published before updated');
  assert.equal(first?.image, 'https://research.example.org/news/2025/figures/fig1.png');
  assert.equal(first?.externalId, 'tag:research.example.org,2025:news/42');
  assert.equal(second?.url, 'https://research.example.org/archive/41');
  assert.equal(second?.summary, 'Written in HTML.');
  assert.deepEqual(second?.authors, ['Newsroom']);
  assert.equal(second?.publishedAt, '2025-11-21T00:00:00.000Z', 'updated when there is no published');
  assert.equal(second?.image, 'https://research.example.org/news/thumbs/41.png');
});

test('JSON Feed 1.1: language, authors, images, external_url, a missing title', () => {
  const [model, english, untitled] = adaptFixture('feed.json').items;
  assert.deepEqual(model, {
    externalId: '2025-11-22-model',
    kind: 'article',
    url: 'https://tracker.example.cn/p/2025-11-22-model',
    title: '某实验室发布新的开源视觉语言模型',
    summary: '该模型在多个基准上超过了同规模模型。',
    lang: 'zh',
    authors: ['林一'],
    publishedAt: '2025-11-22T01:00:00.000Z',
    image: 'https://tracker.example.cn/banner.png',
    contributor: null,
    extra: { categories: ['模型', '开源'] },
  });
  assert.equal(english?.lang, 'en', "the item's language wins over the feed's");
  assert.deepEqual(english?.authors, ['编辑部'], 'feed authors inherited');
  assert.equal(english?.publishedAt, '2025-11-21T10:00:00.000Z', 'date_modified as a last resort');
  assert.equal(untitled?.url, 'https://elsewhere.example.com/story');
  assert.equal(untitled?.summary, '没有标题，只有 HTML：正文的开头充当标题。');
  assert.equal(untitled?.title, untitled?.summary, 'the start of the text stands in for a title');
  assert.equal(untitled?.image, 'https://tracker.example.cn/pic.png', 'resolved against home_page_url');
});

test('RSS 1.0 (RDF): dc:creator, dc:date, dc:language', () => {
  const [item] = adaptFixture('rss1.rdf').items;
  assert.equal(item?.url, 'https://journal.example.net/a/1');
  assert.deepEqual(item?.authors, ['Lin, Y.']);
  assert.equal(item?.publishedAt, '2025-11-20T12:00:00.000Z');
  assert.equal(item?.lang, 'en');
});

test('relative links without any base are dropped, never emitted relative', () => {
  const text =
    '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/a</link></item></channel></rss>';
  const [item] = adaptFeed(parseFeedText(text, 'bare.xml')).items;
  assert.equal(item?.url, '');
  assert.equal(
    adaptFeed(parseFeedText(text, 'x'), { documentUrl: 'https://s.example/feed' }).items[0]?.url,
    'https://s.example/a',
  );
});

test('language guess: zh only when most letters are Han', () => {
  assert.equal(guessLanguage('大语言模型的长上下文推理'), 'zh');
  assert.equal(guessLanguage('Sparse routing for 长上下文'), 'en');
  assert.equal(guessLanguage(''), 'en');
});
