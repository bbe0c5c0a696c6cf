// On real data: the same arXiv id never yields two stories — across days, versions, Hugging Face vs
// the arXiv crawl, and within the crawl's day that lists every id twice — and no story holds two ids.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RawItem } from '../src/model/item.ts';
import { type Batch, ingest } from '../src/pipeline/ingest.ts';
import { readInput } from '../src/pipeline/read-input.ts';
import { openSqliteStore } from '../src/store/sqlite/store.ts';
import { parseArxivId } from '../src/stories/arxiv-id.ts';
import { SHARED } from './helpers.ts';

const CRAWL = join(SHARED, 'daily-arxiv-ai-enhanced-zh', 'monthly');
const HF = join(SHARED, 'hf-daily-papers', 'daily');

/** One crawl row as the paper it lists (the crawl has no source of its own in ribao: test-only). */
function crawlItem(row: Record<string, unknown>, day: string, line: number): RawItem {
  return {
    externalId: `${day}:${line}`,
    kind: 'paper',
    url: String(row.abs),
    title: String(row.title),
    summary: String(row.summary),
    lang: 'en',
    authors: (row.authors as string[]) ?? [],
    publishedAt: null,
    listedOn: day,
    extra: { arxivId: String(row.id) },
  };
}

test('one story per arXiv id across the crawl and Hugging Face days', {
  skip: !(existsSync(CRAWL) && existsSync(HF)) && 'needs ../shared/data (daily-arxiv, hf-daily)',
}, async (t) => {
  const batches: Batch[] = [];
  const ids = new Set<string>();
  let twice = 0;
  for (const file of readdirSync(CRAWL).filter((f) => f.endsWith('.jsonl'))) {
    const day = file.slice(0, 10);
    const rows = readFileSync(join(CRAWL, file), 'utf8').split('\n').filter(Boolean);
    const seen = new Set<string>();
    const items = rows.map((line, i) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      if (seen.has(String(row.id))) twice++;
      seen.add(String(row.id));
      return crawlItem(row, day, i);
    });
    batches.push({ source: 'daily-arxiv', origin: file, items });
  }
  // The Hugging Face days of the same months: the same papers, another source, other days.
  const months = new Set(batches.map((b) => b.origin.slice(0, 7)));
  for (const file of readdirSync(HF).filter((f) => months.has(f.slice(0, 7)))) {
    batches.push(await readInput(join(HF, file), 'auto'));
  }
  // Versions: the crawl's first day again, every paper as its v2 abs URL.
  const first = batches[0];
  if (first) {
    const v2 = first.items.map((i) => ({ ...i, externalId: `v2:${i.externalId}`, url: `${i.url}v2` }));
    batches.push({ source: 'daily-arxiv', origin: 'v2', items: v2 });
  }
  for (const b of batches)
    for (const i of b.items) ids.add(parseArxivId(String(i.extra?.arxivId ?? i.url))?.id ?? i.url);
  const store = openSqliteStore(':memory:');
  await store.migrate();
  const report = await ingest(store, batches, { timeZone: 'Asia/Shanghai' });
  assert.equal(report.errors.length, 0, JSON.stringify(report.errors.slice(0, 3)));
  const stories = [];
  for (const day of await store.storyDates()) stories.push(...(await store.storiesOn(day)));
  const arxivKeys = stories.map((s) => s.keys.filter((k) => k.startsWith('arxiv:')));
  t.diagnostic(
    `${report.items.length} items (${twice} listed twice within a crawl day) → ${stories.length} stories for ${ids.size} ids`,
  );
  assert.ok(twice > 0, 'the crawl day that lists ids twice is in the data');
  assert.ok(
    arxivKeys.every((k) => k.length === 1),
    'no story holds two arXiv ids',
  );
  assert.equal(new Set(arxivKeys.flat()).size, stories.length, 'no arXiv id is in two stories');
  assert.equal(stories.length, ids.size);
  await store.close();
});
