import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkGlossary, loadGlossary, promptBlock, relevantTerms } from './glossary.ts';
import { keepNames } from './names.ts';

const glossary = loadGlossary();
const check = (source: string, output: string, title = false) =>
  checkGlossary(glossary, source, output, { title });

test('法学硕士 for LLM is caught, by rendering and by the avoid list', () => {
  assert.deepEqual(check('LLMs can reason.', '法学硕士可以推理。'), [
    'glossary: "LLM" must be rendered 大语言模型 (or 大型语言模型, 大模型, 大规模语言模型) (found 法学硕士)',
  ]);
  assert.deepEqual(check('Large language models can reason.', '大语言模型（法学硕士）可以推理。'), [
    'glossary: "large language model" rendered as 法学硕士, which is on the avoid list',
  ]);
  assert.deepEqual(check('A short note.', '法学硕士'), [
    'glossary: "large language model" rendered as 法学硕士, which is on the avoid list',
  ]);
});

test('Position: is 立场 at the start of a title, and 职位 there is caught', () => {
  const title = 'Position: Agents Need Memory';
  assert.deepEqual(check(title, '立场：智能体需要记忆', true), []);
  assert.deepEqual(check(title, '职位：代理需要记忆', true), [
    'glossary: "Position:" must be rendered 立场： (or 立场论文：, 观点：) (found 职位)',
  ]);
  assert.deepEqual(check('Job Position Recommendation with Agents', '基于智能体的职位推荐', true), []);
  assert.deepEqual(check(title, '职位：智能体需要记忆'), [], 'bodies do not carry title prefixes');
});

test('a faithful rendering passes', () => {
  const source =
    'We fine-tune a large language model (LLM) with reinforcement learning on a new benchmark. Our agents beat GPT-4o.';
  const output = '我们用强化学习在一个新基准上微调一个大语言模型（LLM）。我们的智能体超过了 GPT-4o。';
  assert.deepEqual(check(source, output), []);
});

test('the English term or abbreviation kept in the output passes', () => {
  assert.deepEqual(check('Transformers dominate.', 'Transformer 占据主导。'), []);
  assert.deepEqual(check('A mixture of experts (MoE) model.', '一种 MoE 模型。'), []);
  assert.deepEqual(
    check('Retrieval-augmented generation helps.', 'Retrieval-Augmented Generation 有帮助。'),
    [],
  );
  assert.deepEqual(check('Mixture-of-experts models.', '混合专家（mixture-of-experts）模型。'), []);
});

test('a missing rendering names the term and the accepted renderings', () => {
  assert.deepEqual(check('Reinforcement learning works.', '增强学习有效。'), [
    'glossary: "reinforcement learning" must be rendered 强化学习',
  ]);
});

test('transformers rendered as 变压器 or 变形金刚 are caught once', () => {
  assert.deepEqual(check('Transformers win.', '变压器获胜。'), [
    'glossary: "transformer" must be rendered Transformer (found 变压器)',
  ]);
  assert.deepEqual(
    check('Vision transformers (ViT) win; transformers too.', 'ViT 和 Transformer 胜出，视觉变压器也是。'),
    ['glossary: "vision transformer" rendered as 视觉变压器, which is on the avoid list'],
  );
});

test('transliterated or dropped names are caught; expanded acronyms are not', () => {
  assert.deepEqual(check('Llama and DeepSeek-R1 are open-weight.', '羊驼和深度求索-R1 是开放权重的。'), [
    'keeps no "Llama" (names are not translated)',
    'keeps no "DeepSeek-R1" (names are not translated)',
  ]);
  assert.deepEqual(check('We detect autism spectrum disorder (ASD).', '我们检测自闭症谱系障碍。'), []);
  assert.deepEqual(check('Our CoTFormers win.', '我们的 CoTFormer 胜出。'), [], 'plural name');
  const withAuthor = checkGlossary(glossary, 'As Hinton noted, it works.', '正如辛顿所说，它有效。', {
    authors: ['Geoffrey Hinton'],
  });
  assert.deepEqual(withAuthor, ['keeps no "Hinton" (names are not translated)']);
});

test('the prompt block lists terms and names, and is empty when there is nothing', () => {
  const source = 'Position: LLMs and transformers with GPT-4o';
  const block = promptBlock(relevantTerms(glossary, source), keepNames(glossary, source, []));
  assert.equal(
    block,
    [
      '术语表（按以下译法翻译；括号内的英文缩写可在首次出现时保留）：',
      '- Position:（标题开头） → 立场：；不要译作：职位、位置：',
      '- large language model → 大语言模型（LLM）；不要译作：法学硕士、大律师',
      '- transformer → Transformer（保留英文）；不要译作：变压器、变形金刚',
      '以下名称保持原文，不要翻译或音译：GPT-4o',
    ].join('\n'),
  );
  assert.equal(promptBlock([], []), '');
  assert.equal(promptBlock([], ['GPT-4o']), '以下名称保持原文，不要翻译或音译：GPT-4o');
});

const corpus = fileURLToPath(new URL('../../../../shared/data/cn-chat-arxiv-zh/papers', import.meta.url));

test('another system’s translations of arXiv abstracts are checked, and its real slips are found', {
  skip: !existsSync(corpus) && 'needs ../shared/data/cn-chat-arxiv-zh/papers',
}, (t) => {
  const prefix = /^arXiv:\S+\s+Announce Type:\s*\S+\s+Abstract:\s*/;
  const zhPrefix = /^(?:摘要：)?arXiv:\S+\s+\S+：\s*\S+\s+摘要：\s*/;
  let records = 0;
  let flagged = 0;
  let avoidHits = 0;
  let termsSeen = 0;
  for (const file of readdirSync(corpus, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.json')) continue;
    const paper = JSON.parse(readFileSync(join(corpus, file), 'utf8')) as Record<string, unknown>;
    if (typeof paper.abstract !== 'string' || typeof paper.translated_abstract !== 'string') continue;
    records++;
    const source = paper.abstract.replace(prefix, '');
    termsSeen += relevantTerms(glossary, source).length;
    keepNames(glossary, source, []);
    const reasons = check(source, paper.translated_abstract.replace(zhPrefix, ''));
    if (typeof paper.title === 'string' && typeof paper.translated_title === 'string') {
      reasons.push(...check(paper.title.replace(/\. \(arXiv:.*$/, ''), paper.translated_title, true));
    }
    if (reasons.length) flagged++;
    if (reasons.some((reason) => reason.includes('变压器'))) avoidHits++;
  }
  t.diagnostic(
    `${records} records, ${termsSeen} glossary terms found, ${flagged} flagged, ${avoidHits} with 变压器`,
  );
  assert.ok(records > 0);
  assert.ok(termsSeen > records, 'abstracts use glossary terms');
  assert.ok(avoidHits > 0, 'transformer rendered as 变压器 is in that output');
  assert.ok(flagged > 0 && flagged < records * 0.2, 'flags real slips, rarely a faithful translation');
});
