// Chooses the candidate pairs for the hand-labelled set (run once; labels are then added by hand).
// Owns the sampling only: a plain character-bigram Jaccard, independent of src/stories/near-dup.ts.
// Run: node test/near-dup/select-pairs.ts > /tmp/candidates.tsv

import { type MediaRow, readMedia } from './corpus.ts';

const DAY = 86_400_000;
const STRATA = { high: 150, mid: 100, entity: 60, low: 30 } as const;

function bigrams(text: string): Set<string> {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Latin names of 3+ letters (OpenAI, Gemini, GPT): pairs sharing one but little else are hard negatives. */
function names(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z][a-z0-9.-]{2,}/g) ?? []);
}

/** mulberry32: a seeded generator, so the same data gives the same candidates. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Candidate {
  a: MediaRow;
  b: MediaRow;
  score: number;
  stratum: keyof typeof STRATA;
}

function uniqueRows(): MediaRow[] {
  const seen = new Set<string>();
  return readMedia()
    .filter((r) => !seen.has(`${r.file}|${r.key}`) && seen.add(`${r.file}|${r.key}`))
    .sort((x, y) => x.time - y.time || x.key.localeCompare(y.key));
}

function candidates(rows: MediaRow[]): Candidate[] {
  const title = rows.map((r) => bigrams(r.title));
  const summary = rows.map((r) => bigrams(r.summary.slice(0, 300)));
  const name = rows.map((r) => names(r.title));
  const out: Candidate[] = [];
  rows.forEach((a, i) => {
    for (let j = i + 1; j < rows.length; j++) {
      const b = rows[j] as MediaRow;
      if (b.time - a.time > 3 * DAY) break;
      if (a.outlet === b.outlet) continue;
      const at = (sets: Set<string>[], k: number) => sets[k] as Set<string>;
      const score = Math.max(jaccard(at(title, i), at(title, j)), jaccard(at(summary, i), at(summary, j)));
      const sharesName = [...at(name, i)].some((n) => at(name, j).has(n));
      const stratum = score >= 0.2 ? 'high' : score >= 0.1 ? 'mid' : sharesName ? 'entity' : 'low';
      out.push({ a, b, score, stratum });
    }
  });
  return out;
}

function sample<T>(items: T[], n: number, next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

const next = random(20250717);
const all = candidates(uniqueRows());
console.log(
  ['pair', 'file_a', 'key_a', 'date_a', 'file_b', 'key_b', 'date_b', 'stratum', 'score'].join('\t'),
);
let n = 0;
for (const stratum of Object.keys(STRATA) as (keyof typeof STRATA)[]) {
  const chosen = sample(
    all.filter((c) => c.stratum === stratum),
    STRATA[stratum],
    next,
  ).sort((x, y) => x.a.time - y.a.time);
  for (const c of chosen) {
    n++;
    const cells = [
      `p${String(n).padStart(3, '0')}`,
      c.a.file,
      c.a.key,
      c.a.date,
      c.b.file,
      c.b.key,
      c.b.date,
    ];
    console.log([...cells, stratum, c.score.toFixed(3)].join('\t'));
  }
}
