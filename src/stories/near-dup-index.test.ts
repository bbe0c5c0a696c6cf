// The index: each report matched to the most similar earlier one within the time window, whole
// spans dropped as time moves on, the same answers for the same input.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NearDupIndex } from './near-dup-index.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 6, 1);

const glm5 = {
  title: '重磅！智谱发布GLM-5大模型，推理能力超越GPT-4o',
  summary: '智谱AI今天发布新一代大模型GLM-5，在数学推理和代码生成上超过GPT-4o，并开放API调用。',
};
const glm5Again = {
  title: 'GLM-5来了：智谱新模型推理超GPT-4o，API同步开放 | 量子位',
  summary: '智谱今日推出GLM-5大模型，数学与代码能力提升明显，官方称推理表现优于GPT-4o，API已经开放调用。',
};
const glm5Copy = { title: '【新智元】智谱发布GLM-5大模型，推理能力超越GPT-4o！', summary: glm5.summary };
const unrelated = {
  title: '苹果发布新款MacBook，搭载M5芯片',
  summary: '苹果今天发布新款MacBook，搭载自研M5芯片，续航明显提升。',
};

test('a report joins the most similar earlier report; the first and unrelated ones join none', () => {
  const index = new NearDupIndex();
  assert.equal(index.add('a', glm5, T0), null);
  assert.equal(index.add('b', unrelated, T0 + 1000), null);
  assert.equal(index.add('c', glm5Again, T0 + DAY), 'a');
  // The copy is closer to `a` than to `c`.
  assert.equal(index.add('d', glm5Copy, T0 + DAY), 'a');
  assert.equal(index.size, 4);
  assert.equal(index.match(glm5Again, T0 + DAY)?.id, 'c');
  assert.equal(index.size, 4);
});

test('reports further apart than the window never merge; within it, order of arrival does not matter', () => {
  const index = new NearDupIndex({ windowDays: 3 });
  index.add('a', glm5, T0);
  assert.equal(index.add('far', glm5Again, T0 + 3 * DAY + 1), null);
  assert.equal(index.add('near', glm5Copy, T0 + 3 * DAY - 1), 'a');
  // Published earlier, listed later: still found.
  assert.equal(index.add('late', glm5Again, T0 - DAY), 'a');
});

test('old spans are dropped as time moves on, so memory follows the window, not the total', () => {
  const index = new NearDupIndex({ windowDays: 1 });
  for (let day = 0; day < 30; day++)
    index.add(`r${day}`, { ...unrelated, title: `${unrelated.title} 第${day}期` }, T0 + day * DAY);
  assert.ok(index.size <= 3, `held ${index.size}`);
  assert.throws(() => index.add('x', glm5, Number.NaN), /time of x/);
});

test('the same input gives the same matches', () => {
  const run = () => {
    const index = new NearDupIndex();
    return [glm5, unrelated, glm5Again, glm5Copy].map((doc, i) =>
      index.add(String(i), doc, T0 + i * 3600_000),
    );
  };
  assert.deepEqual(run(), run());
});
