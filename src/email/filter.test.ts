import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allEntries } from '../model/edition.ts';
import { filterEdition } from './filter.ts';
import { sampleEdition } from './testing.ts';

const ids = (sections: string[], keywords: string[]) =>
  allEntries(filterEdition(sampleEdition(), { sections, keywords })).map((e) => e.storyId);

test('filter: no choices keep the whole edition', () => {
  assert.deepEqual(ids([], []), ['s1', 's2', 's3']);
});

test('filter: a chosen section brings its sub-sections; a chosen sub-section only itself', () => {
  assert.deepEqual(ids(['资讯'], []), ['s1', 's2']);
  assert.deepEqual(ids(['产业', '论文'], []), ['s2', 's3']);
  const cut = filterEdition(sampleEdition(), { sections: ['产业'], keywords: [] });
  assert.deepEqual(
    cut.sections.map((s) => [s.title, s.children.map((c) => c.title)]),
    [['资讯', ['产业']]],
    'empty sections are dropped, the path to a kept one stays',
  );
});

test('filter: keywords match either language, case-insensitively; Latin words whole, CJK anywhere', () => {
  assert.deepEqual(ids([], ['AGENT']), ['s1']);
  assert.deepEqual(ids([], ['融资']), ['s2']);
  assert.deepEqual(ids([], ['benchmark', '芯片']), ['s2', 's3']);
  assert.deepEqual(ids([], ['bench']), [], 'part of a word is not the word');
  assert.deepEqual(ids([], ['(en)']), ['s1', 's2', 's3'], 'punctuation is matched literally');
  assert.deepEqual(ids(['论文'], ['agent']), [], 'sections and keywords both apply');
});

test('filter: nothing left is an edition without sections, and counts follow the cut', () => {
  const edition = sampleEdition({ untranslated: 3, flagged: 1 });
  for (const s of [edition.sections[1]]) for (const e of s?.entries ?? []) e.translated = false;
  const cut = filterEdition(edition, { sections: ['研究'], keywords: [] });
  assert.deepEqual([cut.untranslated, cut.flagged], [0, 0]);
  assert.deepEqual(filterEdition(edition, { sections: ['学习'], keywords: [] }).sections, []);
});
