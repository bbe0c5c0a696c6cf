import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { queryTerms as browserQueryTerms } from './client/tokens.js';
import type { SearchDoc } from './static-index.ts';
import { queryTerms, queryTokens, tokens } from './tokens.ts';

const DOCS = JSON.parse(readFileSync(new URL('testdata/docs.json', import.meta.url), 'utf8')) as SearchDoc[];
const ARXIV_ZH = new URL('../../../shared/data/daily-arxiv-ai-enhanced-zh/monthly/', import.meta.url)
  .pathname;

test('Chinese: character bigrams, then jieba words of three or more characters', () => {
  assert.deepEqual(tokens('清华大学发布模型'), [
    '清华',
    '华大',
    '大学',
    '学发',
    '发布',
    '布模',
    '模型',
    '清华大学',
  ]);
  assert.deepEqual(tokens('猫'), ['猫']);
  // Punctuation ends a run: no bigram spans it.
  assert.deepEqual(tokens('模型，推理'), ['模型', '推理']);
});

test('English: lower-cased, stopwords dropped, Porter-stemmed, accents folded', () => {
  assert.deepEqual(tokens('The Transformers are Learning to Reason'), ['transform', 'learn', 'reason']);
  assert.deepEqual(tokens('Naïve fine-tuning of state-of-the-art models'), [
    'naiv',
    'fine',
    'tune',
    'state',
    'art',
    'model',
  ]);
});

test('model names and numbers: segments, the leading word, and hyphen-free prefixes', () => {
  assert.deepEqual(tokens('GPT-4o-mini'), ['gpt', '4o', 'mini', 'gpt4o', 'gpt4omini']);
  assert.deepEqual(tokens('Qwen2.5'), ['qwen2', 'qwen', 'qwen2.5']);
  assert.deepEqual(tokens('arXiv:2401.12345 in 2024'), ['arxiv', '2401', '12345', '2401.12345', '2024']);
  // Full-width forms fold (NFKC) to the same tokens.
  assert.deepEqual(tokens('ＧＰＴ－４ｏ'), tokens('gpt-4o'));
  // However a model is written, the query finds it.
  for (const [query, doc] of [
    ['gpt-4o', 'GPT-4o-mini'],
    ['gpt4o', 'GPT-4o'],
    ['GPT-4o', 'gpt4o'],
    ['qwen2.5', 'Qwen2.5-72B-Instruct'],
    ['qwen', 'Qwen2.5'],
    ['llama-3.1', 'Llama-3.1 405B'],
  ] as const) {
    const indexed = new Set(tokens(doc));
    assert.ok(
      queryTokens(query).every((token) => indexed.has(token)),
      `${query} → ${queryTokens(query)} vs ${doc} → ${[...indexed]}`,
    );
  }
});

test('mixed text splits at script changes', () => {
  assert.deepEqual(tokens('用GPT-4o做多模态推理'), [
    '用',
    'gpt',
    '4o',
    'gpt4o',
    '做多',
    '多模',
    '模态',
    '态推',
    '推理',
  ]);
});

test('queries: bigrams and query tokens required, whole CJK runs optional, lone characters only alone', () => {
  assert.deepEqual(queryTerms('清华大学 GPT-4o-mini'), {
    required: ['清华', '华大', '大学', 'gpt4omini'],
    optional: ['清华大学'],
  });
  assert.deepEqual(queryTerms('用GPT-4o'), { required: ['gpt4o'], optional: [] });
  assert.deepEqual(queryTerms('猫'), { required: ['猫'], optional: [] });
  assert.deepEqual(queryTerms('the of and'), { required: [], optional: [] });
});

test('Node and the browser compute the same query terms', () => {
  const texts = DOCS.flatMap((doc) => [doc.title, doc.text]);
  for (const text of texts) assert.deepEqual(browserQueryTerms(text), queryTerms(text), text);
});

test('a document is found by its own text: every required query token is among its index tokens', () => {
  for (const doc of DOCS) {
    const indexed = new Set(tokens(`${doc.title} ${doc.text}`));
    const missing = queryTokens(`${doc.title} ${doc.text}`).filter((token) => !indexed.has(token));
    assert.deepEqual(missing, [], doc.id);
  }
});

test('the same holds on real Chinese and English abstracts', {
  skip: !existsSync(ARXIV_ZH) && 'needs ../shared/data/daily-arxiv-ai-enhanced-zh',
}, () => {
  const file = `${ARXIV_ZH}2025-03-19_AI_enhanced_Chinese.jsonl`;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, 150);
  let checked = 0;
  for (const line of lines) {
    const paper = JSON.parse(line) as { title: string; summary: string; AI: Record<string, string> };
    for (const text of [paper.title, paper.summary, Object.values(paper.AI).join('\n')]) {
      const indexed = new Set(tokens(text));
      assert.deepEqual(
        queryTokens(text).filter((token) => !indexed.has(token)),
        [],
        text.slice(0, 80),
      );
      assert.deepEqual(browserQueryTerms(text), queryTerms(text));
      checked++;
    }
  }
  assert.equal(checked, 450);
});
