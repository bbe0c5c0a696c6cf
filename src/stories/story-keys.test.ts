// Identity keys and their parts: arXiv ids (new, old, versioned, URLs) and canonical URLs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArxivId } from './arxiv-id.ts';
import { canonicalUrl, withoutTracking } from './canonical-url.ts';
import { storyKeys } from './story-keys.ts';

test('arXiv ids: new and old style, versions stripped, from bare ids and URLs', () => {
  assert.deepEqual(parseArxivId('2506.08007v2'), { id: '2506.08007', version: 2 });
  assert.deepEqual(parseArxivId('arXiv:0704.0001'), { id: '0704.0001', version: null });
  assert.deepEqual(parseArxivId('hep-th/9901001v3'), { id: 'hep-th/9901001', version: 3 });
  assert.deepEqual(parseArxivId('https://arxiv.org/pdf/2506.08007v1.pdf'), { id: '2506.08007', version: 1 });
  assert.deepEqual(parseArxivId('http://export.arxiv.org/abs/math.GT/0309136'), {
    id: 'math.GT/0309136',
    version: null,
  });
  assert.equal(parseArxivId('12506.08007'), null);
  assert.equal(parseArxivId('https://example.com/2506.08007'), null);
});

test('canonical URLs drop tracking, www, fragments and trailing slashes; display URLs only tracking', () => {
  assert.equal(
    canonicalUrl('http://www.Example.com/a/?utm_source=x&b=2&a=1#top'),
    'https://example.com/a?a=1&b=2',
  );
  assert.equal(withoutTracking('https://x.com/someone/status/1?s=20'), 'https://x.com/someone/status/1');
  assert.equal(canonicalUrl('javascript:alert(1)'), null);
  assert.equal(canonicalUrl('not a url'), null);
});

test('keys come strongest first; a paper linking a repository is not keyed by it', () => {
  const base = { externalId: 'x', title: 't', summary: '', lang: 'en', authors: [], publishedAt: null };
  assert.deepEqual(
    storyKeys({
      ...base,
      kind: 'paper',
      url: 'https://arxiv.org/abs/2611.01234v2',
      extra: { doi: 'https://doi.org/10.1000/ABC', githubRepo: 'https://github.com/a/b' },
    }),
    ['arxiv:2611.01234', 'doi:10.1000/abc', 'url:https://arxiv.org/abs/2611.01234v2'],
  );
  assert.deepEqual(storyKeys({ ...base, kind: 'repo', url: 'https://github.com/Example/SLR' }), [
    'github:example/slr',
    'url:https://github.com/Example/SLR',
  ]);
});
