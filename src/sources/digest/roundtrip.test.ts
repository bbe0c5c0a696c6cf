// Round trip against ribao's own renderers: an Edition rendered by src/render/ as format A or B and parsed
// back gives the same titles, links, credits, sections, images and text; fixed editions and seeded ones.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allEntries, type Edition, type EditionEntry, type EditionSection } from '../../model/edition.ts';
import { renderDailyReport } from '../../render/daily-report.ts';
import { linkUrl } from '../../render/markdown-text.ts';
import { renderPaperDigest } from '../../render/paper-digest.ts';
import { parseDigest } from './parse.ts';
import { detectFormat } from './sniff.ts';

function entry(overrides: Partial<EditionEntry>): EditionEntry {
  return {
    storyId: 's',
    kind: 'article',
    originalTitle: '',
    title: null,
    body: '',
    translated: true,
    edited: false,
    url: '',
    image: null,
    contributor: null,
    score: 0,
    links: [],
    originalBody: '',
    originalLang: 'en',
    publishedAt: null,
    updatedAt: null,
    writtenBy: null,
    ...overrides,
  };
}

function edition(
  template: Edition['template'],
  sections: EditionSection[],
  extra: Partial<Edition> = {},
): Edition {
  return {
    publication: template === 'paper-digest' ? 'papers' : 'daily',
    title: template === 'paper-digest' ? 'AI 论文日报' : 'AI 日报',
    template,
    date: '2026-11-22',
    lead: null,
    sections,
    untranslated: 0,
    flagged: 0,
    ...extra,
  };
}

const section = (
  title: string,
  entries: EditionEntry[],
  children: EditionSection[] = [],
): EditionSection => ({
  title,
  entries,
  children,
});

/** Each entry with the leaf section it was placed in, in reading order. */
function placed(sections: EditionSection[]): { entry: EditionEntry; section: string }[] {
  return sections.flatMap((s) => [
    ...s.entries.map((e) => ({ entry: e, section: s.title })),
    ...placed(s.children),
  ]);
}

function assertDailyRoundTrip(input: Edition): void {
  const markdown = renderDailyReport(input, '本文档仅供学习交流使用，版权归原作者所有。');
  assert.equal(detectFormat(markdown), 'daily-report', markdown);
  const document = parseDigest(markdown, 'daily.md');
  assert.deepEqual(document.dropped, []);
  assert.equal(document.title, input.title);
  const expected = placed(input.sections).map(({ entry: e, section: s }) => ({
    title: e.title ?? e.originalTitle,
    url: e.url,
    summary: e.body,
    contributor: e.contributor,
    section: s,
    image: e.image,
    isPaper: e.kind === 'paper',
  }));
  const actual = document.entries.map((e) => ({
    title: e.title,
    url: e.url,
    summary: e.summary,
    contributor: e.contributor,
    section: e.section,
    image: e.image,
    isPaper: e.isPaper,
  }));
  assert.deepEqual(actual, expected, markdown);
}

function assertPaperRoundTrip(input: Edition): void {
  const markdown = renderPaperDigest(input);
  // Sniffing needs a sign of papers: a translated title or an arXiv link (all-English example.com
  // entries look like any Markdown list of links, and are imported with --format paper-digest).
  const papers = allEntries(input).some(
    (e) => /\p{Script=Han}/u.test(e.title ?? '') || e.url.includes('arxiv.org'),
  );
  assert.equal(detectFormat(markdown), papers ? 'paper-digest' : null, markdown);
  const document = parseDigest(markdown, 'papers.md', 'paper-digest');
  assert.deepEqual(document.dropped, []);
  const expected = allEntries(input).map((e) => ({
    originalTitle: e.originalTitle,
    title: e.title ?? e.originalTitle,
    // The renderer percent-encodes what would end the link early: `(`, `)`, spaces.
    url: linkUrl(e.url),
    summary: e.body,
  }));
  const actual = document.entries.map((e) => ({
    originalTitle: e.originalTitle,
    title: e.title,
    url: e.url,
    summary: e.summary,
  }));
  assert.deepEqual(actual, expected, markdown);
}

