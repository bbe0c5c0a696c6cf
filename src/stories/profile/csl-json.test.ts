import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { cslJsonSeeds, parseCslJson } from './csl-json.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('a Zotero CSL-JSON export: title and abstract as text, arXiv id and DOI as keys', () => {
  const seeds = cslJsonSeeds(fixture('zotero.json'), 'zotero.json');
  assert.deepEqual(
    seeds.map((s) => [s.origin, s.keys]),
    [
      // URL, `number` and arXiv's own DOI all name one paper: one key.
      ['zotero.json#http://zotero.org/users/1/items/ABCD1234', ['arxiv:2611.01234']],
      ['zotero.json#42', ['doi:10.5555/3495724.3496517']],
    ],
    'an item with neither title nor identifier is no seed',
  );
  assert.equal(seeds[0]?.title, 'Sparse Lattice Routing for Long-Context Transformers');
  assert.match(seeds[0]?.text ?? '', /\nLong-context inference .* We propose a routing scheme/);
});

for (const [file, reason] of [
  ['not-an-array.json', /^testdata\/not-an-array\.json: expected a JSON array of CSL items$/],
  ['bad-title.json', /^testdata\/bad-title\.json: item 1 \(id "bad-one"\): title: .*string/],
  ['truncated.json', /^testdata\/truncated\.json: not valid JSON \(/],
] as const) {
  test(`a malformed file is an InputError naming the file and item: ${file}`, () => {
    assert.throws(
      () => parseCslJson(fixture(file), `testdata/${file}`),
      (error: unknown) => error instanceof InputError && reason.test(error.message),
    );
  });
}

test('an item needs an id', () => {
  assert.throws(
    () => parseCslJson('[{"title": "x"}]', 'a.json'),
    (error: unknown) =>
      error instanceof InputError &&
      error.message === "a.json: item 0: id: an item's id is a string or a number",
  );
});
