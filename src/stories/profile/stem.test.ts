import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stem } from './stem.ts';

// Examples from Porter (1980) and the outputs of his reference implementation.
const CASES: Record<string, string> = {
  caresses: 'caress',
  ponies: 'poni',
  ties: 'ti',
  caress: 'caress',
  cats: 'cat',
  feed: 'feed',
  agreed: 'agre',
  plastered: 'plaster',
  bled: 'bled',
  motoring: 'motor',
  sing: 'sing',
  conflated: 'conflat',
  troubled: 'troubl',
  sized: 'size',
  hopping: 'hop',
  tanned: 'tan',
  falling: 'fall',
  hissing: 'hiss',
  fizzed: 'fizz',
  failing: 'fail',
  filing: 'file',
  happy: 'happi',
  sky: 'sky',
  relational: 'relat',
  conditional: 'condit',
  rational: 'ration',
  valenci: 'valenc',
  digitizer: 'digit',
  generalizations: 'gener',
  oscillators: 'oscil',
  triplicate: 'triplic',
  formative: 'form',
  hopeful: 'hope',
  goodness: 'good',
  revival: 'reviv',
  allowance: 'allow',
  inference: 'infer',
  airliner: 'airlin',
  adjustable: 'adjust',
  defensible: 'defens',
  irritant: 'irrit',
  replacement: 'replac',
  adjustment: 'adjust',
  dependent: 'depend',
  adoption: 'adopt',
  communism: 'commun',
  activate: 'activ',
  effective: 'effect',
  bowdlerize: 'bowdler',
  probate: 'probat',
  rate: 'rate',
  cease: 'ceas',
  controlling: 'control',
  roll: 'roll',
};

test('Porter stems: the paper examples', () => {
  for (const [word, expected] of Object.entries(CASES)) assert.equal(stem(word), expected, word);
});

test('inflections of one word meet in one stem', () => {
  for (const family of [
    ['connect', 'connected', 'connecting', 'connection', 'connections'],
    ['transformer', 'transformers', 'transform'],
    ['agent', 'agents'],
    ['retrieval', 'retrievals'],
    ['model', 'models', 'modeling'],
  ]) {
    assert.equal(new Set(family.map(stem)).size, 1, family.join(' '));
  }
});

test('short words and anything not a-z are left alone', () => {
  for (const word of ['is', 'ai', 'gpt4', '128k', 'naïve', '']) assert.equal(stem(word), word);
});
