// Parse every real feed file in the corpora (rss-parser's inputs, gofeed's and feedparser's well-formed
// XML), several rounds, and report MB/s of our full parse (guards + feedsmith + adapt to RawItem) against
// the baseline measured in the same run: a bare fast-xml-parser XMLParser.parse of the same text.
// Small files measure per-document overhead (fast-xml-parser compiles feedsmith's stop-node paths on
// every parse), large ones throughput. Run: node bench/feed-parse.bench.ts (needs ../shared/data).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { decodeBody } from '../src/fetch/charset.ts';
import { adaptFeed } from '../src/sources/feed/adapt.ts';
import { parseFeed } from '../src/sources/feed/parse.ts';

const DATA = new URL('../../shared/data/', import.meta.url).pathname;
const CORPORA: [name: string, folder: string][] = [
  ['rss-parser inputs', 'rss-parser-tests/input'],
  ['gofeed XML', 'gofeed-testdata'],
  ['feedparser wellformed', 'feedparser-tests/wellformed'],
];
if (!existsSync(join(DATA, CORPORA[0]?.[1] ?? ''))) {
  console.error(`skipped: ${DATA} is absent`);
  process.exit(0);
}
const ROUNDS = 7;

interface Corpus {
  name: string;
  bytes: number;
  /** Decoded once, outside the timing: both sides parse the same strings. */
  texts: string[];
}

function walk(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(xml|rss|atom|rdf)$/.test(name) ? [path] : [];
    });
}

const corpora: Corpus[] = CORPORA.map(([name, folder]) => {
  const files = walk(join(DATA, folder));
  const bytes = files.map((file) => readFileSync(file));
  return {
    name: `${name} (${files.length} files)`,
    bytes: bytes.reduce((sum, b) => sum + b.length, 0),
    texts: bytes.map((b) => decodeBody(b, null).text),
  };
});

const bare = new XMLParser();
const withAttributes = new XMLParser({ ignoreAttributes: false });

function fastXml(parser: XMLParser, texts: string[]): number {
  let parsed = 0;
  for (const text of texts) {
    try {
      parser.parse(text);
      parsed++;
    } catch {
      // An ill-formed file costs its time all the same.
    }
  }
  return parsed;
}

function ours(texts: string[]): number {
  let items = 0;
  for (const text of texts) {
    try {
      items += adaptFeed(parseFeed(text, 'bench').wire).items.length;
    } catch {
      // Refused documents (HTML, bombs, cut-off files) count in the time.
    }
  }
  return items;
}

function best(fn: () => number): { ms: number; n: number } {
  const result = { ms: Number.POSITIVE_INFINITY, n: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    result.n = fn();
    result.ms = Math.min(result.ms, performance.now() - start);
  }
  return result;
}

function fastXmlVersion(): string {
  const manifest = new URL('../node_modules/fast-xml-parser/package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const total = corpora.reduce((sum, c) => sum + c.bytes, 0);
console.log(
  `${corpora.reduce((n, c) => n + c.texts.length, 0)} files, ${(total / 1e6).toFixed(2)} MB; best of ${ROUNDS} ` +
    `rounds, Node ${process.version}, fast-xml-parser ${fastXmlVersion()}\n`,
);
console.log(
  '| corpus | MB | fast-xml-parser, bare (MB/s) | with attributes (MB/s) | ours: parse + adapt (MB/s) | ours vs bare | ours, µs/file | items |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const corpus of corpora) {
  const baseline = best(() => fastXml(bare, corpus.texts));
  const attributes = best(() => fastXml(withAttributes, corpus.texts));
  const full = best(() => ours(corpus.texts));
  console.log(
    `| ${corpus.name} | ${(corpus.bytes / 1e6).toFixed(2)} | ${mbps(corpus.bytes, baseline.ms).toFixed(1)} | ` +
      `${mbps(corpus.bytes, attributes.ms).toFixed(1)} | ${mbps(corpus.bytes, full.ms).toFixed(1)} | ` +
      `${(baseline.ms / full.ms).toFixed(2)}× | ${((full.ms * 1000) / corpus.texts.length).toFixed(0)} | ${full.n} |`,
  );
}
