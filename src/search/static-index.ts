// The static full-archive search index for a site without a server: manifest, posting shards chosen by
// token hash, doc shards by doc number, and the browser client beside them. Deterministic bytes.
// Owns the file layout (docs/publishing.md "Search"); the weights are postings.ts', the tokens tokens.ts'.

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../errors.ts';
import { type DocRow, FORMAT, type Manifest, shardOf } from './client/engine.js';
import { buildPostings, type Postings } from './postings.ts';
import { TOKENIZER } from './tokens.ts';

export interface SearchDoc {
  id: string;
  url: string;
  title: string;
  text: string;
  date: string;
  publication: string;
  section: string | null;
  lang: string;
}

export interface SearchIndexOptions {
  /**
   * Target gzipped size of one posting shard; the shard count follows from the whole index. A query
   * loads one shard per token whatever their size, so smaller shards cost only more files.
   */
  postingShardBytes?: number;
  /** Docs per doc shard: a page of results loads at most this many shards, each this many docs. */
  docShardSize?: number;
  /** Characters of each doc's text kept for snippets. */
  snippetChars?: number;
}

const DEFAULTS: Required<SearchIndexOptions> = {
  postingShardBytes: 8 * 1024,
  docShardSize: 2,
  snippetChars: 240,
};
/** The browser client: search.js is the page's entry; it imports the others. */
export const CLIENT_FILES = ['search.js', 'engine.js', 'tokens.js', 'porter.js'] as const;
const BUILD_DIR = /^i-[0-9a-f]+$/;

/** The docs in index order and their postings: the slow part (tokenizing), done once per build. */
export interface PreparedIndex {
  ordered: SearchDoc[];
  postings: Postings;
}

export function prepareSearchIndex(docs: readonly SearchDoc[]): PreparedIndex {
  const ordered = docs.map(checked).toSorted(compareDocs);
  return { ordered, postings: buildPostings(ordered) };
}

/** Files under search/ (path → content) for `docs`. Same docs, in any order → same bytes. */
export async function buildSearchIndex(
  docs: readonly SearchDoc[] | PreparedIndex,
  options: SearchIndexOptions = {},
): Promise<{ manifest: Manifest; files: Map<string, string> }> {
  const { postingShardBytes, docShardSize, snippetChars } = { ...DEFAULTS, ...options };
  const { ordered, postings } = 'ordered' in docs ? docs : prepareSearchIndex(docs);
  const { lists, avgLength } = postings;

  const entries = [...lists.keys()]
    .sort()
    .map((token) => [token, encodeList(lists.get(token) ?? [])] as const);
  const postingShards = shardCount(entries, postingShardBytes);
  const byShard: Record<string, number[]>[] = Array.from({ length: postingShards }, () => ({}));
  for (const [token, list] of entries) {
    const shard = byShard[shardOf(token, postingShards)];
    if (shard) shard[token] = list;
  }
  const docShards = Math.ceil(ordered.length / docShardSize);
  const rows = ordered.map((doc) => docRow(doc, snippetChars));
  const content = new Map<string, string>();
  for (const [n, shard] of byShard.entries()) content.set(`p/${n}.json`, JSON.stringify(shard));
  for (let n = 0; n < docShards; n++) {
    content.set(`d/${n}.json`, JSON.stringify(rows.slice(n * docShardSize, (n + 1) * docShardSize)));
  }

  const base = `i-${buildId(content)}/`;
  const manifest: Manifest = {
    format: FORMAT,
    tokenizer: TOKENIZER,
    base,
    docs: ordered.length,
    docShardSize,
    docShards,
    postingShards,
    avgLength: Math.round(avgLength * 100) / 100,
  };
  const files = new Map<string, string>([['manifest.json', JSON.stringify(manifest)]]);
  for (const [path, text] of content) files.set(base + path, text);
  for (const name of CLIENT_FILES) {
    files.set(name, await readFile(new URL(`./client/${name}`, import.meta.url), 'utf8'));
  }
  return { manifest, files };
}

/** Writes `${dir}/search/manifest.json`, the shards, and `${dir}/search/search.js` (the client). */
export async function writeSearchIndex(
  docs: SearchDoc[],
  dir: string,
  options: SearchIndexOptions = {},
): Promise<{ files: string[]; bytes: number }> {
  const { manifest, files } = await buildSearchIndex(docs, options);
  const root = join(dir, 'search');
  await removeStaleBuilds(root, manifest.base.slice(0, -1));
  let bytes = 0;
  const written: string[] = [];
  for (const [path, text] of files) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
    written.push(`search/${path}`);
  }
  return { files: written, bytes };
}

/** Earlier builds' shard folders (i-<hash>): a page still holding their manifest refetches a fresh one. */
async function removeStaleBuilds(root: string, keep: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (BUILD_DIR.test(name) && name !== keep) await rm(join(root, name), { recursive: true, force: true });
  }
}

/** Newest first, then by id: doc numbers follow this order, so equal scores rank the newer first. */
function compareDocs(a: SearchDoc, b: SearchDoc): number {
  for (const key of ['date', 'id', 'url', 'title', 'text'] as const) {
    if (a[key] !== b[key]) return key === 'date' ? (a[key] < b[key] ? 1 : -1) : a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

function checked(doc: SearchDoc, index: number): SearchDoc {
  for (const key of ['id', 'url', 'title', 'text', 'date', 'publication', 'lang'] as const) {
    if (typeof doc[key] !== 'string') {
      throw new InputError(`search doc ${doc.id ?? `#${index}`}`, `${key} must be a string`);
    }
  }
  if (doc.section !== null && typeof doc.section !== 'string') {
    throw new InputError(`search doc ${doc.id}`, 'section must be a string or null');
  }
  return doc;
}

function docRow(doc: SearchDoc, snippetChars: number): DocRow {
  const text = [...doc.text.replace(/\s+/g, ' ').trim()].slice(0, snippetChars).join('');
  return [
    doc.url,
    doc.title.replace(/\s+/g, ' ').trim(),
    doc.date,
    doc.publication,
    doc.section ?? '',
    doc.lang,
    text,
  ];
}

/** `[gap, impact, …]`: doc numbers as gaps keep the numbers (and the JSON) short. */
function encodeList(list: readonly [number, number][]): number[] {
  const out: number[] = [];
  let previous = 0;
  for (const [doc, impact] of list) {
    out.push(doc - previous, impact);
    previous = doc;
  }
  return out;
}

/** As many shards as the whole index, gzipped, holds target sizes (at least one). */
function shardCount(entries: readonly (readonly [string, number[]])[], target: number): number {
  const whole = entries.map(([token, list]) => `${JSON.stringify(token)}:[${list.join(',')}]`).join(',');
  return Math.max(1, Math.ceil(gzipSync(whole).length / target));
}

function buildId(content: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [path, text] of content) hash.update(`${path}\n${text}\n`);
  return hash.digest('hex').slice(0, 12);
}
