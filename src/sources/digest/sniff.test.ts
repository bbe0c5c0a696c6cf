// Tests of sniffing for `ribao import --format auto`: formats A and B are told apart precisely, other
// Markdown is neither, and the other sources' files are never taken for a digest (nor ours for theirs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importFormats } from '../registry.ts';
import { detectFormat, sniffDailyReport, sniffPaperDigest } from './sniff.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

const digests: [path: string, format: 'paper-digest' | 'daily-report'][] = [
  ['../../render/testdata/daily-report.md', 'daily-report'],
  ['../../render/testdata/paper-digest.md', 'paper-digest'],
  ['../../render/testdata/paper-digest-untranslated.md', 'paper-digest'],
  ['./testdata/messy-2026-01-01.md', 'daily-report'],
  ['./testdata/messy-papers-2026-11-22.md', 'paper-digest'],
  ['./testdata/hostile.md', 'daily-report'],
];

const otherMarkdown: [what: string, text: string][] = [
  ['an English README', '# slr\n\n## Install\n\n[Docs](https://example.com/docs)\n\n## Usage\n\nRun it.\n'],
  ['a Chinese README', '# 项目\n\n## 安装\n[安装文档](https://example.com/docs)\n\n## 使用\n\n运行即可。\n'],
  ['notes with ### and links', '# My notes\n\n### Reading list\n\nhttps://example.com/a\n\nGood read.\n'],
  [
    'a collection (format C)',
    '长上下文合集\n\n技术标签: 人工智能\n\n# 稀疏格点路由\n\n正文……\n\n原文链接：https://example.com/a\n',
  ],
  ['a changelog', '# Changelog\n\n## 1.2.0\n\n### Fixed\n\n- [#12](https://github.com/o/r/pull/12) a fix\n'],
  ['items before any # heading', '### 条目\n\n贡献人：@林一\n\nhttps://example.com/a\n'],
];

const otherSources = [
  '../feed/testdata/rss2.xml',
  '../feed/testdata/atom.xml',
  '../feed/testdata/feed.json',
  '../feed/testdata/rss1.rdf',
  '../hf-daily/testdata/2025-06-10.json',
  '../arxiv/testdata/classic.xml',
];

test('each digest sniffs as exactly its own format', () => {
  for (const [path, format] of digests) {
    const text = read(path);
    assert.equal(detectFormat(text), format, path);
    assert.equal(sniffPaperDigest(text), format === 'paper-digest', `A? ${path}`);
    assert.equal(sniffDailyReport(text), format === 'daily-report', `B? ${path}`);
  }
});

test('other Markdown is neither format', () => {
  for (const [what, text] of otherMarkdown) {
    assert.equal(sniffPaperDigest(text), false, `A? ${what}`);
    assert.equal(sniffDailyReport(text), false, `B? ${what}`);
  }
});

test('auto import: digests go to the digest formats; the other sources keep their files', async () => {
  const formats = await importFormats();
  for (const [path, format] of digests) {
    assert.equal(formats.find((f) => f.sniff(read(path), path))?.name, format, path);
  }
  for (const path of otherSources) {
    const text = read(path);
    assert.equal(sniffPaperDigest(text) || sniffDailyReport(text), false, path);
  }
});
