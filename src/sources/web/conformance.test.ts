// Conformance on Mozilla's Readability test pages (../shared/data/readability-test-pages): our text
// against the text of expected.html, and our metadata against expected-metadata.json. Skips when absent.
//
// Similarity is token-level F1: both texts are NFKC-normalized and lower-cased, then split into tokens —
// each run of letters/digits is one token, except that every Han, Hiragana, Katakana or Hangul
// character is a token of its own (those scripts do not separate words with spaces). With the two
// token multisets, overlap = Σ min(count in ours, count in expected); precision = overlap / |ours|,
// recall = overlap / |expected|, F1 = 2PR / (P + R); two empty texts score 1.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from './dom.ts';
import { type Extracted, extract } from './extract.ts';
import { plainText } from './plain-text.ts';

const PAGES = new URL('../../../../shared/data/readability-test-pages/', import.meta.url);
const PAGE_URL = 'http://fakehost/test/page.html';
const FIELDS = ['title', 'byline', 'lang', 'publishedTime', 'siteName', 'excerpt'] as const;

function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu) ?? []
  );
}

function tokenF1(ours: string, expected: string): number {
  const a = tokens(ours);
  const b = tokens(expected);
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of b) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of a) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / a.length;
  const recall = overlap / b.length;
  return (2 * precision * recall) / (precision + recall);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function same(ours: string | null, expected: string | null | undefined): boolean {
  const norm = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || null;
  return norm(ours) === norm(expected);
}

test('token F1: identical texts 1, disjoint 0, Han characters count one by one, order ignored', () => {
  assert.equal(tokenF1('The cat sat.', 'the  CAT sat'), 1);
  assert.equal(tokenF1('alpha beta', 'gamma delta'), 0);
  assert.equal(tokenF1('', ''), 1);
  assert.ok(Math.abs(tokenF1('大模型发布', '大模型') - 0.75) < 1e-9); // P = 3/5, R = 3/3
  assert.equal(tokenF1('b a', 'a b'), 1);
});

test('Readability corpus: median text F1 ≥ 0.95 against expected.html, metadata match rates reported', {
  skip: !existsSync(PAGES) && 'needs ../shared/data/readability-test-pages',
}, (t) => {
  const names = readdirSync(PAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const scores: { name: string; f1: number }[] = [];
  const matches = Object.fromEntries([...FIELDS, 'readerable'].map((field) => [field, 0])) as Record<
    string,
    number
  >;
  const filledWhereNull = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<string, number>;
  for (const name of names) {
    const read = (file: string) => readFileSync(new URL(`${name}/${file}`, PAGES), 'utf8');
    const expectedMeta = JSON.parse(read('expected-metadata.json')) as Record<string, unknown>;
    const ours: Extracted = extract(read('source.html'), PAGE_URL);
    const expectedBody = parseDocument(read('expected.html')).body;
    const expectedText = expectedBody ? plainText(expectedBody) : '';
    scores.push({ name, f1: tokenF1(ours.text, expectedText) });
    for (const field of FIELDS) {
      const expected = expectedMeta[field] as string | null | undefined;
      if (same(ours[field], expected)) matches[field] = (matches[field] ?? 0) + 1;
      else if (!expected) filledWhereNull[field] = (filledWhereNull[field] ?? 0) + 1;
    }
    if (ours.readerable === expectedMeta.readerable) matches.readerable = (matches.readerable ?? 0) + 1;
  }
  const sorted = scores.map((s) => s.f1).sort((a, b) => a - b);
  const [p10, p50, p90] = [0.1, 0.5, 0.9].map((q) => quantile(sorted, q).toFixed(3));
  const mean = (sorted.reduce((sum, f1) => sum + f1, 0) / sorted.length).toFixed(3);
  t.diagnostic(`${names.length} pages; text token F1 p10 ${p10}, p50 ${p50}, p90 ${p90}, mean ${mean}`);
  for (const { name, f1 } of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, 5)) {
    t.diagnostic(`worst: ${name} F1 ${f1.toFixed(3)}`);
  }
  for (const field of Object.keys(matches)) {
    const extra = filledWhereNull[field]
      ? ` (${filledWhereNull[field]} more where the corpus expects null)`
      : '';
    t.diagnostic(`metadata ${field}: ${matches[field]}/${names.length} match${extra}`);
  }
  assert.ok(names.length > 100, `only ${names.length} pages found`);
  assert.ok(quantile(sorted, 0.5) >= 0.95, `median F1 ${p50} is below 0.95`);
});
