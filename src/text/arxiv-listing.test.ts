import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasListingPrefix, stripListingPrefix, stripListingSuffix } from './arxiv-listing.ts';

test('the listing prefix is stripped for every announce type and id style', () => {
  for (const type of ['new', 'cross', 'replace', 'replace-cross']) {
    const text = `arXiv:2607.00836v5 Announce Type: ${type}  Abstract: We study X.`;
    assert.ok(hasListingPrefix(text));
    assert.equal(stripListingPrefix(text), 'We study X.');
  }
  assert.equal(stripListingPrefix('arXiv:hep-th/9901001v2 Announce Type: new Abstract: Old.'), 'Old.');
  assert.equal(
    stripListingPrefix('We cite arXiv:2607.00836 in passing.'),
    'We cite arXiv:2607.00836 in passing.',
  );
});

test('the old listing title tail is stripped', () => {
  assert.equal(
    stripListingSuffix('EarCough: Detection on Hearables. (arXiv:2303.10445v1 [cs.SD])'),
    'EarCough: Detection on Hearables',
  );
  assert.equal(stripListingSuffix('A Title (arXiv:2303.10445v2 [cs.LG] UPDATED)'), 'A Title');
  assert.equal(stripListingSuffix('No tail here'), 'No tail here');
});
