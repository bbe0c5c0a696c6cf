import assert from 'node:assert/strict';
import test from 'node:test';
import type { Glossary } from './glossary.ts';
import { loadGlossary } from './glossary.ts';
import { findTerms, relevantTerms } from './match.ts';

const glossary = loadGlossary();
const ens = (text: string, g: Glossary = glossary) => relevantTerms(g, text).map((term) => term.en);

test('en matches case-insensitively with simple plurals and spacing variants', () => {
  assert.deepEqual(ens('Transformers and AGENTS beat the Agent.'), ['transformer', 'agent']);
  assert.deepEqual(ens('We study policy gradients and Policy Gradient methods.'), ['policy gradient']);
  assert.deepEqual(ens('finetuning, fine tuning and Fine-Tuning'), ['fine-tuning']);
  assert.deepEqual(ens('pretrained language models'), ['pre-trained language model']);
  assert.deepEqual(ens('two seed rounds and a Series A'), ['seed round', 'Series A round']);
  assert.deepEqual(ens('forecast the time series a day ahead'), ['time series']);
  assert.deepEqual(ens('large\n  language models'), ['large language model'], 'arXiv line wraps');
});

test('en matches whole words only', () => {
  assert.deepEqual(ens('Tokenizers split text; agentic systems differ from agents.'), [
    'tokenizer',
    'agentic',
    'agent',
  ]);
  assert.deepEqual(ens('Retrievals? No: retrievable items and the transformerless design.'), ['retrieval']);
});

test('abbreviations match case-sensitively, plural too', () => {
  assert.deepEqual(ens('LLMs and an LLM'), ['large language model']);
  assert.deepEqual(ens('llms are not the abbreviation'), []);
  const found = findTerms(glossary, 'RLHF improves LLMs.');
  assert.deepEqual(
    found.map((f) => [f.term.en, f.viaAbbr]),
    [
      ['reinforcement learning from human feedback', true],
      ['large language model', true],
    ],
  );
});

test('the longest term wins and its parts are not counted again', () => {
  assert.deepEqual(ens('Large language models (LLMs) are language models.'), [
    'large language model',
    'language model',
  ]);
  assert.deepEqual(ens('Embodied AI needs world models.'), ['embodied AI', 'world model']);
  assert.deepEqual(ens('multi-agent reinforcement learning'), ['multi-agent reinforcement learning']);
});

test('an abbreviation inside a hyphenated name is not the term', () => {
  assert.deepEqual(ens('Faster R-CNN detects objects.'), []);
  assert.deepEqual(ens('A CNN-based detector.'), ['convolutional neural network']);
});

test('terms are listed once, in order of first appearance', () => {
  assert.deepEqual(ens('benchmark, dataset, benchmark, datasets, RL'), [
    'benchmark',
    'dataset',
    'reinforcement learning',
  ]);
});

test('title prefixes match only at the start of a line', () => {
  assert.deepEqual(ens('Position: Agents Need Memory'), ['Position:', 'agent']);
  assert.deepEqual(ens('Agents\nPosition: paper'), ['agent', 'Position:']);
  assert.deepEqual(ens('The end position: here'), []);
  assert.deepEqual(
    findTerms(glossary, 'Position: x', { prefixes: false }).map((f) => f.term.en),
    [],
  );
});

test('words inside URLs are not prose', () => {
  assert.deepEqual(ens('Code: https://github.com/org/transformer-agents and www.example.com/dataset'), []);
});

test('a glossary with no terms finds nothing', () => {
  assert.deepEqual(ens('large language model', { terms: [], keep: [] }), []);
});
