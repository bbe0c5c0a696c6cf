// The static search index on a two-year archive: ~700 editions × 30 stories built from real titles and
// abstracts (hf-daily-papers, daily-arxiv-ai-enhanced-zh, zh-ai-media). Reports build time, index size
// (raw and gzip, per file as a static host serves it), shard sizes, and the bytes a browser downloads
// for typical queries against one unsharded index. Run: node bench/search-index.bench.ts (needs ../shared/data)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSearch, type Manifest } from '../src/search/client/engine.js';
import {
  buildSearchIndex,
  CLIENT_FILES,
  type PreparedIndex,
  prepareSearchIndex,
  type SearchDoc,
} from '../src/search/static-index.ts';
import { mediaAvailable, readMedia } from '../test/near-dup/corpus.ts';

const DATA = new URL('../../shared/data/', import.meta.url).pathname;
const HF_DAYS = join(DATA, 'hf-daily-papers/daily');
const ARXIV_ZH = join(DATA, 'daily-arxiv-ai-enhanced-zh/monthly');
const EDITIONS = Number(process.env.SEARCH_BENCH_EDITIONS ?? 700);
const STORIES = 30;
const SHOWN = 20;
const QUERIES: [kind: string, query: string][] = [
  ['rare English term', 'mamba'],
  ['common English term', 'language model'],
  ['model name', 'qwen2.5'],
  ['Chinese two words', '强化学习 推理'],
  ['Chinese rare word', '具身智能'],
  ['mixed', 'GPT-4o 多模态'],
];

type Story = Omit<SearchDoc, 'id' | 'url' | 'date' | 'publication'>;

function hfStories(): Story[] {
  const out: Story[] = [];
  for (const file of readdirSync(HF_DAYS)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const day = JSON.parse(readFileSync(join(HF_DAYS, file), 'utf8')) as unknown;
    // A few days are not API records (a wrapped object, Python reprs): not part of the archive.
    if (!Array.isArray(day)) continue;
    for (const entry of day as { paper?: { title?: string; summary?: string } }[]) {
      const paper = typeof entry === 'object' ? entry.paper : undefined;
      if (paper?.title && paper.summary) out.push(story(paper.title, paper.summary, 'papers', 'en'));
    }
  }
  return out;
}

function arxivZhStories(): Story[] {
  const out: Story[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(ARXIV_ZH)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(ARXIV_ZH, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const paper = JSON.parse(line) as { id: string; title: string; AI?: Record<string, string> };
      if (seen.has(paper.id) || !paper.AI) continue;
      seen.add(paper.id);
      const { tldr = paper.AI.task ?? '', motivation = '', method = '', result = '' } = paper.AI;
      out.push(story(paper.title, [tldr, motivation, method, result].join(' '), '论文', 'zh'));
    }
  }
  return out;
}

function mediaStories(): Story[] {
  return readMedia().map((row) => story(row.title, row.summary, row.outlet, 'zh'));
}

function story(title: string, text: string, section: string, lang: string): Story {
  return { title: title.replace(/\s+/g, ' ').trim(), text: text.replace(/\s+/g, ' ').trim(), section, lang };
}

/** EDITIONS daily editions of STORIES stories, a third from each pool in turn, wrapping when one runs out. */
function archive(pools: Story[][]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const next = pools.map(() => 0);
  const start = Date.UTC(2024, 0, 1);
  for (let e = 0; e < EDITIONS; e++) {
    const date = new Date(start + e * 86_400_000).toISOString().slice(0, 10);
    for (let s = 0; s < STORIES; s++) {
      const p = s % pools.length;
      const pool = pools[p] ?? [];
      const taken = next[p] ?? 0;
      next[p] = taken + 1;
      const picked = pool[taken % pool.length];
      if (!picked) continue;
      const id = `${date}-${String(s + 1).padStart(2, '0')}`;
      docs.push({ ...picked, id, url: `${date}/index.html#s${s + 1}`, date, publication: 'ribao' });
    }
  }
  return docs;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string) => gzipSync(text).length;

function sizes(files: Map<string, string>, pattern: RegExp): number[] {
  return [...files].filter(([path]) => pattern.test(path)).map(([, text]) => gz(text));
}

function spread(values: number[]): string {
  const sorted = values.toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `min ${kb(at(0))}, median ${kb(at(0.5))}, p90 ${kb(at(0.9))}, max ${kb(at(1))}`;
}

/** Bytes (gzip) one query downloads: the shards it reads; `cold` adds the client and the manifest. */
async function queryCost(files: Map<string, string>, query: string) {
  const loaded: string[] = [];
  const search = createSearch(async (path) => {
    loaded.push(path);
    return JSON.parse(files.get(path) ?? 'null');
  });
  const found = await search.search(query, { limit: SHOWN });
  const bytes = (paths: string[]) => paths.reduce((sum, path) => sum + gz(files.get(path) ?? ''), 0);
  const postings = loaded.filter((path) => path.includes('/p/'));
  const docs = loaded.filter((path) => path.includes('/d/'));
  const client = bytes(['manifest.json', ...CLIENT_FILES]);
  return {
    found,
    postings,
    docs,
    warm: bytes(postings) + bytes(docs),
    cold: client + bytes(postings) + bytes(docs),
  };
}

