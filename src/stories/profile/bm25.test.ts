import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpus, cosine, idf, sharedTerms, vector } from './bm25.ts';

const docs = [
  ['sparse', 'attent', 'long', 'context'],
  ['speech', 'token', 'free', 'model'],
  ['attent', 'model', 'vision'],
  ['model', 'bench', 'refus'],
];

test('idf: rarer terms weigh more, a term in every document still weighs a little', () => {
  const c = corpus(docs);
  assert.equal(c.documents, 4);
  assert.equal(c.averageLength, 14 / 4);
  assert.ok(idf(c, 'sparse') > idf(c, 'attent'));
  assert.ok(idf(c, 'attent') > idf(c, 'model'));
  assert.ok(idf(c, 'model') > 0);
  assert.equal(idf(c, 'unseen'), Math.log(1 + 4.5 / 0.5));
});

test('term frequency saturates: ten repeats weigh less than ten times one', () => {
  const c = corpus(docs);
  const once = vector(['sparse'], c).weights.get('sparse') ?? 0;
  const tenTimes = vector(Array(10).fill('sparse'), c).weights.get('sparse') ?? 0;
  assert.ok(tenTimes > once && tenTimes < 3 * once, `${once} → ${tenTimes}`);
});

test('cosine: 1 with itself, 0 with nothing shared, symmetric, and in between otherwise', () => {
  const c = corpus(docs);
  const [a, b, ac] = [vector(docs[0] ?? [], c), vector(docs[1] ?? [], c), vector(docs[2] ?? [], c)];
  assert.ok(Math.abs(cosine(a, a) - 1) < 1e-12);
  assert.equal(cosine(a, b), 0);
  assert.equal(cosine(a, ac), cosine(ac, a));
  assert.ok(cosine(a, ac) > 0 && cosine(a, ac) < 1);
  assert.equal(cosine(vector([], c), a), 0);
  assert.deepEqual(sharedTerms(a, ac, 3), ['attent']);
});
