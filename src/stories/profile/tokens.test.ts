import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenSpans, tokens } from './tokens.ts';

test('English: lower-cased, stopwords and lone letters dropped, stemmed, hyphens split', () => {
  assert.deepEqual(tokens('The Transformers are attending to Long-Context inputs in a 128K window'), [
    'transform',
    'attend',
    'long',
    'context',
    'input',
    '128k',
    'window',
  ]);
});

test('Chinese: overlapping character bigrams per run; punctuation and Latin words split runs', () => {
  assert.deepEqual(tokens('大模型推理，提速3倍'), ['大模', '模型', '型推', '推理', '提速', '倍']);
  assert.deepEqual(tokens('基于Transformer的模型'), ['基于', 'transform', '的模', '模型']);
});

test('full-width letters and accents meet their plain forms', () => {
  assert.deepEqual(tokens('ＧＰＵ naïve café'), tokens('GPU naive cafe'));
});

test('spans keep the words the tokens came from', () => {
  assert.deepEqual(tokenSpans('Routing attention'), [
    { token: 'rout', surface: 'routing' },
    { token: 'attent', surface: 'attention' },
  ]);
});

test('same text, same tokens; empty text, none', () => {
  const text = 'Sparse attention 稀疏注意力 for long documents';
  assert.deepEqual(tokens(text), tokens(text));
  assert.deepEqual(tokens(''), []);
  assert.deepEqual(tokens('the of and — ，。'), []);
});
