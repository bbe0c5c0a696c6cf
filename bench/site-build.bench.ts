// Site build time and size for 1 edition and for a two-year archive (~700 editions) built from real
// Hugging Face daily-papers days: the 200 recorded days, plus re-dated copies of them (their arXiv ids
// and titles marked so they stay distinct stories) on the 500 days before the first one. The baseline
// in the same run is publishing the editions' Markdown, HTML and feeds (`build` per day).
// Run: node bench/site-build.bench.ts   (needs ../shared/data; prints a Markdown table)

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema } from '../src/config/schema.ts';
import { addDays } from '../src/model/day.ts';
import type { RawItem } from '../src/model/item.ts';
import { type Batch, ingest } from '../src/pipeline/ingest.ts';
import { readInput } from '../src/pipeline/read-input.ts';
import { build } from '../src/pipeline/run.ts';
import { buildSite, type SiteReport } from '../src/site/build-site.ts';
import { openSqliteStore } from '../src/store/sqlite/store.ts';

const DAYS = new URL('../../shared/data/hf-daily-papers/daily/', import.meta.url).pathname;
if (!existsSync(DAYS)) {
  console.error(`skipped: ${DAYS} is absent`);
  process.exit(0);
}
const TARGET = Number(process.env.SITE_BENCH_EDITIONS ?? 700);
const real = readdirSync(DAYS)
  .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
  .sort();

const config = ConfigSchema.parse({
  site: { baseUrl: 'https://ribao.example/digest/' },
  sources: [],
  publications: { papers: { title: 'AI 论文日报', template: 'paper-digest', limit: 30 } },
});

/** The newest real days as read by the hf-daily importer, then copies of them re-dated onto the days
 * before the first, until `count` days. A copy's papers get an arXiv id with an unused year prefix and a
 * marked title, so they are new stories rather than the same papers listed again. */
async function fixtureBatches(count: number): Promise<Batch[]> {
  const chosen = real.slice(Math.max(0, real.length - count));
  const batches = await Promise.all(chosen.map((f) => readInput(join(DAYS, f), 'hf-daily')));
  let day = chosen[0]?.slice(0, 10) as string;
  for (let copy = 0; batches.length < count; copy++) {
    const source = batches[copy % chosen.length] as Batch;
    const round = Math.floor(copy / chosen.length) + 1;
    day = addDays(day, -1);
    batches.push({
      ...source,
      origin: `${source.origin} re-dated to ${day}`,
      items: source.items.map((i) => redated(i, day, round)),
    });
  }
  return batches;
}

function redated(item: RawItem, day: string, round: number): RawItem {
  const id = String(item.extra?.arxivId ?? item.externalId.split('/').at(-1)).replace(
    /^\d{2}/,
    String(80 + round),
  );
  return {
    ...item,
    externalId: `${day}/${id}`,
    url: `https://arxiv.org/abs/${id}`,
    title: `${item.title} [re-dated copy ${round}]`,
    listedOn: day,
    extra: { ...item.extra, arxivId: id, hfDate: day },
  };
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

interface Row {
  label: string;
  editions: number;
  stories: number;
  publishMs: number;
  siteMs: number;
  site: SiteReport;
  total: { files: number; bytes: number };
}

async function measure(label: string, count: number): Promise<Row> {
  const work = mkdtempSync(join(tmpdir(), 'ribao-site-bench-'));
  const store = openSqliteStore(join(work, 'ribao.db'));
  await store.migrate();
  await ingest(store, await fixtureBatches(count), { timeZone: config.timezone });
  const out = join(work, 'site');
  const ctx = { config, store, out };
  const dates = (await store.storyDates()).slice(0, count).reverse();
  let start = performance.now();
  for (const date of dates) await build(ctx, 'papers', date);
  const publishMs = performance.now() - start;
  start = performance.now();
  const site = await buildSite(ctx, out);
  const siteMs = performance.now() - start;
  const stories = (await store.counts()).stories;
  await store.close();
  return { label, editions: dates.length, stories, publishMs, siteMs, site, total: await sizeOf(out) };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rows = [
  await measure(`1 edition (the newest real day, ${real.at(-1)?.slice(0, 10)})`, 1),
  await measure(`${TARGET} editions (200 real days + re-dated copies)`, TARGET),
];
console.log(
  `Node ${process.version}; publication "papers" (paper-digest, limit 30), no LLM (entries show the source text)\n`,
);
console.log(
  '| archive | editions | stories | publish md+html+feeds, all days (baseline) | site build | ratio | HTML pages | site files | site size | search index | whole output |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.editions} | ${r.stories} | ${(r.publishMs / 1000).toFixed(2)} s | ${(r.siteMs / 1000).toFixed(2)} s | ${(r.siteMs / r.publishMs).toFixed(2)}× | ${r.site.pages} | ${r.site.files.length} | ${mib(r.site.bytes)} | ${r.site.search.files} files, ${mib(r.site.search.bytes)} | ${r.total.files} files, ${mib(r.total.bytes)} |`,
  );
}
