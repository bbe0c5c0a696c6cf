// merge: one story per real thing, idempotent re-runs, tombstones respected.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawItem } from '../model/item.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { ingest } from './ingest.ts';

function paper(id: string, day: string, extra: Partial<RawItem> = {}): RawItem {
  return {
    externalId: `${day}/${id}`,
    kind: 'paper',
    url: `https://arxiv.org/abs/${id}`,
    title: `Paper ${id}`,
    summary: 'Abstract.',
    lang: 'en',
    authors: [],
    publishedAt: `${day}T01:00:00Z`,
    listedOn: day,
    ...extra,
  };
}

async function fresh() {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  return store;
}

test('a paper listed on several days and by several sources is one story, dated its first day', async () => {
  const store = await fresh();
  const report = await ingest(
    store,
    [
      {
        source: 'hf-daily',
        origin: 'a',
        items: [paper('2611.01234', '2026-11-21'), paper('2611.09999', '2026-11-21')],
      },
      { source: 'hf-daily', origin: 'b', items: [paper('2611.01234', '2026-11-20')] },
      {
        source: 'arxiv',
        origin: 'c',
        items: [
          paper('2611.01234v2', '2026-11-20', {
            externalId: '2611.01234',
            url: 'https://arxiv.org/abs/2611.01234v2',
          }),
        ],
      },
    ],
    { timeZone: 'Asia/Shanghai' },
  );
  assert.deepEqual([report.imported, report.merged, report.skipped], [2, 2, 0]);
  const counts = await store.counts();
  assert.deepEqual([counts.items, counts.stories], [4, 2]);
  const [story] = await store.storiesOn('2026-11-20');
  assert.equal(story?.items.length, 3);
  assert.ok(story?.keys.includes('arxiv:2611.01234'));
});

test('re-ingesting the same input changes nothing', async () => {
  const store = await fresh();
  const batch = [
    {
      source: 'hf-daily',
      origin: 'a',
      items: [paper('2611.00001', '2026-11-20'), paper('2611.00002', '2026-11-20')],
    },
  ];
  await ingest(store, batch, { timeZone: 'UTC' });
  const before = await store.counts();
  const again = await ingest(store, batch, { timeZone: 'UTC' });
  assert.deepEqual([again.imported, again.merged, again.updated, again.skipped], [0, 0, 0, 2]);
  assert.deepEqual(await store.counts(), before);
});

test('an item whose keys reach two stories joins them into one', async () => {
  const store = await fresh();
  const article = (id: string, url: string, extra: Record<string, unknown> = {}): RawItem => ({
    externalId: id,
    kind: 'article',
    url,
    title: id,
    summary: '',
    lang: 'en',
    authors: [],
    publishedAt: '2026-11-20T01:00:00Z',
    extra,
  });
  await ingest(
    store,
    [
      {
        source: 'feed',
        origin: 'x',
        items: [
          article('a', 'https://example.com/a'),
          article('b', 'https://example.com/b', { doi: '10.1000/xyz' }),
        ],
      },
    ],
    { timeZone: 'UTC' },
  );
  assert.equal((await store.counts()).stories, 2);
  await ingest(
    store,
    [
      {
        source: 'other',
        origin: 'y',
        items: [article('c', 'https://www.example.com/a?utm_source=x', { doi: '10.1000/XYZ' })],
      },
    ],
    { timeZone: 'UTC' },
  );
  assert.equal((await store.counts()).stories, 1);
});

test('a dropped story stays dropped when its paper is listed again', async () => {
  const store = await fresh();
  await ingest(store, [{ source: 'hf-daily', origin: 'a', items: [paper('2611.00003', '2026-11-20')] }], {
    timeZone: 'UTC',
  });
  const [id] = await store.storyIdsForKeys(['arxiv:2611.00003']);
  await store.setDropped(id as string, true);
  await ingest(store, [{ source: 'hf-daily', origin: 'b', items: [paper('2611.00003', '2026-11-21')] }], {
    timeZone: 'UTC',
  });
  assert.equal((await store.getStory(id as string))?.dropped, true);
});

test('a dry run reports and stores nothing; a bad entry is reported, the rest stored', async () => {
  const store = await fresh();
  const dry = await ingest(
    store,
    [{ source: 'hf-daily', origin: 'a', items: [paper('2611.00004', '2026-11-20')] }],
    { timeZone: 'UTC', dryRun: true },
  );
  assert.equal(dry.imported, 1);
  assert.equal((await store.counts()).items, 0);
  const hostile = paper('2611.00005', '2026-11-20', { url: 'javascript:alert(1)', externalId: 'evil' });
  const report = await ingest(
    store,
    [{ source: 'feed', origin: 'f.xml', items: [hostile, paper('2611.00006', '2026-11-20')] }],
    { timeZone: 'UTC' },
  );
  assert.equal(report.imported, 1);
  assert.match(report.errors[0]?.error ?? '', /f\.xml: entry evil: link is not an http\(s\) URL/);
});
