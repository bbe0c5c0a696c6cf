// Tests of parseDigest on ribao's golden files, on messy real-world-like dailies written by us (testdata/),
// and on hostile input: non-http links, huge files and lines, nothing to import.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { MAX_DIGEST_CHARS, parseDigest } from './parse.ts';
import type { DigestEntry } from './wire.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const golden = (name: string) =>
  readFileSync(new URL(`../../render/testdata/${name}`, import.meta.url), 'utf8');

/** The fields a reader sees, for compact comparisons. */
const seen = (entry: DigestEntry | undefined) =>
  entry && {
    title: entry.title,
    url: entry.url,
    contributor: entry.contributor,
    section: entry.section,
    image: entry.image,
    isPaper: entry.isPaper,
  };

test('golden format B: title and day, sections and sub-sections, credits, bare and 链接： links, images', () => {
  const document = parseDigest(golden('daily-report.md'), 'daily-report.md');
  assert.equal(document.format, 'daily-report');
  assert.equal(document.title, 'AI 日报');
  assert.deepEqual(document.day, { year: null, month: 11, day: 22 });
  assert.deepEqual(document.dropped, []);
  assert.deepEqual(document.entries.map(seen), [
    {
      title: '一文看懂稀疏格点路由：长上下文推理的新思路',
      url: 'https://example.com/articles/slr-explained',
      contributor: '林一',
      section: '研究',
      image: 'https://example.com/articles/slr-explained/cover.png',
      isPaper: false,
    },
    {
      title: 'Orbital Labs 完成 B 轮融资',
      url: 'https://example.com/orbital',
      contributor: null,
      section: '产业',
      image: null,
      isPaper: false,
    },
    {
      title: '某研究者：长上下文不是免费的午餐',
      url: 'https://x.com/someone/status/1234567890',
      contributor: '陈二',
      section: '推特',
      image: null,
      isPaper: false,
    },
    {
      title: '面向长上下文 Transformer 的稀疏格点路由',
      url: 'https://arxiv.org/abs/2611.01234',
      contributor: '林一',
      section: '论文',
      image: 'https://example.com/figure1.png',
      isPaper: true,
    },
  ]);
  assert.equal(document.entries[0]?.summary, '这篇文章解释了……（1–3 段中文摘要）');
  assert.ok(
    document.entries.every((entry) => !entry.summary.includes('版权')),
    'the 声明 section is no entry',
  );
});

test('golden format A: English heading kept as originalTitle, linked Chinese title unescaped', () => {
  const document = parseDigest(golden('paper-digest.md'), 'paper-digest.md');
  assert.equal(document.format, 'paper-digest');
  assert.deepEqual(
    document.entries.map((e) => [e.originalTitle, e.title, e.url, e.isPaper, e.section]),
    [
      [
        'Sparse Lattice Routing for Long-Context Transformers',
        '面向长上下文 Transformer 的稀疏格点路由',
        'https://arxiv.org/abs/2611.01234',
        true,
        null,
      ],
      [
        'Position: Benchmarks [for] VLMs',
        '立场：VLM 基准 [应当] 衡量拒答',
        'https://arxiv.org/abs/2611.02345',
        true,
        null,
      ],
    ],
  );
  assert.match(
    document.entries[0]?.summary ?? '',
    /^长上下文推理受限于.*https:\/\/github\.com\/example\/slr 开源。$/,
  );
});

test('golden format A, untranslated: the note above the entries is not an entry', () => {
  const document = parseDigest(golden('paper-digest-untranslated.md'), 'x.md');
  assert.equal(document.entries.length, 1);
  assert.equal(document.entries[0]?.title, 'A Paper');
  assert.equal(document.entries[0]?.summary, 'We study things.');
});

