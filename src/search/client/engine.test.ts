import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePostings, fnv1a, rank, shardOf, snippet } from './engine.js';
import { markRanges } from './tokens.js';

const list = (entries: [number, number][]) => new Map(entries);

test('posting lists decode from gaps', () => {
  assert.deepEqual(
    [...decodePostings([3, 10, 2, 7, 1, 1])],
    [
      [3, 10],
      [5, 7],
      [6, 1],
    ],
  );
});

test('rank: AND over required, optional terms only add to the score, ties go to the newer (lower) doc', () => {
  const required = [
    list([
      [1, 5],
      [2, 5],
      [4, 5],
    ]),
    list([
      [1, 1],
      [2, 1],
      [4, 1],
    ]),
  ];
  const optional = [
    list([
      [2, 3],
      [3, 9],
    ]),
  ];
  const { mode, hits } = rank(required, optional);
  assert.equal(mode, 'all');
  assert.deepEqual(hits, [
    { doc: 2, score: 9 },
    { doc: 1, score: 6 },
    { doc: 4, score: 6 },
  ]);
});

test('rank: OR when no doc has every required term, docs with more terms first', () => {
  const { mode, hits } = rank(
    [
      list([
        [1, 4],
        [2, 4],
      ]),
      list([[3, 2]]),
      list([[2, 3]]),
    ],
    [],
  );
  assert.equal(mode, 'any');
  assert.deepEqual(
    hits.map((hit) => hit.doc),
    [2, 1, 3],
  );
  assert.deepEqual(rank([list([])], []), { mode: 'none', hits: [] });
  assert.deepEqual(rank([], []), { mode: 'none', hits: [] });
});

test('a CJK word shares its first bigram shard; FNV-1a is the published function', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(shardOf('清华大学', 97), shardOf('清华', 97));
  assert.notEqual(shardOf('gpt4omini', 1 << 20), shardOf('gpt4o', 1 << 20));
});

test('highlight ranges follow the original text: case, full-width forms, model names, bigrams', () => {
  const text = 'ＧＰＴ－４ｏ and GPT-4o-mini beat Models; 多模态推理';
  const marked = (terms: string[]) =>
    markRanges(text, new Set(terms)).map(([from, to]) => text.slice(from, to));
  assert.deepEqual(marked(['gpt4o']), ['GPT-4o']);
  assert.deepEqual(marked(['model']), ['Models']);
  assert.deepEqual(marked(['多模', '模态']), ['多模态']);
  assert.deepEqual(marked(['gpt']), ['ＧＰＴ', 'GPT']);
});

test('snippets: a window around the first match, ellipses where cut, marks kept', () => {
  const text = `${'填充文字'.repeat(30)}强化学习让模型学会推理${'后文'.repeat(100)}`;
  const pieces = snippet(text, new Set(['强化', '化学', '学习']), 60);
  assert.equal(pieces[0]?.text, '…');
  assert.equal(pieces.at(-1)?.text, '…');
  assert.deepEqual(
    pieces.filter((piece) => piece.mark).map((piece) => piece.text),
    ['强化学习'],
  );
  assert.ok(pieces.map((piece) => piece.text).join('').length <= 62);
  // A short text stays whole, without ellipses.
  assert.deepEqual(snippet('Short text', new Set(['text'])), [
    { text: 'Short ', mark: false },
    { text: 'text', mark: true },
  ]);
  // A cut never splits a surrogate pair.
  const emoji = `${'🙂'.repeat(100)}`;
  assert.ok(!snippet(emoji, new Set(), 31).some((piece) => /[\ud800-\udbff]$/.test(piece.text)));
});
