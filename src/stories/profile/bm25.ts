// Okapi BM25 term weights over a small corpus, used as vectors and compared by cosine: the weighting
// of Whissell & Clarke, "Improving document clustering using Okapi BM25 feature weighting" (2011).
// Pure arithmetic on token lists; knows nothing of stories or profiles.

/** k1: how fast repeating a term stops adding weight; b: how much long documents are discounted. */
export const K1 = 1.2;
export const B = 0.75;

export interface Corpus {
  documents: number;
  averageLength: number;
  /** Token → how many documents hold it. */
  frequency: Map<string, number>;
}

/** A document's terms and their BM25 weights, with its Euclidean length for the cosine. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

export function corpus(documents: string[][]): Corpus {
  const frequency = new Map<string, number>();
  let total = 0;
  for (const doc of documents) {
    total += doc.length;
    for (const token of new Set(doc)) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  }
  return {
    documents: documents.length,
    averageLength: documents.length > 0 ? total / documents.length : 0,
    frequency,
  };
}

/** BM25's idf, ln(1 + (N − n + 0.5) / (n + 0.5)): never negative, unlike the original form. */
export function idf(c: Corpus, token: string): number {
  const n = c.frequency.get(token) ?? 0;
  return Math.log(1 + (c.documents - n + 0.5) / (n + 0.5));
}

/** w(t, d) = idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl)) for every term of `doc`. */
export function vector(doc: string[], c: Corpus): TermVector {
  const counts = new Map<string, number>();
  for (const token of doc) counts.set(token, (counts.get(token) ?? 0) + 1);
  const lengthRatio = c.averageLength > 0 ? doc.length / c.averageLength : 1;
  const weights = new Map<string, number>();
  let squares = 0;
  for (const [token, tf] of counts) {
    const weight = (idf(c, token) * tf * (K1 + 1)) / (tf + K1 * (1 - B + B * lengthRatio));
    weights.set(token, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** Cosine of two BM25 vectors, in [0, 1]; 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [token, weight] of small.weights) dot += weight * (large.weights.get(token) ?? 0);
  return dot / (a.norm * b.norm);
}

/** The shared terms that contribute most to the cosine, largest first (ties by token). */
export function sharedTerms(a: TermVector, b: TermVector, count: number): string[] {
  const shared: [string, number][] = [];
  for (const [token, weight] of a.weights) {
    const other = b.weights.get(token);
    if (other) shared.push([token, weight * other]);
  }
  shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return shared.slice(0, count).map(([token]) => token);
}
