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

function article(id: string, day: string, summary: string, extra: Partial<RawItem> = {}): RawItem {
  return {
    externalId: id,
    kind: 'article',
    url: `https://news.example.com/${id}`,
    title: `Article ${id}`,
    summary,
    lang: 'zh',
    authors: [],
    publishedAt: `${day}T03:00:00Z`,
    ...extra,
  };
}

const TITLE = 'Sparse Lattice Routing for Long-Context Transformers';

test('commentary joins the paper it cites: by arXiv id, by DOI, by exact title, in either order', async () => {
  const store = await fresh();
  const day = '2026-11-20';
  const report = await ingest(
    store,
    [
      {
        source: 'hf-daily',
        origin: 'hf',
        items: [
          paper('2611.01234', day, { title: TITLE }),
          paper('2611.07777', day, { extra: { doi: '10.1234/Journal.5678' } }),
        ],
      },
      {
        source: 'feed',
        origin: 'media',
        items: [
          article(
            'a1',
            day,
            '机器之心报道：论文地址 https://arxiv.org/abs/2611.01234v2 ，长上下文推理显存降低 41%。',
          ),
          article('a2', day, `量子位：这篇论文《${TITLE}》提出了稀疏格点路由。`),
          article('a3', day, '与论文无关的一条融资新闻。'),
          article('a4', day, 'The published version: https://doi.org/10.1234/journal.5678.'),
        ],
      },
    ],
    { timeZone: 'UTC' },
  );
  const byId = Object.fromEntries(report.items.map((i) => [i.externalId, i.storyId]));
  const paperStory = byId[`${day}/2611.01234`];
  assert.equal(byId.a1, paperStory, 'cites the arXiv id (any version)');
  assert.equal(byId.a2, paperStory, 'cites the exact title, in Chinese text');
  assert.notEqual(byId.a3, paperStory);
  assert.equal(byId.a4, byId[`${day}/2611.07777`], 'cites the DOI');

  // The other order: the article first, the paper a day later; one story, dated the first day.
  const later = await fresh();
  await ingest(
    later,
    [{ source: 'feed', origin: 'm', items: [article('b1', day, '论文：arXiv:2611.05555')] }],
    {
      timeZone: 'UTC',
    },
  );
  const second = await ingest(
    later,
    [{ source: 'arxiv', origin: 'api', items: [paper('2611.05555', '2026-11-21')] }],
    { timeZone: 'UTC' },
  );
  const stories = await later.storiesOn(day);
  assert.equal(stories.length, 1);
  assert.equal(stories[0]?.id, second.items[0]?.storyId);
  assert.equal(stories[0]?.kind, 'paper');
  assert.deepEqual(stories[0]?.items.map((i) => i.externalId).sort(), ['2026-11-21/2611.05555', 'b1']);
});

test('a roundup citing many papers joins none of them', async () => {
  const store = await fresh();
  const day = '2026-11-20';
  const roundup = article('r', day, 'This week: arXiv:2611.00001, arXiv:2611.00002 and arXiv:2611.00003.');
  const report = await ingest(
    store,
    [{ source: 'x', origin: 'x', items: [paper('2611.00001', day), paper('2611.00002', day), roundup] }],
    { timeZone: 'UTC' },
  );
  assert.equal(new Set(report.items.map((i) => i.storyId)).size, 3);
});

test('the same event from two outlets under different headlines is one story, and the history says why', async () => {
  const store = await fresh();
  const day = '2026-11-20';
  const report = await ingest(
    store,
    [
      {
        source: 'feed',
        origin: 'outlets',
        items: [
          article(
            'jqzx',
            day,
            'OpenAI 今天正式发布 GPT-5，新模型在数学推理和代码生成上大幅领先，并向所有用户开放。',
            {
              title: '重磅！OpenAI 正式发布 GPT-5：数学推理与代码生成全面领先',
            },
          ),
          article(
            'lzw',
            day,
            'OpenAI 发布了 GPT-5，数学推理、代码生成能力全面领先此前模型，已向全部用户开放。',
            {
              title: 'GPT-5 正式发布，OpenAI 称数学推理和代码生成全面领先',
            },
          ),
          article('other', day, '谷歌宣布 Gemini 3 在多模态基准上刷新纪录。', {
            title: '谷歌发布 Gemini 3，多模态基准刷新纪录',
          }),
        ],
      },
    ],
    { timeZone: 'UTC' },
  );
  const byId = Object.fromEntries(report.items.map((i) => [i.externalId, i.storyId]));
  assert.equal(byId.lzw, byId.jqzx);
  assert.notEqual(byId.other, byId.jqzx);
  const [why] = await store.decisions({ storyId: byId.jqzx });
  assert.equal(why?.by, 'ribao');
  assert.equal(why?.detail.rule, 'near-duplicate');
});
