// `ribao eval`'s engine on a small dataset of our own, and on another system's output when present.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate, readDataset } from './eval.ts';
import { loadGlossary } from './glossary/glossary.ts';

const glossary = loadGlossary(null);
const here = fileURLToPath(new URL('.', import.meta.url));
const CN_CHAT = join(here, '..', '..', '..', 'shared', 'data', 'cn-chat-arxiv-zh', 'papers');

test('each defect is found and counted once per record', () => {
  const report = evaluate(readDataset(join(here, 'testdata', 'eval.jsonl'), 'jsonl'), glossary);
  assert.equal(report.records, 4);
  assert.equal(report.translated, 3);
  assert.equal(report.withListingPrefix, 1);
  assert.equal(report.passed, 1, JSON.stringify(report.findings, null, 1));
  const found = Object.fromEntries(report.findings.map((f) => [f.finding, f.examples.map((e) => e.id)]));
  assert.deepEqual(found['translated the arXiv listing prefix'], ['prefix']);
  assert.deepEqual(found['has no translation'], ['missing']);
  assert.deepEqual(found['body starts with a preamble'], ['lawyers']);
  assert.ok(
    report.findings.some((f) => /法学硕士/.test(f.examples[0]?.reason ?? '')),
    'the glossary catches 法学硕士',
  );
});

test('a broken line names the file and line', () => {
  assert.throws(
    () => readDataset(join(here, 'testdata', 'eval-broken.jsonl'), 'jsonl'),
    /eval-broken\.jsonl:1: is not valid JSON/,
  );
});

test('cn-chat-arxiv-zh: the listing-prefix defect is counted', {
  skip: !existsSync(CN_CHAT) && 'needs ../shared/data/cn-chat-arxiv-zh',
}, (t) => {
  const report = evaluate(readDataset(CN_CHAT, 'cn-chat-arxiv'), glossary);
  const prefix = report.findings.find((f) => f.finding === 'translated the arXiv listing prefix');
  t.diagnostic(
    `${report.records} records, ${report.withListingPrefix} with the prefix, ${prefix?.records} translated it; ${report.passed} passed`,
  );
  assert.ok(report.records > 500);
  assert.ok(report.withListingPrefix > 300);
  assert.ok((prefix?.records ?? 0) > 100 && (prefix?.records ?? 0) <= report.withListingPrefix);
});
