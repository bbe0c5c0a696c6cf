import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSearch, type Manifest, postingPath, shardOf } from './client/engine.js';
import { buildSearchIndex, type SearchDoc, writeSearchIndex } from './static-index.ts';
import { queryTerms, tokens } from './tokens.ts';

const DOCS = JSON.parse(
  await readFile(new URL('testdata/docs.json', import.meta.url), 'utf8'),
) as SearchDoc[];

/** The client over built files, as the browser would load them, recording every path it reads. */
async function clientOver(docs: SearchDoc[], options = {}) {
  const { manifest, files } = await buildSearchIndex(docs, {
    postingShardBytes: 512,
    docShardSize: 4,
    ...options,
  });
  const loaded: string[] = [];
  const search = createSearch(async (path) => {
    loaded.push(path);
    const text = files.get(path);
    if (text === undefined) throw new Error(`${path}: 404`);
    return JSON.parse(text);
  });
  return { manifest, files, loaded, search };
}

const postingShardsFor = (manifest: Manifest, query: string) => {
  const { required, optional } = queryTerms(query);
  return new Set(
    [...required, ...optional].map((token) => postingPath(manifest, shardOf(token, manifest.postingShards))),
  );
};

test('a Chinese query finds the documents holding every bigram, and loads only its shards', async () => {
  const { manifest, loaded, search } = await clientOver(DOCS);
  assert.ok(manifest.postingShards > 4, `${manifest.postingShards} shards: too few to test sharding`);
  const found = await search.search('强化学习');
  assert.equal(found.mode, 'all');
  const ids = found.results.map((r) => DOCS.find((doc) => doc.url === r.url)?.id);
  assert.deepEqual(ids.toSorted(), ['zh-00', 'zh-14']);
  const expected = postingShardsFor(manifest, '强化学习');
  const postingsLoaded = loaded.filter((path) => path.includes('/p/'));
  assert.deepEqual(new Set(postingsLoaded), expected);
  assert.equal(postingsLoaded.length, expected.size, 'each shard once');
  assert.ok(loaded.filter((path) => path.includes('/d/')).length <= found.results.length);
});

test('an English query matches stems, ranks title matches first', async () => {
  const { search } = await clientOver(DOCS);
  const found = await search.search('Diffusion');
  assert.equal(found.mode, 'all');
  const titles = found.results.map((r) => r.title);
  assert.deepEqual(titles.toSorted(), [
    'Diffusion transformers generate video at 4K resolution',
    'Protein structure prediction with diffusion models',
  ]);
  const benchmark = await search.search('benchmarks');
  const first = benchmark.results[0];
  assert.ok(first && /benchmark/i.test(first.title), `top result ${first?.title}`);
  const inBody = benchmark.results.findIndex((r) => !/benchmark/i.test(r.title));
  const lastInTitle = benchmark.results.findLastIndex((r) => /benchmark/i.test(r.title));
  assert.ok(inBody === -1 || inBody > lastInTitle, 'title matches above body-only matches');
});

test('AND first, OR when no document has every word, nothing when no word matches', async () => {
  const { search } = await clientOver(DOCS);
  const both = await search.search('speculative decoding');
  assert.equal(both.mode, 'all');
  assert.equal(both.results.length, 1);
  const any = await search.search('diffusion zebra');
  assert.equal(any.mode, 'any');
  assert.equal(any.results.length, 2);
  const none = await search.search('zebra 斑马');
  assert.equal(none.mode, 'none');
  assert.deepEqual(none.results, []);
  const mixed = await search.search('GPT-4o 多模态推理');
  assert.equal(mixed.mode, 'all');
  assert.deepEqual(
    mixed.results.map((r) => r.title),
    ['用GPT-4o做多模态推理的经验'],
  );
});

test('results carry what the page shows; pages of results load only their doc shards', async () => {
  const { manifest, loaded, search } = await clientOver(DOCS);
  const page = await search.search('模型', { limit: 3 });
  assert.equal(page.results.length, 3);
  assert.ok(page.total > 10);
  const [first] = page.results;
  assert.ok(
    first && first.lang === 'zh' && first.publication === '日报' && /^\d{4}-\d\d-\d\d$/.test(first.date),
  );
  const docShards = loaded.filter((path) => path.includes('/d/'));
  assert.ok(docShards.length <= 3 && docShards.length < manifest.docShards);
  const next = await search.search('模型', { offset: 3, limit: 3 });
  assert.notDeepEqual(
    next.results.map((r) => r.url),
    page.results.map((r) => r.url),
  );
  assert.ok(next.results.every((r) => r.score <= (page.results.at(-1)?.score ?? 0)));
});

test('every indexed token is reachable: its posting shard is the one the client computes', async () => {
  const { manifest, files } = await clientOver(DOCS);
  for (const doc of DOCS) {
    for (const token of tokens(`${doc.title} ${doc.text}`)) {
      const shard = JSON.parse(
        files.get(postingPath(manifest, shardOf(token, manifest.postingShards))) ?? '{}',
      );
      assert.ok(Array.isArray(shard[token]), `${token} of ${doc.id}`);
    }
  }
});

test('same docs in any order give the same bytes', async () => {
  const a = await buildSearchIndex(DOCS);
  const b = await buildSearchIndex(DOCS.toReversed());
  assert.deepEqual([...a.files.entries()], [...b.files.entries()]);
  const changed = await buildSearchIndex(DOCS.slice(1));
  assert.notEqual(changed.manifest.base, a.manifest.base);
});

test('a stale manifest (its shards gone) is refetched fresh once', async () => {
  const old = await buildSearchIndex(DOCS.slice(1));
  const current = await buildSearchIndex(DOCS);
  const fresh: boolean[] = [];
  const search = createSearch(async (path, isFresh) => {
    fresh.push(isFresh);
    const files = path === 'manifest.json' && !isFresh ? old.files : current.files;
    const text = files.get(path);
    if (text === undefined) throw new Error(`${path}: 404`);
    return JSON.parse(text);
  });
  const found = await search.search('diffusion');
  assert.equal(found.results.length, 2);
  assert.ok(fresh.includes(true));
});

test('writeSearchIndex writes the manifest, shards and client, and drops earlier builds', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ribao-search-'));
  try {
    const first = await writeSearchIndex(DOCS.slice(1), dir);
    const second = await writeSearchIndex(DOCS, dir);
    for (const name of ['search/manifest.json', 'search/search.js', 'search/engine.js', 'search/tokens.js']) {
      assert.ok(second.files.includes(name), name);
    }
    const builds = (await readdir(join(dir, 'search'))).filter((name) => name.startsWith('i-'));
    assert.equal(builds.length, 1, 'the first build is gone');
    assert.ok(first.files.some((path) => !second.files.includes(path)));
    let bytes = 0;
    for (const path of second.files) bytes += (await readFile(join(dir, path))).length;
    assert.equal(second.bytes, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a doc with a missing field is refused, naming the doc and the field', async () => {
  const broken = { ...DOCS[0], title: undefined } as unknown as SearchDoc;
  await assert.rejects(buildSearchIndex([broken]), /search doc en-00: title must be a string/);
});
