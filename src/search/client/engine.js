// The static index as the browser reads it: shard choice (shared with the writer), manifest and shard
// loading, ranking (BM25 impacts summed; AND, else OR) and snippets. No DOM: `load(path)` fetches JSON.

import { markRanges, queryTerms, shardKey } from './tokens.js';

/** The index layout this client reads; the writer puts it in manifest.json. */
export const FORMAT = 1;
const SNIPPET_CHARS = 180;
const SNIPPET_LEAD = 50;

/** FNV-1a over UTF-16 code units: the same number in Node and every browser. */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Which posting shard holds a token. */
export function shardOf(token, shardCount) {
  return fnv1a(shardKey(token)) % shardCount;
}

export function postingPath(manifest, shard) {
  return `${manifest.base}p/${shard}.json`;
}

export function docPath(manifest, shard) {
  return `${manifest.base}d/${shard}.json`;
}

/** A posting list `[gap, impact, gap, impact, …]` as doc number → impact. */
export function decodePostings(list) {
  const out = new Map();
  let doc = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    doc += list[i];
    out.set(doc, list[i + 1]);
  }
  return out;
}

/** Docs having every required token ('all'), else any of them ('any'), by summed impact, then newest. */
export function rank(required, optional) {
  if (required.length === 0) return { mode: 'none', hits: [] };
  const [smallest, ...rest] = required.toSorted((a, b) => a.size - b.size);
  let mode = 'all';
  let docs = [...(smallest ?? new Map()).keys()].filter((doc) => rest.every((list) => list.has(doc)));
  if (docs.length === 0 && required.length > 1) {
    mode = 'any';
    docs = [...new Set(required.flatMap((list) => [...list.keys()]))];
  }
  if (docs.length === 0) return { mode: 'none', hits: [] };
  const lists = [...required, ...optional];
  const hits = docs.map((doc) => ({
    doc,
    score: lists.reduce((sum, list) => sum + (list.get(doc) ?? 0), 0),
  }));
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { mode, hits };
}

/** Text as `{ text, mark }` pieces: a window around the first match, cut to `chars`, with ellipses. */
export function snippet(text, terms, chars = SNIPPET_CHARS) {
  const ranges = markRanges(text, terms);
  let start = Math.max(0, (ranges[0]?.[0] ?? 0) - SNIPPET_LEAD);
  if (text.length - start < chars) start = Math.max(0, text.length - chars);
  start = safeCut(text, start);
  const end = safeCut(text, Math.min(text.length, start + chars));
  const shifted = ranges
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]) => [Math.max(from, start) - start, Math.min(to, end) - start]);
  const pieces = highlight(text.slice(start, end), shifted);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** All of `text` as `{ text, mark }` pieces, marked where `ranges` say (see markRanges). */
export function highlight(text, ranges) {
  const out = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Never cut a surrogate pair in two. */
function safeCut(text, at) {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * A search over the static index. `load(path, fresh)` returns the parsed JSON of a file under search/;
 * `fresh` asks to bypass caches (after a shard went missing: the manifest was stale).
 */
export function createSearch(load) {
  let manifest = null;
  const files = new Map();
  const file = (path) => {
    if (!files.has(path)) files.set(path, load(path, false));
    return files.get(path);
  };

  async function readManifest(fresh) {
    const read = await load('manifest.json', fresh);
    if (read?.format !== FORMAT) throw new Error(`manifest.json: format ${read?.format}, expected ${FORMAT}`);
    return read;
  }

  async function run(query, offset, limit) {
    manifest ??= readManifest(false);
    const m = await manifest;
    const { required, optional } = queryTerms(query);
    const shardPath = (token) => postingPath(m, shardOf(token, m.postingShards));
    const paths = [...new Set([...required, ...optional].map(shardPath))];
    const shards = new Map(await Promise.all(paths.map(async (path) => [path, await file(path)])));
    const listOf = (token) => decodePostings(shards.get(shardPath(token))?.[token] ?? []);
    const { mode, hits } = rank(required.map(listOf), optional.map(listOf));
    const page = hits.slice(offset, offset + limit);
    const docShard = (hit) => docPath(m, Math.floor(hit.doc / m.docShardSize));
    const docPaths = [...new Set(page.map(docShard))];
    const docs = new Map(await Promise.all(docPaths.map(async (path) => [path, await file(path)])));
    const results = page.map((hit) => {
      const row = docs.get(docShard(hit))?.[hit.doc % m.docShardSize];
      if (!row) throw new Error(`${docShard(hit)}: no doc ${hit.doc}`);
      const [url, title, date, publication, section, lang, text] = row;
      return { url, title, date, publication, section: section || null, lang, text, score: hit.score };
    });
    return { query, mode, total: hits.length, terms: new Set([...required, ...optional]), results };
  }

  return {
    /** Results `offset` to `offset + limit` for `query`; retries once with a fresh manifest. */
    async search(query, { offset = 0, limit = 20 } = {}) {
      try {
        return await run(query, offset, limit);
      } catch (error) {
        const stale = manifest;
        manifest = readManifest(true);
        files.clear();
        if (!stale || (await stale.catch(() => null))?.base === (await manifest).base) throw error;
        return run(query, offset, limit);
      }
    },
  };
}