test('a messy daily (BOM, CRLF, blank and whitespace lines, missing blanks, variants) reads completely', () => {
  const document = parseDigest(fixture('messy-2026-01-01.md'), 'messy-2026-01-01.md');
  assert.equal(document.format, 'daily-report');
  assert.equal(document.title, 'AI 日报', 'trailing spaces and the BOM gone');
  assert.deepEqual(document.day, { year: null, month: 12, day: 31 });
  const [slr, orbital, vlm, tweet, weibo, paper, hf, openreview, repo, ...rest] = document.entries;
  assert.equal(rest.length, 0, 'the 声明 section holds no entries, even a ### with a link');
  assert.deepEqual(seen(slr), {
    title: '一文看懂稀疏格点路由：长上下文推理的新思路',
    url: 'http://example.com/articles/slr-explained?utm_source=weibo',
    contributor: '林一',
    section: '研究',
    image: 'http://example.com/articles/slr-explained/cover.png',
    isPaper: false,
  });
  assert.equal(
    slr?.summary,
    '这篇文章解释了稀疏格点路由（SLR）如何把注意力 (Attention) 的计算限制在格点上。\n\n作者还给出了在 128K Token 上的显存对比。',
    '贡献人:, link and summary on consecutive lines; paragraphs kept; trailing spaces gone',
  );
  assert.equal(orbital?.url, 'https://example.com/orbital', 'a <…> link');
  assert.equal(orbital?.contributor, null, 'no credit line');
  assert.equal(orbital?.section, '研究', 'a --- break does not end the sub-section');
  assert.equal(vlm?.url, 'https://news.example.cn/2025/12/31/vlm', 'a [原文](url) link');
  assert.deepEqual([vlm?.contributor, vlm?.contributors], ['陈二', ['陈二', '王三']]);
  assert.equal(tweet?.url, 'https://x.com/someone/status/1234567890?s=20', 'the ?s=20 tail is kept here');
  assert.match(tweet?.summary ?? '', /```\n# 这不是标题\nhttps:\/\/example\.com\/not-the-link\n```/);
  assert.match(tweet?.summary ?? '', /#### 要点\n\n显存/, 'a deeper heading stays in the text');
  assert.equal(weibo?.section, '推特');
  assert.deepEqual(
    [paper?.url, paper?.contributor, paper?.isPaper, paper?.image],
    ['https://arxiv.org/abs/2512.01234v2', '林一', true, 'https://example.com/figure1.png'],
    '链接: with an ASCII colon right under the credit',
  );
  assert.deepEqual([hf?.url, hf?.isPaper], ['https://huggingface.co/papers/2512.04321', true]);
  assert.deepEqual([openreview?.url, openreview?.isPaper], ['https://openreview.net/forum?id=AbC123', true]);
  assert.deepEqual([repo?.section, repo?.url], ['HuggingFace&Github', 'https://github.com/example/slr']);
  assert.deepEqual(document.dropped, [{ line: 37, title: '没有链接的条目', reason: 'has no link' }]);
});

test('a messy paper digest: http and versioned links, <…> targets, missing blank lines, a lost link line', () => {
  const document = parseDigest(fixture('messy-papers-2026-11-22.md'), 'messy-papers-2026-11-22.md');
  assert.equal(document.format, 'paper-digest');
  assert.deepEqual(
    document.entries.map((e) => [e.originalTitle, e.title, e.url]),
    [
      [
        'Sparse Lattice Routing for Long-Context Transformers',
        '面向长上下文 Transformer 的稀疏格点路由',
        'http://arxiv.org/abs/2611.01234v3',
      ],
      [
        'Position: Benchmarks [for] VLMs Should Measure Refusal',
        '立场：VLM 基准 [应当] 衡量拒答',
        'https://huggingface.co/papers/2611.02345',
      ],
      ['Scaling Laws for Tool Use', '工具使用的缩放定律', 'https://openreview.net/forum?id=XyZ789'],
    ],
  );
  assert.equal(
    document.entries[0]?.summary,
    '长上下文推理受限于注意力 (Attention) 的二次复杂度。本文提出稀疏格点路由 (Sparse Lattice Routing, SLR)。\n\n' +
      '在 128K Token 的基准上，SLR 将显存占用降低了 41%。代码已在 https://github.com/example/slr 开源。',
  );
  assert.deepEqual(document.dropped, [
    {
      line: 16,
      title: 'A Heading Whose Link Line Went Missing',
      reason: 'has no [中文标题](url) line under its heading',
    },
  ]);
});

test('hostile links drop their entry with the reason; HTML stays inert text; a repeated link is dropped', () => {
  const document = parseDigest(fixture('hostile.md'), 'hostile.md');
  assert.deepEqual(
    document.dropped.map((d) => [d.title, d.reason]),
    [
      ['点我有惊喜', 'its link "javascript:alert(document.cookie)" is not an http(s) URL'],
      [
        '数据链接',
        'its link "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" is not an http(s) URL',
      ],
      ['相对链接', 'its link "/relative/path" is not an http(s) URL'],
      ['正常条目又出现一次', 'repeats the link of line 29'],
    ],
  );
  const [html, fine] = document.entries;
  assert.equal(document.entries.length, 2);
  assert.equal(html?.title, '<img src=x onerror=alert(1)> 标题里的 HTML');
  assert.equal(html?.image, null, 'a javascript: image is no image');
  assert.equal(fine?.url, 'https://example.com/fine');
});

test('no entries: an InputError naming the file, with the shape expected or the reasons entries were dropped', () => {
  assert.throws(
    () => parseDigest('# AI 日报（11月22日）\n\n# 资讯\n\n今天没有新闻。\n', 'some-daily.md', 'daily-report'),
    (error) =>
      error instanceof InputError &&
      error.input === 'some-daily.md' &&
      /has no daily-report entries \(expected "### title" items/.test(error.message),
  );
  const onlyBad = '# AI 日报（11月22日）\n\n### a\n\n[x](javascript:alert(1))\n\n### b\n\n没有链接\n';
  assert.throws(
    () => parseDigest(onlyBad, 'bad.md'),
    /^InputError: bad\.md: has no daily-report entry that could be kept: line 3 "a": its link "javascript:alert\(1\)" is not an http\(s\) URL; line 7 "b": has no link$/,
  );
  assert.throws(() => parseDigest(' \n\t\n', 'blank.md'), /^InputError: blank\.md: is empty$/);
  assert.throws(
    () =>
      parseDigest('<!DOCTYPE html><html><body>daily</body></html>', 'https://github.com/o/r/blob/main/d.md'),
    /is an HTML page, not a Markdown digest \(for a file on GitHub, use its raw URL\)/,
  );
  assert.throws(
    () => parseDigest('# Notes\n\nSome prose with a [link](https://example.com).\n', 'notes.md'),
    /^InputError: notes\.md: is not a Markdown digest in format A, paper-digest \(.*\), or B, daily-report/,
  );
});

test('huge input: a text over the cap is refused up front; a large daily parses; huge lines are bounded', () => {
  assert.throws(
    () => parseDigest('x'.repeat(MAX_DIGEST_CHARS + 1), 'huge.md'),
    /^InputError: huge\.md: is 16\.0 MiB of text; a digest over 16 MiB is refused$/,
  );
  const items = Array.from(
    { length: 5000 },
    (_, i) => `### 第 ${i} 条\n\n贡献人：@林一\n\nhttps://example.com/${i}\n\n摘要 ${i}。`,
  );
  const large = parseDigest(`# AI 日报（11月22日）\n\n# 资讯\n\n${items.join('\n\n')}\n`, 'large.md');
  assert.equal(large.entries.length, 5000);
  assert.equal(large.entries[4999]?.url, 'https://example.com/4999');

  const hugeLine = '长'.repeat(3_000_000);
  const longest = parseDigest(
    `# AI 日报（11月22日）\n\n### ${'题'.repeat(10_000)}\n\nhttps://example.com/a\n\n${hugeLine}\n\n${'['.repeat(100_000)}\n`,
    'long-lines.md',
  ).entries[0];
  assert.equal(longest?.title.length, 500, 'the title is cut');
  assert.ok(
    longest && longest.summary.length <= 20_000 && longest.summary.endsWith('…'),
    'the summary is cut',
  );
});

test('format chosen explicitly: a daily read as format A keeps nothing and says why', () => {
  assert.throws(
    () => parseDigest(golden('daily-report.md'), 'daily.md', 'paper-digest'),
    /daily\.md: has no paper-digest entry that could be kept: line 5 "研究": has no \[中文标题\]\(url\) line under its heading; line 17 "产业"/,
  );
});
