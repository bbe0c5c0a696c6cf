// The pairwise decision: one event told twice merges; another event of the same company, a different
// version, a too-short title or summaries alone do not. Reports here are written for the test.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, NEAR_DUP_DEFAULTS, resolveOptions, signature, similar } from './near-dup.ts';

const glm5 = {
  title: '重磅！智谱发布GLM-5大模型，推理能力超越GPT-4o',
  summary: '智谱AI今天发布新一代大模型GLM-5，在数学推理和代码生成上超过GPT-4o，并开放API调用。',
};
const glm5Again = {
  title: 'GLM-5来了：智谱新模型推理超GPT-4o，API同步开放 | 量子位',
  summary: '智谱今日推出GLM-5大模型，数学与代码能力提升明显，官方称推理表现优于GPT-4o，API已经开放调用。',
};
const funding = {
  title: '智谱完成新一轮融资，估值达到200亿元',
  summary: '智谱AI宣布完成新一轮融资，由多家机构投资，估值约200亿元。',
};
const glm6 = { title: glm5.title.replace('GLM-5', 'GLM-6'), summary: glm5.summary.replace('GLM-5', 'GLM-6') };
const gpt5 = {
  title: 'OpenAI releases GPT-5 with a new reasoning mode',
  summary:
    'OpenAI on Thursday released GPT-5, its new flagship model, with a reasoning mode that decides how long to think.',
};
const gpt5Again = {
  title: 'GPT-5 is here: OpenAI launches its new flagship model with reasoning mode (Reuters)',
  summary:
    'OpenAI launched GPT-5 on Thursday. The new flagship model has a reasoning mode that decides how long to think before answering.',
};

test('the same event under different headlines merges, in Chinese and in English', () => {
  assert.equal(similar(glm5, glm5Again), true);
  assert.equal(similar(gpt5, gpt5Again), true);
  const why = explain(glm5, glm5Again);
  assert.ok(why.jaccard >= NEAR_DUP_DEFAULTS.threshold);
  assert.ok(why.shared.includes('glm5') && why.shared.includes('智谱'));
  assert.equal(why.veto, undefined);
});

test('another event of the same company, or another version, does not merge', () => {
  assert.deepEqual(
    { same: explain(glm5, funding).same, veto: explain(glm5, funding).veto?.split(' ')[0] },
    { same: false, veto: 'jaccard' },
  );
  assert.equal(explain(glm5, glm6).veto, 'version:glm 5 ≠ 6');
  const gpt4 = {
    title: gpt5.title.replace('GPT-5', 'GPT-4'),
    summary: gpt5.summary.replace('GPT-5', 'GPT-4'),
  };
  assert.equal(similar(gpt5, gpt4), false);
});

test('guards: a title too short to tell, and summaries that agree under unrelated titles', () => {
  assert.match(explain({ title: 'AI' }, { title: 'AI' }).veto ?? '', /title too short/);
  const sameSummary = { title: '英伟达发布新显卡', summary: glm5.summary };
  assert.match(explain(glm5, sameSummary).veto ?? '', /titles share 0/);
});

test('without a summary only titles are compared; two Latin titles need more in common', () => {
  assert.equal(similar({ title: glm5.title }, { title: `${glm5.title}！` }), true);
  assert.match(explain({ title: glm5.title }, glm5Again).veto ?? '', /< 0.5$/);
  // Different papers that share only stock phrases of the field: enough for 0.09, not for 0.25.
  const pruning = {
    title: 'Efficient pruning of large language models',
    summary: 'We prune large language models to halve inference cost.',
  };
  const safety = {
    title: 'Safety alignment of large language models',
    summary: 'We align large language models with human safety preferences.',
  };
  const why = explain(pruning, safety);
  assert.ok(
    why.jaccard > NEAR_DUP_DEFAULTS.threshold && why.jaccard < NEAR_DUP_DEFAULTS.latinThreshold,
    String(why.jaccard),
  );
  assert.match(why.veto ?? '', new RegExp(`< ${NEAR_DUP_DEFAULTS.latinThreshold}$`));
});

test('signatures hold hashes only, sorted, and options are checked', () => {
  const sig = signature(glm5);
  assert.ok(sig.shingles.every((v, i) => i === 0 || (sig.shingles[i - 1] as number) < v));
  assert.ok(sig.title.length > 0 && sig.title.length <= sig.shingles.length);
  assert.throws(() => resolveOptions({ threshold: Number.NaN }), /threshold/);
});
