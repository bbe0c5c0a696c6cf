// Extraction time per page on Mozilla's Readability corpus (130 real pages), against the named baseline
// measured in the same run: @mozilla/readability on jsdom (parse + Readability only). Ours is the full
// extract(): linkedom + quirks + Readability + turndown Markdown + text. Each round runs each pipeline
// in a fresh process (warmed up on a few pages); each page's time is its median over the rounds.
// Run: node bench/extract.bench.ts   (needs ../shared/data; prints a Markdown table for docs/benchmarks.md)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseDocument } from '../src/sources/web/dom.ts';
import { extract } from '../src/sources/web/extract.ts';

const PAGES = new URL('../../shared/data/readability-test-pages/', import.meta.url);
if (!existsSync(PAGES)) {
  console.error(`skipped: ${PAGES.pathname} is absent`);
  process.exit(0);
}
const URL_ = 'http://fakehost/test/page.html';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// jsdom reports every stylesheet it cannot parse; the baseline's noise is not the benchmark's output.
const quiet = new VirtualConsole();
const pages = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    name: entry.name,
    html: readFileSync(new URL(`${entry.name}/source.html`, PAGES), 'utf8'),
  }));
const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0);

type Pipeline = { name: string; run: (html: string) => unknown };
const pipelines: Pipeline[] = [
  {
    name: '@mozilla/readability on jsdom — parse + Readability (baseline)',
    run(html) {
      const dom = new JSDOM(html, { url: URL_, virtualConsole: quiet });
      try {
        return new Readability(dom.window.document).parse();
      } finally {
        dom.window.close();
      }
    },
  },
  {
    name: 'linkedom + Readability (the same work, our parser)',
    run: (html) =>
      new Readability(parseDocument(html) as unknown as ConstructorParameters<typeof Readability>[0]).parse(),
  },
  {
    name: 'ribao extract(): linkedom + quirks + Readability + Markdown + text',
    run: (html) => extract(html, URL_),
  },
];

const WARM_UP_PAGES = 10;

/** One pipeline over every page in this process, after warming up on the first pages: ms per page. */
function measure(pipeline: Pipeline): number[] {
  for (const page of pages.slice(0, WARM_UP_PAGES)) pipeline.run(page.html);
  return pages.map((page) => {
    const started = performance.now();
    pipeline.run(page.html);
    return performance.now() - started;
  });
}

// jsdom keeps memory after window.close() (jsdom/jsdom#1682), so every (pipeline, round) runs in a
// fresh child process: the same conditions for each, and no run ends out of heap.
if (process.argv[2] === '--measure') {
  process.stdout.write(JSON.stringify(measure(pipelines[Number(process.argv[3])] as Pipeline)));
  process.exit(0);
}

/** times[pipeline][page] = milliseconds of each round */
const times = pipelines.map(() => pages.map((): number[] => []));
for (let round = 0; round < ROUNDS; round++) {
  for (const k of pipelines.keys()) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', String(k)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`measuring ${pipelines[k]?.name} failed: ${child.stderr}`);
    for (const [p, ms] of (JSON.parse(child.stdout) as number[]).entries()) times[k]?.[p]?.push(ms);
  }
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const rows = times.map((perPage) => {
  const pageMs = perPage.map(median);
  return { median: median(pageMs), p95: quantile(pageMs, 0.95), total: pageMs.reduce((a, b) => a + b, 0) };
});
const baseline = rows[0] as (typeof rows)[number];
console.log(
  `${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB; per-page median of ${ROUNDS} rounds, each pipeline and round in a fresh process; Node ${process.version}\n`,
);
console.log('| pipeline | median ms/page | p95 ms/page | total ms | median vs baseline |');
console.log('|---|---:|---:|---:|---:|');
for (const [k, pipeline] of pipelines.entries()) {
  const row = rows[k] as (typeof rows)[number];
  console.log(
    `| ${pipeline.name} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.total.toFixed(0)} | ${(row.median / baseline.median).toFixed(2)}× |`,
  );
}
