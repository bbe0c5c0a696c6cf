import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileSegments, relative, sitePaths, tagSlug } from './paths.ts';

test('links are relative to the page, so the site works under any base path', () => {
  assert.equal(relative('index.html', 'papers/2026-11-20.html'), 'papers/2026-11-20.html');
  assert.equal(relative('papers/story/ab.html', 'index.html'), '../../index.html');
  assert.equal(relative('papers/2026-11-20.html', 'papers/story/ab.html'), '../papers/story/ab.html');
  assert.equal(relative('index.html', ''), './');
});

test('the site layout extends the shared permalinks', () => {
  const paths = sitePaths('https://example.org/digest');
  assert.equal(paths.story('papers', 'ab12'), 'papers/story/ab12.html');
  assert.equal(paths.section('daily', '投融资'), 'daily/section/%E6%8A%95%E8%9E%8D%E8%B5%84.html');
  assert.equal(paths.tag('daily', 'RL/agents'), 'daily/tag/RL-agents.html');
  assert.equal(paths.publication('daily'), 'daily/index.html');
  assert.equal(paths.absolute(paths.search), 'https://example.org/digest/search.html');
  assert.deepEqual(fileSegments(paths.section('daily', 'HuggingFace&Github')), [
    'daily',
    'section',
    'HuggingFace&Github.html',
  ]);
});

test('a tag never names a file outside its folder or a hidden one', () => {
  for (const [tag, slug] of [
    ['../../etc/passwd', '--..-etc-passwd'],
    ['.hidden', '-hidden'],
    ['a\\b', 'a-b'],
    ['50%?#x', '50-x'],
    ['a\u0000b\nc', 'a-b-c'],
    ['  ', '-'],
    ['C:<x>|"*', 'C-x-'],
  ] as const) {
    assert.equal(tagSlug(tag), slug, tag);
    assert.ok(!tagSlug(tag).includes('/') && !tagSlug(tag).startsWith('.'));
  }
});
