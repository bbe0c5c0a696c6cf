// selectAll() gives the same elements as querySelectorAll on the joined selector list: on each selector
// shape we use, on our platform pages with every quirk's selectors, and on the Readability corpus.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type DomElement, parseDocument } from './dom.ts';
import { GENERIC_REMOVE, SITE_QUIRKS } from './quirks.ts';
import { selectAll } from './select.ts';

const PAGES = new URL('../../../../shared/data/readability-test-pages/', import.meta.url);
const PLATFORMS = new URL('./testdata/platforms/', import.meta.url);
const ALL_SELECTORS = [...GENERIC_REMOVE, ...SITE_QUIRKS.flatMap(([, quirk]) => quirk.remove)];

function sameAsQuerySelectorAll(html: string, selectors: readonly string[], label: string): void {
  const root = parseDocument(html).documentElement;
  const expected = new Set<DomElement>(root.querySelectorAll(selectors.join(', ')));
  const actual = selectAll(root, selectors);
  assert.equal(actual.length, new Set(actual).size, `${label}: each element once`);
  assert.deepEqual(new Set(actual), expected, label);
}

test('each selector shape: id, class, tag, compound, descendant, child, attribute, list', () => {
  const html = `<div id="a" class="x y"><p class="y">1</p><section><p class="z">2</p></section>
    <span data-k="1,2">3</span><ul><li>4</li></ul></div><p id="b">5</p>`;
  for (const selectors of [
    ['#a'],
    ['.y'],
    ['p'],
    ['p.y', 'div.x.y'],
    ['#a .z', 'div > p', 'section p'],
    ['span[data-k="1,2"]', 'li:first-child'],
    ['#b, .z', 'ul li'],
    ['.missing', '#missing', 'table'],
  ]) {
    sameAsQuerySelectorAll(html, selectors, selectors.join(' | '));
  }
});

test('every quirk selector on every platform page', () => {
  for (const file of readdirSync(PLATFORMS)) {
    sameAsQuerySelectorAll(readFileSync(new URL(file, PLATFORMS), 'utf8'), ALL_SELECTORS, file);
  }
});

test('every quirk selector on the Readability corpus', {
  skip: !existsSync(PAGES) && 'needs ../shared/data/readability-test-pages',
}, () => {
  for (const name of readdirSync(PAGES).filter((entry) => !entry.includes('.'))) {
    sameAsQuerySelectorAll(readFileSync(new URL(`${name}/source.html`, PAGES), 'utf8'), ALL_SELECTORS, name);
  }
});
