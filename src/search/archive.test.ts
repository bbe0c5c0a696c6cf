// The archive search engine on a real SQLite store: cross-language finding through writeups, filters,
// ranking, highlight ranges, and keeping the index fresh.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Writeup } from '../model/story.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { item } from '../store/store.contract.ts';
import type { Store } from '../store/store.ts';
import { cut, indexStories, needsReindex, reindexAll, searchArchive } from './archive.ts';

const ALL = { limit: 20, offset: 0 };

function writeup(storyId: string, lang: string, title: string, body: string): Writeup {
  return {
    storyId,
    lang,
    title,
    body,
    status: 'drafted',
    task: 'paper-translation',
    model: null,
    promptVersion: null,
    editedBy: null,
    updatedAt: '2026-11-20T08:00:00.000Z',
    tokens: null,
    cost: null,
    gate: [],
  };
}

/** An English paper with a Chinese writeup, a Chinese news story, and an unrelated English one. */
async function archive(): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await store.createStory({
    id: 'paper',
    kind: 'paper',
    editionDate: '2026-11-18',
    keys: ['k1'],
    dropped: false,
  });
  await store.saveItem(
    item({
      title: 'Sparse Lattice Routing for Mixture-of-Experts Models',
      summary: 'We route tokens through a sparse lattice of experts and cut inference cost by 40%.',
    }),
    'paper',
    'h1',
  );
  await store.putWriteup(
    writeup(
      'paper',
      'zh',
      '稀疏格路由：更便宜的混合专家模型',
      '研究人员提出稀疏格路由，让混合专家模型的推理成本降低四成。',
    ),
  );
  await store.createStory({
    id: 'news',
    kind: 'article',
    editionDate: '2026-11-20',
    keys: ['k2'],
    dropped: false,
  });
  await store.saveItem(
    item({
      source: 'jiqizhixin',
      externalId: 'n1',
      kind: 'article',
      url: 'https://example.cn/n1',
      title: '智谱发布开源混合专家模型 GLM-5',
      summary: '智谱今天开源了 GLM-5，一个混合专家（MoE）模型，在多项评测上接近 GPT-4o。',
      lang: 'zh',
      section: '产业',
      keys: ['url:https://example.cn/n1'],
    }),
    'news',
    'h2',
  );
  await store.putWriteup(
    writeup(
      'news',
      'en',
      'Zhipu open-sources GLM-5, a mixture-of-experts model',
      'Zhipu released GLM-5 today.',
    ),
  );
  await store.putPlacement({
    storyId: 'news',
    publication: 'daily',
    section: 'industry',
    tags: [],
    by: 'llm',
    updatedAt: 'now',
  });
  await store.createStory({
    id: 'other',
    kind: 'paper',
    editionDate: '2026-11-19',
    keys: ['k3'],
    dropped: false,
  });
  await store.saveItem(
    item({
      externalId: 'o1',
      url: 'https://arxiv.org/abs/2611.09999',
      title: 'Diffusion Policies for Robot Grasping',
      summary: 'A diffusion model learns grasps.',
      keys: ['arxiv:2611.09999'],
    }),
    'other',
    'h3',
  );
  await reindexAll(store);
  return store;
}

const ids = (r: { hits: { storyId: string }[] }) => r.hits.map((h) => h.storyId);

test('a Chinese query finds the English-titled paper through its Chinese writeup, and the Chinese story', async () => {
  const store = await archive();
  const result = await searchArchive(store, '稀疏格路由', ALL);
  assert.deepEqual(ids(result), ['paper']);
  assert.equal(result.hits[0]?.title, 'Sparse Lattice Routing for Mixture-of-Experts Models');
  assert.equal(result.hits[0]?.titleZh, '稀疏格路由：更便宜的混合专家模型');
  assert.deepEqual(ids(await searchArchive(store, '混合专家模型', ALL)).sort(), ['news', 'paper']);
  await store.close();
});

test('an English query finds English and Chinese stories; stemming joins experts and expert', async () => {
  const store = await archive();
  const result = await searchArchive(store, 'mixture of expert', ALL);
  assert.deepEqual(ids(result).sort(), ['news', 'paper']);
  assert.equal(result.total, 2);
  assert.deepEqual(ids(await searchArchive(store, 'GPT-4o', ALL)), ['news']);
  assert.deepEqual(ids(await searchArchive(store, 'quantum teleportation', ALL)), []);
  await store.close();
});

test('all terms first; when no story holds them all, any of them', async () => {
  const store = await archive();
  assert.deepEqual(ids(await searchArchive(store, 'diffusion grasping', ALL)), ['other']);
  const loose = await searchArchive(store, 'diffusion lattice', ALL);
  assert.deepEqual(ids(loose).sort(), ['other', 'paper']);
  await store.close();
});

test('a title hit ranks above a body hit; equal hits rank newer first', async () => {
  const store = await archive();
  const add = async (id: string, date: string, title: string, summary: string) => {
    await store.createStory({ id, kind: 'paper', editionDate: date, keys: [id], dropped: false });
    await store.saveItem(item({ externalId: id, title, summary, keys: [id] }), id, id);
  };
  await add('body', '2026-11-21', 'Efficient Inference Kernels', 'Kernels that also serve lattice models.');
  await add('twin-old', '2026-11-01', 'Graph Pruning', 'Pruning graphs.');
  await add('twin-new', '2026-11-02', 'Graph Pruning', 'Pruning graphs.');
  await indexStories(store, ['body', 'twin-old', 'twin-new']);
  assert.deepEqual(ids(await searchArchive(store, 'lattice', ALL)), ['paper', 'body']);
  assert.deepEqual(ids(await searchArchive(store, 'graph pruning', ALL)), ['twin-new', 'twin-old']);
  await store.close();
});