test('format B round trip: nested sections, credits or none, images or none, papers, a lead and a note', () => {
  assertDailyRoundTrip(
    edition(
      'daily-report',
      [
        section(
          '资讯',
          [
            entry({
              title: '顶层条目：没有子版块',
              url: 'https://example.com/top',
              body: '放在「资讯」下。',
            }),
          ],
          [
            section('研究', [
              entry({
                title: '一文看懂稀疏格点路由：长上下文推理的新思路',
                contributor: '林一',
                url: 'https://example.com/articles/slr-explained?from=rss',
                body: '第一段。\n\n第二段里有链接 https://example.com/more 和 [方括号]。\n\nhttps://example.com/only-a-link',
                image: 'https://example.com/img/cover(1).png',
              }),
            ]),
            section('产业', [
              entry({
                originalTitle: 'Orbital Labs raises a Series B',
                title: null,
                translated: false,
                url: 'http://example.com/orbital',
                body: 'Orbital Labs announced a $120M Series B.',
              }),
            ]),
          ],
        ),
        section('推特', [
          entry({
            kind: 'post',
            title: '某研究者：长上下文不是免费的午餐',
            contributor: 'Chen Er',
            url: 'https://x.com/someone/status/1234567890?s=20',
            body: '（帖子内容的中文翻译与要点）',
          }),
        ]),
        section('论文', [
          entry({
            kind: 'paper',
            title: '面向长上下文 Transformer 的稀疏格点路由',
            contributor: '林一',
            url: 'https://arxiv.org/abs/2611.01234',
            body: '（中文摘要，2–4 句）',
            image: 'https://example.com/figure1.png',
          }),
          entry({
            kind: 'paper',
            title: '没有摘要的论文',
            url: 'https://arxiv.org/abs/2611.09999',
            body: '',
          }),
        ]),
        section('HuggingFace&Github', [
          entry({
            kind: 'repo',
            title: 'example/slr',
            url: 'https://github.com/example/slr',
            body: '官方实现。',
          }),
        ]),
      ],
      { lead: '今天的重点是长上下文。', untranslated: 1 },
    ),
  );
});

test('format A round trip: escaped link text, encoded parentheses, paragraphs, untranslated entries, a lead', () => {
  assertPaperRoundTrip(
    edition(
      'paper-digest',
      [
        section('AI 论文日报', [
          entry({
            kind: 'paper',
            originalTitle: 'Position: Benchmarks [for] VLMs \\ Refusal',
            title: '立场：VLM 基准 [应当] 衡量拒答 \\ 反斜杠',
            url: 'https://arxiv.org/abs/2611.02345',
            body: '第一段。\n\n第二段，含 https://github.com/example/slr 。',
          }),
          entry({
            kind: 'paper',
            originalTitle: 'Routing (Sparse) Lattices',
            title: '路由（稀疏）格点',
            url: 'https://example.org/papers/routing_(sparse)',
            body: '网址里有括号。',
          }),
          entry({
            kind: 'paper',
            originalTitle: 'A Paper',
            url: 'https://arxiv.org/abs/2611.00001',
            body: 'We study things.',
            translated: false,
          }),
        ]),
      ],
      { lead: '今日论文导读。', untranslated: 1 },
    ),
  );
});

// Seeded editions: many shapes of text the writer may produce, all of which must survive a round trip.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEADING = ['模型', '本文', 'Agent', '团队', '研究者', 'OpenAI', '（注）', '“长上下文”', '41%', 'SLR'];
const WORDS = [
  ...LEADING,
  '的',
  '推理',
  'Token',
  '[方括号]',
  '(括号)',
  '*星号*',
  '_下划线_',
  '：',
  'a:b',
  '@某人',
  '#标签',
];
const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

function text(next: () => number, words: number): string {
  const rest = Array.from({ length: words }, () => pick(next, WORDS));
  return [pick(next, LEADING), ...rest].join(next() < 0.5 ? ' ' : '');
}

function body(next: () => number): string {
  const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 2) }, () => text(next, 3 + Math.floor(next() * 8))).join(
      '\n',
    ),
  );
  return next() < 0.1 ? '' : paragraphs.join('\n\n');
}

function randomEntry(next: () => number, index: number, kind: EditionEntry['kind']): EditionEntry {
  const translated = next() < 0.8;
  return entry({
    kind,
    originalTitle: `Paper ${index}: ${pick(next, ['Routing', 'Scaling [Laws]', 'Tools (and) Agents', 'C# at Scale'])}`,
    title: translated ? text(next, 2 + Math.floor(next() * 5)) : null,
    translated,
    url: pick(next, [`https://arxiv.org/abs/2611.${10000 + index}`, `http://example.com/p/${index}?s=20`]),
    body: body(next),
    image: next() < 0.4 ? `https://img.example.com/${index}.png` : null,
    contributor: next() < 0.5 ? pick(next, ['林一', 'Chen Er', 'lab_bot']) : null,
  });
}

test('seeded editions round-trip through format B', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed);
    let index = 0;
    const leaf = (title: string) =>
      section(
        title,
        Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
          randomEntry(next, index++, pick(next, ['paper', 'article', 'post', 'repo'] as const)),
        ),
      );
    assertDailyRoundTrip(
      edition('daily-report', [
        section('资讯', [], [leaf('研究'), leaf('产业')]),
        leaf('推特'),
        leaf('论文'),
      ]),
    );
  }
});

test('seeded editions round-trip through format A', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed);
    const entries = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) =>
      randomEntry(next, i, 'paper'),
    );
    assertPaperRoundTrip(edition('paper-digest', [section('AI 论文日报', entries)]));
  }
});
