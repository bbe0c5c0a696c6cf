// `ribao search` end to end: a store written in-process (an English paper with a Chinese writeup, a
// Chinese story), then the real CLI finds both ways, brackets the matches, and checks its flags.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite/store.ts';
import { item } from '../src/store/store.contract.ts';
import { ROOT, ribao, tempDir } from './helpers.ts';

async function archive(dir: string): Promise<string> {
  const db = join(dir, 'ribao.db');
  const store = openSqliteStore(db);
  await store.migrate();
  await store.createStory({
    id: 'paper',
    kind: 'paper',
    editionDate: '2026-11-18',
    keys: ['k1'],
    dropped: false,
  });
  await store.saveItem(
    item({ title: 'Sparse Lattice Routing for Mixture-of-Experts', summary: 'Routing tokens \x1b[31mred.' }),
    'paper',
    'h1',
  );
  await store.putWriteup({
    storyId: 'paper',
    lang: 'zh',
    title: '稀疏格路由：更便宜的混合专家模型',
    body: '研究人员提出稀疏格路由，让混合专家模型的推理成本降低四成。',
    status: 'drafted',
    task: 'paper-translation',
    model: null,
    promptVersion: null,
    editedBy: null,
    updatedAt: 'now',
    tokens: null,
    cost: null,
    gate: [],
  });
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
      title: '智谱开源混合专家模型 GLM-5',
      summary: '一个混合专家（Mixture-of-Experts）模型。',
      lang: 'zh',
      keys: ['k2'],
    }),
    'news',
    'h2',
  );
  await store.close();
  return db;
}

test('ribao search: builds the index on first use, finds both stories, brackets matches', async () => {
  const dir = tempDir();
  const db = await archive(dir);
  const zh = await ribao(['--db', db, 'search', '混合专家'], { cwd: dir });
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stdout, /^2 stories for “混合专家”/);
  assert.match(zh.stdout, /paper {2}Sparse Lattice Routing for Mixture-of-Experts {2}稀疏格路由/);
  assert.match(zh.stdout, /\[混合专家\]/);
  const en = await ribao(['--db', db, 'search', 'experts', '--json'], { cwd: dir });
  assert.equal(en.code, 0, en.stderr);
  const answer = JSON.parse(en.stdout) as { total: number; hits: { storyId: string }[] };
  assert.deepEqual(answer.hits.map((h) => h.storyId).sort(), ['news', 'paper']);
  const routing = await ribao(['--db', db, 'search', 'routing', '--to', '2026-11-18'], { cwd: dir });
  assert.match(routing.stdout, /\[Routing\]/);
  assert.ok(!routing.stdout.includes('\x1b'), 'no escape sequence from stored text reaches the terminal');
});

test('ribao search: --reindex alone rebuilds; bad flags exit 2', async () => {
  const dir = tempDir();
  const db = await archive(dir);
  const rebuilt = await ribao(['--db', db, 'search', '--reindex'], { cwd: dir });
  assert.equal(rebuilt.code, 0, rebuilt.stderr);
  assert.match(rebuilt.stdout, /indexed 2 stories/);
  assert.equal((await ribao(['--db', db, 'search'], { cwd: dir })).code, 2);
  const badDay = await ribao(['--db', db, 'search', 'x', '--from', '18.11.2026'], { cwd: dir });
  assert.equal(badDay.code, 2);
  assert.match(badDay.stderr, /--from 18\.11\.2026/);
  assert.equal((await ribao(['--db', db, 'search', 'x', '-p', 'nope'], { cwd: dir })).code, 2);
});

test('stories are indexed as they are imported, without a reindex', async () => {
  const cwd = tempDir();
  const rss = join(ROOT, 'samples', 'sources', 'ai-news.rss.xml');
  assert.equal((await ribao(['import', rss], { cwd })).code, 0);
  const store = openSqliteStore(join(cwd, 'data', 'ribao.db'));
  await store.migrate();
  const { docs } = await store.searchIndexStatus();
  assert.equal(docs, (await store.counts()).stories);
  await store.close();
});
