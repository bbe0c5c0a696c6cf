// MinHash signatures of hashed shingle sets and the band keys LSH buckets them by. Owns the hash
// family (deterministic seeds) and the Jaccard estimate; knows nothing about text or items.

import { fmix32 } from './shingles.ts';

/** The value of an empty set's signature: no shingle, so no minimum. */
export const EMPTY = 0xffffffff;

/** `k` seeds from SplitMix32 started at a fixed value: the same signatures on every machine and run. */
export function minhashSeeds(k: number): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`minhash: k must be a positive integer, got ${k}`);
  const seeds = new Uint32Array(k);
  let state = 0x9e3779b9;
  for (let i = 0; i < k; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
}

/**
 * Signature slot i is min over shingles x of fmix32(x ^ seed_i): each seed picks a permutation of
 * the 32-bit space, and two sets agree in a slot with probability equal to their Jaccard similarity.
 */
export function minhash(
  shingles: Uint32Array,
  seeds: Uint32Array,
  out = new Uint32Array(seeds.length),
): Uint32Array {
  out.fill(EMPTY);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < seeds.length; i++) {
      let h = x ^ (seeds[i] as number);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < (out[i] as number)) out[i] = h;
    }
  }
  return out;
}

/** Estimated Jaccard similarity: the share of slots where two signatures agree (0 when either set was empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length)
    throw new RangeError(`minhash: signatures differ in length (${a.length}, ${b.length})`);
  if (a[0] === EMPTY || b[0] === EMPTY) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017):
 * each shingle is hashed once, its top bits choose one of `k` bins (k a power of two) and the rest
 * compete for that bin's minimum; an empty bin borrows from the first non-empty bin its own probe
 * sequence reaches. Two sets still agree in a bin with probability equal to their Jaccard similarity,
 * at O(|S| + k) cost instead of O(|S|·k).
 */
export function oneHashMinhash(shingles: Uint32Array, k: number, out = new Uint32Array(k)): Uint32Array {
  const bits = Math.log2(k);
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) {
    throw new RangeError(`minhash: k must be a power of two from 2 to 65536, got ${k}`);
  }
  out.fill(EMPTY);
  const valueMask = 0xffffffff >>> bits;
  for (let s = 0; s < shingles.length; s++) {
    const h = fmix32((shingles[s] as number) ^ 0x5bd1e995);
    const bin = h >>> (32 - bits);
    const value = (h & valueMask) >>> 0;
    if (value < (out[bin] as number)) out[bin] = value;
  }
  if (shingles.length === 0) return out;
  const filled = out.slice();
  for (let bin = 0; bin < k; bin++) {
    if (filled[bin] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const from = fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) >>> (32 - bits);
      if (filled[from] !== EMPTY) {
        out[bin] = filled[from] as number;
        break;
      }
    }
  }
  return out;
}