test('filters: source, section, publication, language, dates; dropped stories never show', async () => {
  const store = await archive();
  const q = 'model';
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, source: 'jiqizhixin' })), ['news']);
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, section: 'industry' })), ['news']);
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, section: '产业' })), ['news']);
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, publication: 'daily' })), ['news']);
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, lang: 'en' })).sort(), ['other', 'paper']);
  assert.deepEqual(ids(await searchArchive(store, q, { ...ALL, from: '2026-11-19', to: '2026-11-19' })), [
    'other',
  ]);
  const page = await searchArchive(store, q, { limit: 1, offset: 1 });
  assert.equal(page.total, 3);
  assert.equal(page.hits.length, 1);
  await store.setDropped('other', true);
  assert.deepEqual(ids(await searchArchive(store, 'diffusion', ALL)), []);
  await store.close();
});

test('highlight ranges cover exactly the matched words and characters', async () => {
  const store = await archive();
  const [zh] = (await searchArchive(store, '混合专家', ALL)).hits.filter((h) => h.storyId === 'paper');
  assert.ok(zh);
  const marked = zh.snippet.marks.map(([s, e]) => zh.snippet.text.slice(s, e));
  assert.ok(marked.length > 0);
  for (const m of marked) assert.equal(m, '混合专家');
  const [en] = (await searchArchive(store, 'experts routing', ALL)).hits;
  assert.ok(en);
  assert.deepEqual([...new Set(en.snippet.marks.map(([s, e]) => en.snippet.text.slice(s, e)))].sort(), [
    'Experts',
    'Routing',
  ]);
  await store.close();
});

test('a cut snippet keeps its marks on the same characters', () => {
  const text = `${'前文'.repeat(60)}混合专家${'后文'.repeat(60)}`;
  const at = text.indexOf('混合专家');
  const snippet = cut({ text, marks: [[at, at + 4]] }, 50);
  assert.ok(snippet.text.startsWith('…') && snippet.text.endsWith('…'));
  const [mark] = snippet.marks;
  assert.ok(mark);
  assert.equal(snippet.text.slice(mark[0], mark[1]), '混合专家');
});

test('indexStories keeps the index fresh: new writeups are found, merged-away stories leave', async () => {
  const store = await archive();
  assert.equal(await needsReindex(store), false);
  await store.createStory({
    id: 'late',
    kind: 'paper',
    editionDate: '2026-11-21',
    keys: ['k4'],
    dropped: false,
  });
  assert.equal(await needsReindex(store), true, 'a story missing from the index');
  await indexStories(store, ['late']);
  assert.equal(await needsReindex(store), false);
  await store.putWriteup(writeup('other', 'zh', '扩散策略抓取', '机器人用扩散模型学习抓取。'));
  assert.deepEqual(ids(await searchArchive(store, '机器人', ALL)), []);
  await indexStories(store, ['other']);
  assert.deepEqual(ids(await searchArchive(store, '机器人', ALL)), ['other']);
  await store.absorbStory('paper', 'other');
  await indexStories(store, ['paper', 'other']);
  assert.deepEqual(
    ids(await searchArchive(store, 'grasping', ALL)),
    ['paper'],
    'the item moved with the merge',
  );
  assert.equal((await store.searchIndexStatus()).docs, 3);
  await store.deleteSearchDocs();
  assert.equal(await needsReindex(store), true);
  await store.close();
});

const CN_CHAT = fileURLToPath(new URL('../../../shared/data/cn-chat-arxiv-zh/papers/', import.meta.url));

interface CnChatPaper {
  title: string;
  abstract: string;
  link: string;
  translated_title: string;
  translated_abstract: string;
}

test('real papers: a Chinese word finds exactly the English papers whose Chinese writeup has it', {
  skip: !existsSync(CN_CHAT) && 'needs ../shared/data/cn-chat-arxiv-zh',
}, async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const files = readdirSync(CN_CHAT, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'));
  const papers = new Map<string, CnChatPaper>();
  for (const file of files) {
    const raw = JSON.parse(readFileSync(join(CN_CHAT, file), 'utf8')) as Partial<CnChatPaper>;
    const paper = {
      title: '',
      abstract: '',
      link: '',
      translated_title: '',
      translated_abstract: '',
      ...raw,
    };
    const id = file.replace(/^.*\/|\.json$/g, '');
    if (papers.has(id)) continue;
    papers.set(id, paper);
    await store.createStory({ id, kind: 'paper', editionDate: '2026-11-20', keys: [id], dropped: false });
    await store.saveItem(
      item({ externalId: id, url: paper.link, title: paper.title, summary: paper.abstract, keys: [id] }),
      id,
      id,
    );
    await store.putWriteup(writeup(id, 'zh', paper.translated_title, paper.translated_abstract));
  }
  await reindexAll(store);
  for (const word of ['咳嗽', '强化学习', '知识蒸馏']) {
    const want = [...papers]
      .filter(([, p]) => `${p.translated_title}${p.translated_abstract}`.includes(word))
      .map(([id]) => id);
    const result = await searchArchive(store, word, { limit: 1000, offset: 0 });
    assert.ok(want.length > 0, `the sample has ${word}`);
    assert.deepEqual(ids(result).sort(), want.sort(), word);
    for (const hit of result.hits) {
      const marks = hit.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e));
      assert.ok(
        marks.length > 0 && marks.every((m) => word.includes(m) || m.includes(word)),
        `${hit.storyId}: ${marks}`,
      );
    }
  }
  const cough = await searchArchive(store, 'cough detection', { limit: 5, offset: 0 });
  assert.ok(cough.hits.some((h) => /cough/i.test(h.title)));
  await store.close();
});
