// Import every recorded Hugging Face day into a fresh SQLite store, three rounds, and report
// papers/second against the named baseline measured in the same run: a bare JSON.parse of the same
// bytes (Python-repr days parsed by our repair, since JSON.parse alone cannot read them).
// Run: npm run bench   (needs ../shared/data; prints a Markdown table for docs/benchmarks.md)

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline/ingest.ts';
import { readInput } from '../src/pipeline/read-input.ts';
import { openSqliteStore } from '../src/store/sqlite/store.ts';

const DAYS = new URL('../../shared/data/hf-daily-papers/daily/', import.meta.url).pathname;
if (!existsSync(DAYS)) {
  console.error(`skipped: ${DAYS} is absent`);
  process.exit(0);
}
const files = readdirSync(DAYS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(DAYS, f));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
const ROUNDS = 3;

function baseline(): number {
  let entries = 0;
  for (const f of files) {
    const value = JSON.parse(readFileSync(f, 'utf8')) as unknown;
    entries += Array.isArray(value) ? value.length : ((value as { data?: unknown[] }).data?.length ?? 0);
  }
  return entries;
}

async function parseOnly(): Promise<number> {
  let items = 0;
  for (const f of files) items += (await readInput(f, 'auto')).items.length;
  return items;
}

async function fullImport(): Promise<number> {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ribao-bench-')), 'ribao.db'));
  await store.migrate();
  const batches = await Promise.all(files.map((f) => readInput(f, 'auto')));
  const report = await ingest(store, batches, { timeZone: 'Asia/Shanghai' });
  await store.close();
  return report.imported + report.merged;
}

async function time(fn: () => number | Promise<number>): Promise<{ ms: number; n: number }> {
  const best = { ms: Number.POSITIVE_INFINITY, n: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const n = await fn();
    best.ms = Math.min(best.ms, performance.now() - start);
    best.n = n;
  }
  return best;
}

const json = await time(baseline);
const parse = await time(parseOnly);
const full = await time(fullImport);
const rate = (r: { ms: number; n: number }) => (r.n / r.ms) * 1000;
console.log(
  `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${full.n} papers; best of ${ROUNDS} rounds, Node ${process.version}\n`,
);
console.log('| step | ms | papers/s | ratio to JSON.parse |');
console.log('|---|---:|---:|---:|');
for (const [name, r] of [
  ['bare JSON.parse (baseline)', json],
  ['parse + repair + adapt', parse],
  ['full import into fresh SQLite', full],
] as const) {
  console.log(`| ${name} | ${r.ms.toFixed(0)} | ${rate(r).toFixed(0)} | ${(r.ms / json.ms).toFixed(1)}× |`);
}
