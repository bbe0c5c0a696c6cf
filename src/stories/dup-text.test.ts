// What near-duplicate detection compares: folded headlines without outlet tags and hype, summaries
// without machine boilerplate.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dupSummary, dupTitle, foldText } from './dup-text.ts';

test('folding: NFKC (full-width letters, digits and punctuation), lower case, one space', () => {
  assert.equal(foldText('ＧＰＴ－４ｏ\u3000来了！  Ｌｌａｍａ\t３'), 'gpt-4o 来了! llama 3');
  assert.equal(foldText('Plain ASCII  Title'), 'plain ascii title');
});

test('headlines lose outlet names, star tags and stand-alone hype words, keep their content', () => {
  // Punctuation stays (the shingles skip it); the words go.
  assert.equal(dupTitle('重磅！刚刚，智谱发布GLM-5'), '! ,智谱发布glm-5');
  assert.equal(dupTitle('【量子位】智谱发布GLM-5 | 机器之心'), '【 】智谱发布glm-5 |');
  assert.equal(dupTitle('5 天 320 stars - Snowflake Arctic | AI 开源项目'), 'snowflake arctic |');
  assert.equal(dupTitle('Breaking: OpenAI ships a model - TechCrunch'), ': openai ships a model -');
  // A hype word inside a word is content: 刚刚好 stays.
  assert.equal(dupTitle('时间刚刚好'), '时间刚刚好');
});

test('summaries lose machine openers; a failed machine summary is empty', () => {
  assert.equal(dupSummary('这篇文章介绍了智谱发布的GLM-5。'), '智谱发布的glm-5。');
  assert.equal(dupSummary('以下是文章的摘要：**智谱**发布GLM-5'), '智谱 发布glm-5');
  assert.equal(dupSummary('In this paper, we propose a method.'), 'propose a method.');
  assert.equal(dupSummary('好的，请将您需要我摘要的文章发给我。'), '');
  assert.equal(dupSummary('非常抱歉，作为一个AI助手，我无法回答该问题，请您换个话题。'), '');
  assert.equal(dupSummary('好的模型需要好的数据。'), '好的模型需要好的数据。');
});
