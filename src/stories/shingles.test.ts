// Shingles: CJK character bigrams without particles and generic words, Latin word pairs and
// versioned names, mixed text; the 32-bit hash.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fmix32, hash32, joinVersions, shingleStrings } from './shingles.ts';

test('CJK runs give character bigrams; particles and generic news words are left out', () => {
  assert.deepEqual(shingleStrings('智谱发布了新模型', 2), ['智谱', '谱发', '新模']);
  assert.deepEqual(shingleStrings('智谱发布', 3), ['智谱发', '谱发布']);
  // A run shorter than n has no n-gram.
  assert.deepEqual(shingleStrings('谷', 2), []);
});

test('Latin text gives pairs of neighbouring words, stop words skipped; a lone word stands for itself', () => {
  assert.deepEqual(shingleStrings('scaling laws for neural language models', 2), [
    'scaling laws',
    'laws neural',
    'neural language',
    'language models',
  ]);
  assert.deepEqual(shingleStrings('the transformer', 2), ['transformer']);
  // Punctuation ends a phrase: no pair across the colon.
  assert.deepEqual(shingleStrings('sora: video', 2), ['sora', 'video']);
});

test('versions join their names however they are written, and stand alone as well', () => {
  assert.equal(joinVersions('gpt-4o and llama 3.1 in 2024'), 'gpt4o and llama3.1 in 2024');
  assert.deepEqual(shingleStrings('gpt-4o', 2), shingleStrings('gpt 4o', 2));
  assert.deepEqual(shingleStrings('meta llama 3.1 405b', 2), [
    'meta llama3.1',
    'llama3.1',
    'llama3.1 405b',
    '405b',
  ]);
});

test('mixed text: bigrams for the Chinese, words for the names between them', () => {
  assert.deepEqual(shingleStrings('谷歌deepmind全新mor架构', 2), ['谷歌', 'deepmind', '全新', 'mor', '架构']);
});

test('a limit keeps the first shingles in reading order', () => {
  assert.deepEqual(shingleStrings('智谱发布新模型glm-5', 2, 2), ['智谱', '谱发']);
});

test('hash32 is deterministic and spreads; fmix32 is a bijection on a sample', () => {
  assert.equal(hash32('智谱'), hash32('智谱'));
  assert.notEqual(hash32('智谱'), hash32('谱智'));
  assert.ok(hash32('a') >= 0 && hash32('a') <= 0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i < 10_000; i++) seen.add(fmix32(i));
  assert.equal(seen.size, 10_000);
  // Pinned: a stored signature must mean the same on every machine and in every later run.
  assert.equal(hash32('智谱'), 2951141261);
  assert.equal(hash32('gpt4o'), 1171065155);
});