/** The baseline: every posting list and every doc in one JSON file each, as an unsharded index would be. */
function unsharded(files: Map<string, string>): number {
  const postings: Record<string, unknown> = {};
  const docs: unknown[] = [];
  for (const [path, text] of files) {
    if (path.includes('/p/')) Object.assign(postings, JSON.parse(text));
    if (path.includes('/d/')) docs[Number(/(\d+)\.json$/.exec(path)?.[1])] = JSON.parse(text);
  }
  return gz(JSON.stringify(postings)) + gz(JSON.stringify(docs.flat()));
}

async function main(): Promise<void> {
  if (!existsSync(HF_DAYS) || !existsSync(ARXIV_ZH) || !mediaAvailable()) {
    console.log(
      'search-index bench skipped: needs ../shared/data (hf-daily-papers, daily-arxiv-ai-enhanced-zh, zh-ai-media)',
    );
    return;
  }
  const pools = [hfStories(), arxivZhStories(), mediaStories()];
  const docs = archive(pools);
  const unique = new Set(docs.map((doc) => doc.title)).size;
  const textBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.title + doc.text), 0);
  console.log(`# Static search index: ${EDITIONS} editions × ${STORIES} stories = ${docs.length} docs`);
  console.log(
    `pools: ${pools.map((pool) => pool.length).join(' / ')} (hf en / arxiv zh / media zh); ${unique} distinct titles; text ${kb(textBytes)}\n`,
  );

  const started = performance.now();
  const prepared = prepareSearchIndex(docs);
  const prepareSeconds = (performance.now() - started) / 1000;
  const laidOut = performance.now();
  const { manifest, files } = await buildSearchIndex(prepared);
  const seconds = { prepare: prepareSeconds, layout: (performance.now() - laidOut) / 1000 };
  const raw = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const gzipped = [...files.values()].reduce((sum, text) => sum + gz(text), 0);
  const baseline = unsharded(files);
  report(manifest, files, { seconds, raw, gzipped, baseline });

  console.log(
    `\n| query | kind | mode | hits | posting shards | doc shards | first query (cold) | next query (warm) | vs unsharded |`,
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [kind, query] of QUERIES) {
    const cost = await queryCost(files, query);
    const share = ((100 * cost.cold) / baseline).toFixed(1);
    console.log(
      `| ${query} | ${kind} | ${cost.found.mode} | ${cost.found.total} | ${cost.postings.length} | ${cost.docs.length} | ${kb(cost.cold)} | ${kb(cost.warm)} | ${share}% |`,
    );
  }
  await sweep(prepared);
}

function report(
  manifest: Manifest,
  files: Map<string, string>,
  totals: { seconds: { prepare: number; layout: number }; raw: number; gzipped: number; baseline: number },
): void {
  const postings = sizes(files, /\/p\//);
  const docShards = sizes(files, /\/d\//);
  const client = sizes(files, /^[a-z]+\.js$/).reduce((a, b) => a + b, 0);
  console.log('| measure | value |');
  console.log('|---|---|');
  const { prepare, layout } = totals.seconds;
  console.log(
    `| build time: tokenize + BM25 / shards + JSON | ${prepare.toFixed(1)} s / ${layout.toFixed(1)} s |`,
  );
  console.log(
    `| files | ${files.size} (${manifest.postingShards} posting shards, ${manifest.docShards} doc shards of ${manifest.docShardSize}) |`,
  );
  console.log(`| total size raw / gzip | ${kb(totals.raw)} / ${kb(totals.gzipped)} |`);
  console.log(
    `| posting shards (gzip) | ${spread(postings)}; all ${kb(postings.reduce((a, b) => a + b, 0))} |`,
  );
  console.log(
    `| doc shards (gzip) | ${spread(docShards)}; all ${kb(docShards.reduce((a, b) => a + b, 0))} |`,
  );
  console.log(
    `| manifest / client JS (gzip) | ${kb(gz(files.get('manifest.json') ?? ''))} / ${kb(client)} |`,
  );
  console.log(`| baseline: one unsharded index (gzip) | ${kb(totals.baseline)} |`);
}

/** Shard sizes trade files for bytes: what each setting costs the typical queries (gzip, cold cache aside). */
async function sweep(prepared: PreparedIndex): Promise<void> {
  if (process.env.SEARCH_BENCH_SWEEP === '0') return;
  const settings = [
    ...[4, 8, 16, 32].map((kb) => ({ postingShardBytes: kb * 1024, docShardSize: 2 })),
    ...[1, 4, 8].map((docShardSize) => ({ postingShardBytes: 8 * 1024, docShardSize })),
  ];
  const header = QUERIES.slice(0, 5).map(([, query]) => query);
  console.log(`\n| posting shard target | docs per doc shard | files | ${header.join(' | ')} |`);
  console.log(`|---:|---:|---:|${header.map(() => '---:|').join('')}`);
  for (const options of settings) {
    const { files } = await buildSearchIndex(prepared, options);
    const costs: string[] = [];
    for (const query of header) {
      const cost = await queryCost(files, query);
      const docs = cost.docs.reduce((sum, path) => sum + gz(files.get(path) ?? ''), 0);
      costs.push(`${kb(cost.warm - docs)} + ${kb(docs)}`);
    }
    console.log(
      `| ${kb(options.postingShardBytes)} | ${options.docShardSize} | ${files.size} | ${costs.join(' | ')} |`,
    );
  }
  console.log('(each cell: posting bytes + doc bytes for the first 20 results)');
}

await main();
