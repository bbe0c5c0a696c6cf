// Vetoes: versions, amounts and years two headlines state differently mean two events.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factVeto, headlineFacts } from './dup-facts.ts';
import { dupTitle } from './dup-text.ts';

const facts = (title: string) => headlineFacts(dupTitle(title));
const veto = (a: string, b: string) => factVeto(facts(a), facts(b));

test('facts: versions glued to names, amounts with their measure word, years', () => {
  assert.deepEqual(facts('GPT-4o击败Llama 3.1，融资10亿美元'), [
    { kind: 'version:gpt', value: '4o' },
    { kind: 'version:llama', value: '3.1' },
    { kind: 'unit:亿', value: '10' },
  ]);
  assert.deepEqual(facts('NeurIPS 2024 best paper'), [{ kind: 'year', value: '2024' }]);
  // A number after a letter is part of a name (o1推理), not an amount.
  assert.deepEqual(facts('o1推理'), [{ kind: 'version:o', value: '1' }]);
});

test('different versions of one name veto; a loose mention of the same release does not', () => {
  assert.equal(veto('OpenAI发布GPT-5', 'OpenAI发布GPT-4'), 'version:gpt 5 ≠ 4');
  assert.match(veto('Llama 3.1发布', 'Llama 3.3发布') ?? '', /version:llama/);
  assert.equal(veto('新版Llama 3 70B', 'Meta发布Llama 3.3'), null);
  assert.equal(veto('GPT-4o mini登顶', 'GPT-4o mini霸榜'), null);
});

test('different amounts of one kind veto; a kind only one side states does not', () => {
  assert.equal(veto('智谱融资10亿', '智谱融资5亿'), 'unit:亿 10 ≠ 5');
  assert.match(veto('ICML 2024最佳论文', 'ICML 2025最佳论文') ?? '', /2024 ≠ 2025/);
  assert.equal(veto('ICML 2024 best paper', 'ICML 2025 best paper'), 'year 2024 ≠ 2025');
  assert.equal(veto('140+模型、8万道考题', '140+大模型评测'), null);
  assert.equal(veto('2年起飞，5年载人', '2年起飞，4年载人'), 'unit:年 2/5 ≠ 2/4');
  assert.equal(veto('智谱发布GLM-5', '智谱完成融资10亿'), null);
});
