// Near-duplicate decision for two reports (title + summary): the parameters, the signature of one
// report and the pure comparison with its explanation. Stores nothing; near-dup-index.ts finds candidates.

import { type Fact, factVeto, headlineFacts } from './dup-facts.ts';
import { dupSummary, dupTitle } from './dup-text.ts';
import { hash32, shingleStrings } from './shingles.ts';

/** What is compared: a headline and, when there is one, its summary or abstract. */
export interface DupDoc {
  title: string;
  summary?: string;
}

export interface NearDupOptions {
  /** Characters per CJK shingle. */
  ngram: number;
  /** Summary shingles used after the title's, in reading order. */
  bodyShingles: number;
  /** Least Jaccard similarity of the title + summary shingle sets for a merge (a CJK title on either side). */
  threshold: number;
  /**
   * The same for two Latin-script titles: English abstracts share far more stock phrases ("large
   * language models") than Chinese news, so two different papers reach 0.1 easily.
   */
  latinThreshold: number;
  /** When either report has no summary: least Jaccard similarity of the two titles alone. */
  titleThreshold: number;
  /** Least title shingles a report needs to merge at all (a two-word title says too little). */
  minTitleShingles: number;
  /** Least title shingles two reports must share: summaries alone never merge. */
  minSharedTitle: number;
  /** One-permutation MinHash slots (a power of two), each one LSH band of one row (near-dup-index.ts). */
  k: number;
  /** Least bands two reports must share to be verified (one shared slot is often chance). */
  minBandHits: number;
  /**
   * A bucket holding this many reports of one span is a shingle everyone uses ("ai", "language
   * models"): it stops growing and is not read, like a stop word learnt from the stream.
   */
  maxBucket: number;
  /** Reports further apart than this never merge. */
  windowDays: number;
}

/** Chosen by measurement: test/near-dup/README.md (labelled pairs) and bench/near-dup.bench.ts. */
export const NEAR_DUP_DEFAULTS: Readonly<NearDupOptions> = Object.freeze({
  ngram: 2,
  bodyShingles: 120,
  threshold: 0.09,
  latinThreshold: 0.25,
  titleThreshold: 0.5,
  minTitleShingles: 3,
  minSharedTitle: 1,
  k: 64,
  minBandHits: 4,
  maxBucket: 32,
  windowDays: 3,
});

/** One report reduced to what the decision needs; no text is kept. */
export interface DupSignature {
  /** Distinct hashes of title + summary shingles, ascending. */
  shingles: Uint32Array;
  /** Distinct hashes of title shingles, ascending. */
  title: Uint32Array;
  /** Versions, amounts and years the headline states. */
  facts: readonly Fact[];
  /** Whether the headline has CJK shingles (which threshold applies). */
  cjk: boolean;
  /** Whether the summary added shingles (without one, only titles are compared). */
  body: boolean;
}

export function resolveOptions(options: Partial<NearDupOptions> = {}): NearDupOptions {
  const resolved = { ...NEAR_DUP_DEFAULTS, ...options };
  for (const [key, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`near-dup: option ${key} must be a number ≥ 0, got ${String(value)}`);
    }
  }
  return resolved;
}

/** Title shingles, then summary shingles up to `bodyShingles` more. */
export function docShingles(doc: DupDoc, options: NearDupOptions): { title: string[]; all: string[] } {
  const title = shingleStrings(dupTitle(doc.title), options.ngram);
  // A shingle rarely needs more than 6 characters of text: the summary's tail is never read.
  const head = (doc.summary ?? '').slice(0, options.bodyShingles * 6);
  const body = shingleStrings(dupSummary(head), options.ngram, options.bodyShingles);
  return { title, all: [...new Set([...title, ...body])] };
}

/** Hashes of shingles, ascending and distinct. */
const CJK_SHINGLE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

function sortedHashes(shingles: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(shingles.length);
  for (let i = 0; i < shingles.length; i++) hashes[i] = hash32(shingles[i] as string);
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++)
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i] as number;
  return hashes.slice(0, distinct);
}

export function signature(doc: DupDoc, options: Partial<NearDupOptions> = {}): DupSignature {
  const resolved = resolveOptions(options);
  const { title, all } = docShingles(doc, resolved);
  return {
    shingles: sortedHashes(all),
    title: sortedHashes(title),
    facts: headlineFacts(dupTitle(doc.title)),
    cjk: title.some((shingle) => CJK_SHINGLE.test(shingle)),
    body: all.length > title.length,
  };
}

/** How many values two ascending arrays share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Jaccard similarity of two ascending hash sets (0 when both are empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Jaccard of title + summary shingles, or of titles alone when either report has no summary. */
export function similarityOf(a: DupSignature, b: DupSignature): number {
  return a.body && b.body ? jaccard(a.shingles, b.shingles) : jaccard(a.title, b.title);
}

/** The decision on two signatures: null when they are one event, otherwise why they are not. */
export function rejection(a: DupSignature, b: DupSignature, options: NearDupOptions): string | null {
  const shortest = Math.min(a.title.length, b.title.length);
  if (shortest < options.minTitleShingles) return `title too short (${shortest} shingles)`;
  const sharedTitle = sharedCount(a.title, b.title);
  if (sharedTitle < options.minSharedTitle) return `titles share ${sharedTitle} shingles`;
  const similarity = similarityOf(a, b);
  const threshold =
    !a.body || !b.body ? options.titleThreshold : a.cjk || b.cjk ? options.threshold : options.latinThreshold;
  if (similarity < threshold) return `jaccard ${similarity.toFixed(3)} < ${threshold}`;
  return factVeto(a.facts, b.facts);
}

/** Whether two reports are the same event, ignoring time (the index's concern). */
export function similar(a: DupDoc, b: DupDoc, options: Partial<NearDupOptions> = {}): boolean {
  const resolved = resolveOptions(options);
  return rejection(signature(a, resolved), signature(b, resolved), resolved) === null;
}

export interface Explanation {
  same: boolean;
  /** Jaccard similarity of the title + summary shingle sets (titles alone when a summary is missing). */
  jaccard: number;
  /** Shingles both reports have, in the first report's reading order. */
  shared: string[];
  /** Why they are not one event, when they are not. */
  veto?: string;
}

/** The decision with its evidence, for `ribao stories` and for tuning. */
export function explain(a: DupDoc, b: DupDoc, options: Partial<NearDupOptions> = {}): Explanation {
  const resolved = resolveOptions(options);
  const right = new Set(docShingles(b, resolved).all);
  const left = signature(a, resolved);
  const other = signature(b, resolved);
  const veto = rejection(left, other, resolved);
  return {
    same: veto === null,
    jaccard: similarityOf(left, other),
    shared: docShingles(a, resolved).all.filter((s) => right.has(s)),
    ...(veto === null ? {} : { veto }),
  };
}
