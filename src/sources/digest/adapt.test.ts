// Tests of adaptDigest: kinds from links and paper marks, language, the digest's day as listedOn (the
// nearest year for a printed month and day), ids and extra; through both import formats.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dayInName } from '../../model/day.ts';
import { storyKeys } from '../../stories/story-keys.ts';
import { adaptDigest, looksChinese, nearestDay } from './adapt.ts';
import { parseDigest } from './parse.ts';
import source from './source.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const format = (name: string) => {
  const found = source.formats?.find((f) => f.name === name);
  assert.ok(found, name);
  return found;
};

test('format B: kind by link and paper mark; 12月31日 in a file named 2026-01-01 is 2025-12-31', () => {
  const items = format('daily-report').parse(fixture('messy-2026-01-01.md'), 'testdata/messy-2026-01-01.md');
  assert.deepEqual(
    items.map((item) => [item.kind, item.url]),
    [
      ['article', 'http://example.com/articles/slr-explained?utm_source=weibo'],
      ['article', 'https://example.com/orbital'],
      ['article', 'https://news.example.cn/2025/12/31/vlm'],
      ['post', 'https://x.com/someone/status/1234567890?s=20'],
      ['post', 'https://weibo.com/1234567890/AbCdEfGhI'],
      ['paper', 'https://arxiv.org/abs/2512.01234v2'],
      ['paper', 'https://huggingface.co/papers/2512.04321'],
      ['paper', 'https://openreview.net/forum?id=AbC123'],
      ['repo', 'https://github.com/example/slr'],
    ],
  );
  const [first, , vlm, , , arxiv, hf] = items;
  assert.deepEqual(first, {
    externalId: 'digest:2025-12-31:http://example.com/articles/slr-explained?utm_source=weibo',
    kind: 'article',
    url: 'http://example.com/articles/slr-explained?utm_source=weibo',
    title: '一文看懂稀疏格点路由：长上下文推理的新思路',
    summary:
      '这篇文章解释了稀疏格点路由（SLR）如何把注意力 (Attention) 的计算限制在格点上。\n\n作者还给出了在 128K Token 上的显存对比。',
    lang: 'zh',
    authors: [],
    publishedAt: null,
    listedOn: '2025-12-31',
    image: 'http://example.com/articles/slr-explained/cover.png',
    contributor: '林一',
    section: '研究',
    extra: { digestFormat: 'daily-report', digestTitle: 'AI 日报' },
  });
  assert.deepEqual(vlm?.extra?.contributors, ['陈二', '王三']);
  assert.equal(arxiv?.extra?.arxivId, '2512.01234', 'version stripped');
  assert.equal(hf?.extra?.arxivId, '2512.04321', 'an HF paper page carries the arXiv id');
  assert.ok(hf && storyKeys(hf).includes('arxiv:2512.04321'), 'so it merges with the arXiv listing');
});

test('format A: every entry a paper; the Chinese translation is the item, the English title kept aside', () => {
  const items = format('paper-digest').parse(
    fixture('messy-papers-2026-11-22.md'),
    'inbox/messy-papers-2026-11-22.md',
  );
  assert.deepEqual(
    items.map((item) => [item.kind, item.lang, item.listedOn, item.extra?.arxivId]),
    [
      ['paper', 'zh', '2026-11-22', '2611.01234'],
      ['paper', 'zh', '2026-11-22', '2611.02345'],
      ['paper', 'zh', '2026-11-22', undefined],
    ],
  );
  assert.equal(items[0]?.title, '面向长上下文 Transformer 的稀疏格点路由');
  assert.equal(items[0]?.extra?.originalTitle, 'Sparse Lattice Routing for Long-Context Transformers');
  assert.equal(items[0]?.section, null);
  assert.equal(items[0]?.extra?.digestTitle, undefined, 'format A prints no digest title here');
});

test('an untranslated format A entry stays English; a digest with no date anywhere is listed on no day', () => {
  const text = readFileSync(
    new URL('../../render/testdata/paper-digest-untranslated.md', import.meta.url),
    'utf8',
  );
  const [item] = format('paper-digest').parse(text, 'papers.md');
  assert.equal(item?.lang, 'en');
  assert.equal(item?.listedOn, null, 'normalize then dates it in the configured time zone');
  assert.equal(item?.externalId, 'digest:undated:https://arxiv.org/abs/2611.00001');
});

test('listedOn: a printed year wins; else the nearest year to the name, the edition day, or today', () => {
  const daily = (title: string) =>
    parseDigest(`# ${title}\n\n### 条目\n\nhttps://example.com/a\n`, 'x.md', 'daily-report');
  const on = (title: string, options: Parameters<typeof adaptDigest>[1]) =>
    adaptDigest(daily(title), options)[0]?.listedOn;
  assert.equal(on('AI 日报（2024年12月31日）', { origin: 'x-2026-01-01.md' }), '2024-12-31');
  assert.equal(on('AI 日报（1月2日）', { origin: 'daily/2025-12-30.md' }), '2026-01-02');
  assert.equal(
    on('AI 日报（6月1日）', { origin: 'https://x.example/latest.md', date: '2025-06-02' }),
    '2025-06-01',
  );
  assert.equal(on('AI 日报（6月1日）', { origin: 'latest.md', today: '2031-05-30' }), '2031-06-01');
  assert.equal(on('AI 日报', { origin: 'latest.md', date: '2025-06-02' }), '2025-06-02', 'no printed day');
});

test('nearestDay: Feb 29 only in a leap year; dayInName: the last real day in a name', () => {
  assert.equal(nearestDay({ year: null, month: 2, day: 29 }, '2025-03-01'), '2024-02-29');
  assert.equal(nearestDay({ year: null, month: 2, day: 29 }, '2028-02-01'), '2028-02-29');
  assert.equal(nearestDay({ year: null, month: 4, day: 31 }, '2025-04-01'), null);
  assert.equal(dayInName('2025-13-40/daily-2025-11-22.md'), '2025-11-22');
  assert.equal(dayInName('daily-20251122.md'), null);
});

test('language: Chinese text naming English products is Chinese; an English abstract citing a name is not', () => {
  assert.equal(looksChinese('Orbital Labs 完成 B 轮融资\nOrbital Labs 宣布完成 1.2 亿美元 B 轮融资。'), true);
  assert.equal(looksChinese('An interview with 林一 about sparse lattice routing'), false);
  assert.equal(looksChinese('Sparse Lattice Routing'), false);
  assert.equal(looksChinese(''), false);
});
