// BM25 impacts for the static index: each (token, doc) pair gets its BM25 score, precomputed and
// quantized, so the browser only adds integers. Owns the weights; not the file layout (static-index.ts).

import { tokens } from './tokens.ts';

/** A title word counts as this many body words (a simple BM25F). */
const TITLE_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;
/** Impacts are stored as round(score × IMPACT_SCALE), at least 1. */
const IMPACT_SCALE = 10;

export interface Indexable {
  title: string;
  text: string;
}

export interface Postings {
  /** token → [doc number, impact][] in ascending doc order. */
  lists: Map<string, [number, number][]>;
  /** Average weighted document length, in tokens. */
  avgLength: number;
}

/** Postings of `docs`, numbered by their position in the array. */
export function buildPostings(docs: readonly Indexable[]): Postings {
  const counts = docs.map(weightedCounts);
  const lengths = counts.map((count) => [...count.values()].reduce((sum, n) => sum + n, 0));
  const avgLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, docs.length) || 1;
  const raw = new Map<string, [number, number][]>();
  counts.forEach((count, doc) => {
    for (const [token, tf] of count) {
      const list = raw.get(token);
      if (list) list.push([doc, tf]);
      else raw.set(token, [[doc, tf]]);
    }
  });
  const lists = new Map<string, [number, number][]>();
  for (const [token, list] of raw) {
    const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5));
    lists.set(
      token,
      list.map(([doc, tf]) => {
        const norm = K1 * (1 - B + (B * (lengths[doc] ?? 0)) / avgLength);
        const score = (idf * tf * (K1 + 1)) / (tf + norm);
        return [doc, Math.max(1, Math.round(score * IMPACT_SCALE))];
      }),
    );
  }
  return { lists, avgLength };
}

function weightedCounts(doc: Indexable): Map<string, number> {
  const count = new Map<string, number>();
  for (const token of tokens(doc.title)) count.set(token, (count.get(token) ?? 0) + TITLE_WEIGHT);
  for (const token of tokens(doc.text)) count.set(token, (count.get(token) ?? 0) + 1);
  return count;
}
