// Golden files for formats A and B: byte-exact. UPDATE_GOLDEN=1 rewrites them after a deliberate change.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Edition, EditionEntry } from '../model/edition.ts';
import { renderDailyReport } from './daily-report.ts';
import { markdownToHtml, page } from './html.ts';
import { renderPaperDigest } from './paper-digest.ts';

function golden(name: string, actual: string): void {
  const url = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
  assert.equal(
    actual,
    readFileSync(url, 'utf8'),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
  );
}

function entry(overrides: Partial<EditionEntry>): EditionEntry {
  return {
    storyId: 's',
    kind: 'paper',
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

const slr = entry({
  originalTitle: 'Sparse Lattice Routing for Long-Context Transformers',
  title: '面向长上下文 Transformer 的稀疏格点路由',
  url: 'https://arxiv.org/abs/2611.01234',
  body: '长上下文推理受限于注意力 (Attention) 的二次复杂度。本文提出稀疏格点路由 (Sparse Lattice Routing, SLR)，……在 128K Token 的基准上，SLR 将显存占用降低了 41%。代码已在 https://github.com/example/slr 开源。',
});

test('format A: paper digest, byte-exact', () => {
  const edition: Edition = {
    publication: 'papers',
    title: 'AI 论文日报',
    template: 'paper-digest',
    date: '2026-11-22',
    lead: null,
    flagged: 0,
    untranslated: 0,
    sections: [
      {
        title: 'AI 论文日报',
        children: [],
        entries: [
          slr,
          entry({
            originalTitle: 'Position: Benchmarks [for] VLMs',
            title: '立场：VLM 基准 [应当] 衡量拒答',
            url: 'https://arxiv.org/abs/2611.02345',
            body: '视觉语言模型 (Vision Language Models, VLMs) 的评测几乎只关注模型回答了什么。',
          }),
        ],
      },
    ],
  };
  golden('paper-digest.md', renderPaperDigest(edition));
});

test('format A: untranslated entries show the original and the edition says so', () => {
  const edition: Edition = {
    publication: 'papers',
    title: 'AI 论文日报',
    template: 'paper-digest',
    date: '2026-11-22',
    lead: null,
    flagged: 0,
    untranslated: 1,
    sections: [
      {
        title: '',
        children: [],
        entries: [
          entry({
            originalTitle: 'A Paper',
            url: 'https://arxiv.org/abs/2611.00001',
            body: 'We study things.',
            translated: false,
          }),
        ],
      },
    ],
  };
  golden('paper-digest-untranslated.md', renderPaperDigest(edition));
});

test('format B: daily report, byte-exact', () => {
  const edition: Edition = {
    publication: 'daily',
    title: 'AI 日报',
    template: 'daily-report',
    date: '2026-11-22',
    lead: null,
    flagged: 0,
    untranslated: 0,
    sections: [
      {
        title: '资讯',
        entries: [],
        children: [
          {
            title: '研究',
            children: [],
            entries: [
              entry({
                kind: 'article',
                title: '一文看懂稀疏格点路由：长上下文推理的新思路',
                contributor: '林一',
                url: 'https://example.com/articles/slr-explained',
                body: '这篇文章解释了……（1–3 段中文摘要）',
                image: 'https://example.com/articles/slr-explained/cover.png',
              }),
            ],
          },
          {
            title: '产业',
            children: [],
            entries: [
              entry({
                kind: 'article',
                title: 'Orbital Labs 完成 B 轮融资',
                contributor: null,
                url: 'https://example.com/orbital',
                body: 'Orbital Labs 宣布完成 1.2 亿美元 B 轮融资。',
              }),
            ],
          },
        ],
      },
      {
        title: '推特',
        children: [],
        entries: [
          entry({
            kind: 'post',
            title: '某研究者：长上下文不是免费的午餐',
            contributor: '陈二',
            url: 'https://x.com/someone/status/1234567890',
            body: '（帖子内容的中文翻译与要点）',
          }),
        ],
      },
      {
        title: '论文',
        children: [],
        entries: [
          {
            ...slr,
            contributor: '林一',
            body: '（中文摘要，2–4 句）',
            image: 'https://example.com/figure1.png',
          },
        ],
      },
    ],
  };
  golden('daily-report.md', renderDailyReport(edition, '本文档仅供学习交流使用，版权归原作者所有。'));
});

test('HTML: raw HTML and javascript: links from content never reach the page', () => {
  const html = page(
    '<script>alert(1)</script>',
    markdownToHtml('<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))'),
  );
  assert.doesNotMatch(html, /<script>alert|<img src=x|href="javascript:/);
  assert.match(html, /<title>&#60;script&#62;/);
  assert.match(html, /Content-Security-Policy/);
});
