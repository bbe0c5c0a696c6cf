// MinHash: deterministic seeds and signatures, Jaccard estimates close to the exact value, and the
// one-permutation variant the index uses finding candidates at the similarities that matter.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY, estimateJaccard, minhash, minhashSeeds, oneHashMinhash } from './minhash.ts';
import { fmix32 } from './shingles.ts';

/** Two random sets of `size` hashes with exactly `shared` in common (their Jaccard is shared/(2·size−shared)). */
function pair(size: number, shared: number, seed: number): [Uint32Array, Uint32Array] {
  const value = (i: number) => fmix32(Math.imul(seed, 0x9e3779b1) ^ i);
  const a = Uint32Array.from({ length: size }, (_, i) => value(i));
  const b = Uint32Array.from({ length: size }, (_, i) => value(i < shared ? i : size + i));
  return [a, b];
}

test('seeds and signatures are deterministic; an empty set has an empty signature', () => {
  assert.deepEqual(Array.from(minhashSeeds(3)), [1020716019, 454327756, 1275600319]);
  const [a] = pair(50, 0, 1);
  assert.deepEqual(minhash(a, minhashSeeds(64)), minhash(a, minhashSeeds(64)));
  assert.deepEqual(oneHashMinhash(a, 64), oneHashMinhash(Uint32Array.from(a).reverse(), 64));
  assert.ok(oneHashMinhash(new Uint32Array(0), 8).every((v) => v === EMPTY));
  assert.equal(estimateJaccard(oneHashMinhash(new Uint32Array(0), 8), oneHashMinhash(a, 8)), 0);
  assert.throws(() => oneHashMinhash(a, 48), /power of two/);
  assert.throws(() => minhashSeeds(0), /positive integer/);
});

test('both estimators track the exact Jaccard similarity (mean error over 200 pairs)', () => {
  const seeds = minhashSeeds(128);
  for (const [size, shared] of [
    [150, 30],
    [150, 100],
    [40, 20],
  ] as const) {
    const exact = shared / (2 * size - shared);
    let classic = 0;
    let oph = 0;
    for (let seed = 0; seed < 200; seed++) {
      const [a, b] = pair(size, shared, seed);
      classic += estimateJaccard(minhash(a, seeds), minhash(b, seeds)) / 200;
      oph += estimateJaccard(oneHashMinhash(a, 128), oneHashMinhash(b, 128)) / 200;
    }
    assert.ok(Math.abs(classic - exact) < 0.02, `classic ${classic.toFixed(3)} vs exact ${exact.toFixed(3)}`);
    assert.ok(Math.abs(oph - exact) < 0.02, `one-permutation ${oph.toFixed(3)} vs exact ${exact.toFixed(3)}`);
  }
});

test('LSH candidates: 64 one-row bands, 4 hits needed — near-duplicates found, strangers rarely', () => {
  const hits = (a: Uint32Array, b: Uint32Array) => {
    const x = oneHashMinhash(a, 64);
    const y = oneHashMinhash(b, 64);
    return x.filter((v, i) => v === y[i]).length;
  };
  const rate = (size: number, shared: number) => {
    let found = 0;
    for (let seed = 0; seed < 500; seed++) if (hits(...pair(size, shared, seed)) >= 4) found++;
    return found / 500;
  };
  // Jaccard 0.11 and 0.2 (the merge threshold is 0.09): nearly always candidates.
  assert.ok(rate(150, 30) >= 0.95, `J=0.11: ${rate(150, 30)}`);
  assert.ok(rate(150, 50) >= 0.99, `J=0.2: ${rate(150, 50)}`);
  // Jaccard 0.01: almost never verified.
  assert.ok(rate(150, 3) <= 0.01, `J=0.01: ${rate(150, 3)}`);
});
