import assert from 'node:assert/strict';
import test from 'node:test';
import { loadGlossary } from './glossary.ts';
import { findNames, keepNames } from './names.ts';

const glossary = loadGlossary();
const names = (text: string, authors: string[] = []) => keepNames(glossary, text, authors);

test('model names with digits, CamelCase names and keep-list entries are found in order', () => {
  const text =
    'We compare GPT-4o, Qwen2.5-VL-7B and Llama-3.1-8B with DeepSeek and OpenAI models on ImageNet.';
  assert.deepEqual(names(text), [
    'GPT-4o',
    'Qwen2.5-VL-7B',
    'Llama-3.1-8B',
    'DeepSeek',
    'OpenAI',
    'ImageNet',
  ]);
});

test('ordinary capitalized words, glossary abbreviations and numbered words are not names', () => {
  assert.deepEqual(names('The model works. We show that LLMs, RLHF and MoE help. Top-1 in Tier-2, Q3.'), []);
  assert.deepEqual(names('Note: In this paper, Our method wins.'), []);
});

test('descriptor suffixes are trimmed, variant suffixes kept', () => {
  assert.deepEqual(names('GPT-4o-based agents and o3-mini-style prompts use BERT-base.'), [
    'GPT-4o',
    'o3-mini',
    'BERT',
  ]);
  assert.deepEqual(names('Mistral-7B-instruct and CLIP-based retrieval'), ['Mistral-7B-instruct', 'CLIP']);
});

test('a name inside a longer name is reported once, as the longer name', () => {
  assert.deepEqual(names('Results on SWE-bench Verified and MMLU-Pro.'), ['SWE-bench Verified', 'MMLU-Pro']);
});

test('acronyms are names of their own kind, singular', () => {
  assert.deepEqual(findNames(glossary, 'autism spectrum disorder (ASD) and two BERTs and IoT'), [
    { name: 'ASD', kind: 'acronym' },
    { name: 'BERT', kind: 'keep' },
    { name: 'IoT', kind: 'acronym' },
  ]);
  assert.deepEqual(names('PhD students in the US and UK, phase II, kB of data'), []);
});

test('authors are found by full name, or by surname away from a sentence start', () => {
  const authors = ['Yann LeCun', 'Geoffrey Hinton', 'Wei Zhang'];
  assert.deepEqual(names('As Yann LeCun argues, and as Hinton noted, ...', authors), [
    'Yann LeCun',
    'Hinton',
  ]);
  assert.deepEqual(names('Zhang et al. show it.', authors), [], 'sentence-initial surname');
  assert.deepEqual(names('Following Zhang et al.', authors), ['Zhang']);
});

test('names inside URLs and words run together by lost line breaks are ignored', () => {
  assert.deepEqual(names('Code at https://github.com/LTTM/FedSpace and theModel aHybrid.'), []);
});

test('text without names gives an empty list', () => {
  assert.deepEqual(names(''), []);
  assert.deepEqual(names('a plain sentence about learning.'), []);
});
