// Editor decisions against a real SQLite store: each is kept, appears in the history, and later
// runs (re-ingesting the same and new items) respect it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawItem } from '../model/item.ts';
import { ingest } from '../pipeline/ingest.ts';
import { editionOrder } from '../pipeline/order.ts';
import { rank } from '../pipeline/rank.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { drop, merge, move, pin, reorder, split } from './decisions.ts';

const DAY = '2026-11-20';

function raw(
  id: string,
  kind: RawItem['kind'],
  url: string,
  summary = '',
  extra: Partial<RawItem> = {},
): RawItem {
  return {
    externalId: id,
    kind,
    url,
    title: `Title ${id}`,
    summary,
    lang: 'en',
    authors: [],
    publishedAt: `${DAY}T01:00:00Z`,
    listedOn: DAY,
    ...extra,
  };
}

async function storeWith(items: RawItem[]) {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await ingest(store, [{ source: 'test', origin: 'test', items }], { timeZone: 'UTC' });
  return store;
}

test('a split stays split: re-ingesting, updating, and a new item citing both never rejoin them', async () => {
  const paper = raw('p', 'paper', 'https://arxiv.org/abs/2611.01234');
  const blog = raw('b', 'article', 'https://blog.example/post', 'About arXiv:2611.01234.');
  const store = await storeWith([paper, blog]);
  const [joined] = await store.storiesOn(DAY);
  assert.equal(joined?.items.length, 2, 'content linking joined the blog post to the paper');
  const blogItem = joined?.items.find((i) => i.externalId === 'b');
  const other = await split(store, joined?.id as string, [blogItem?.id as number], 'ed');

  const again = [paper, { ...blog, summary: 'About arXiv:2611.01234, updated.' }];
  await ingest(store, [{ source: 'test', origin: 'again', items: again }], { timeZone: 'UTC' });
  const third = raw('c', 'article', 'https://blog.example/post?utm_source=x', 'arXiv:2611.01234');
  await ingest(store, [{ source: 'test', origin: 'third', items: [third] }], { timeZone: 'UTC' });
  const stories = await store.storiesOn(DAY);
  const blogStory = stories.find((s) => s.id === other);
  assert.deepEqual(blogStory?.items.map((i) => i.externalId).sort(), ['b', 'c']);
  assert.deepEqual(
    stories.find((s) => s.id === joined?.id)?.items.map((i) => i.externalId),
    ['p'],
  );
  assert.deepEqual(
    (await store.decisions({ storyId: joined?.id })).map((d) => [d.action, d.by, d.detail.into]),
    [['split', 'ed', other]],
  );

  await merge(store, joined?.id as string, other, 'chief');
  assert.equal((await store.storiesOn(DAY)).length, 1, 'an editor may merge them back');
  await store.close();
});

test('pin, order, move and drop are kept and followed', async () => {
  const store = await storeWith([
    raw('1', 'article', 'https://a.example/1'),
    raw('2', 'article', 'https://a.example/2'),
    raw('3', 'article', 'https://a.example/3'),
  ]);
  const ids = (await store.storiesOn(DAY)).map((s) => s.id);
  const [a, b, c] = ids as [string, string, string];
  await reorder(store, 'daily', [c, b], 'ed');
  await pin(store, a, 'daily', true, 'ed');
  const ordered = editionOrder('daily', rank(await store.storiesOn(DAY))).map((s) => s.id);
  assert.deepEqual(ordered, [a, c, b]);
  assert.deepEqual(
    editionOrder('papers', rank(await store.storiesOn(DAY)))
      .map((s) => s.id)
      .sort(),
    ids.sort(),
  );

  await move(store, b, 'daily', '产业', 'ed');
  assert.deepEqual(
    (await store.story(b))?.placements.map((p) => [p.section, p.by]),
    [['产业', 'ed']],
  );

  await drop(store, c, true, 'ed');
  await ingest(
    store,
    [{ source: 'test', origin: 'again', items: [raw('3', 'article', 'https://a.example/3', 'new')] }],
    {
      timeZone: 'UTC',
    },
  );
  assert.equal((await store.story(c))?.dropped, true, 'a dropped story stays dropped');
  const history = await store.decisions({ publication: 'daily' });
  assert.deepEqual(
    history.map((d) => d.action),
    ['move', 'pin', 'order'],
  );
  await assert.rejects(split(store, a, [999], 'ed'), /does not hold items 999/);
  await store.close();
});
