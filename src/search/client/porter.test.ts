import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { stem as nodeStem } from '../../stories/profile/stem.ts';
import { stem as browserStem } from './porter.js';

const WORDS = new URL('../testdata/stem-words.txt', import.meta.url);
const HF_DAYS = new URL('../../../../shared/data/hf-daily-papers/daily/', import.meta.url).pathname;

function wordList(): string[] {
  return readFileSync(WORDS, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
}

function differences(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (browserStem(word) !== nodeStem(word)) out.push(`${word}: ${browserStem(word)} ≠ ${nodeStem(word)}`);
  }
  return out;
}

test('the browser stemmer agrees with Node on every rule and the AI word list', () => {
  const words = wordList();
  assert.ok(words.length > 350);
  assert.deepEqual(differences(words), []);
  // The list exercises the stemmer, not just words it leaves alone.
  assert.ok(words.filter((word) => nodeStem(word) !== word).length > 250);
});

test('Porter examples come out as the paper says, in the browser too', () => {
  const cases: Record<string, string> = {
    caresses: 'caress',
    ponies: 'poni',
    relational: 'relat',
    generalizations: 'gener',
    hopping: 'hop',
    filing: 'file',
    controlling: 'control',
    transformers: 'transform',
  };
  for (const [word, expected] of Object.entries(cases)) assert.equal(browserStem(word), expected, word);
});

test('the browser stemmer agrees with Node on every word of the HF daily papers', {
  skip: !existsSync(HF_DAYS) && 'needs ../shared/data/hf-daily-papers',
}, () => {
  const words = new Set<string>();
  for (const file of readdirSync(HF_DAYS).filter((name) => name.endsWith('.json'))) {
    const text = readFileSync(join(HF_DAYS, file), 'utf8').toLowerCase();
    for (const [word] of text.matchAll(/[a-z]{3,}/g)) words.add(word);
  }
  assert.ok(words.size > 10_000, `only ${words.size} words`);
  assert.deepEqual(differences(words), []);
});
