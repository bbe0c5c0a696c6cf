// Splitting and the shared text rules, against a small edition and a stated limit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Edition, EditionEntry } from '../model/edition.ts';
import { permalinks } from '../render/permalinks.ts';
import { lookalikes, safeUrl } from './markup.ts';
import type { Block, Draft } from './platform.ts';
import { planMessages } from './split.ts';

const links = permalinks('https://ribao.example/');

function entry(id: string, body: string): EditionEntry {
  return {
    storyId: id,
    kind: 'article',
    originalTitle: `Title ${id}`,
    title: `标题 ${id}`,
    body,
    originalBody: '',
    originalLang: 'en',
    publishedAt: null,
    updatedAt: null,
    writtenBy: null,
    translated: true,
    edited: false,
    url: `https://example.com/${id}`,
    image: null,
    contributor: null,
    score: 0,
    links: [],
  };
}

const edition: Edition = {
  publication: 'daily',
  title: 'AI 日报',
  template: 'daily-report',
  date: '2026-11-20',
  lead: null,
  sections: [
    { title: '研究', entries: ['a', 'b', 'c', 'd'].map((id) => entry(id, `${id} 正文`)), children: [] },
    { title: '产业', entries: [entry('e', '长'.repeat(120)), entry('f', 'f 正文')], children: [] },
  ],
  untranslated: 0,
  flagged: 0,
};

/** At most three blocks a message, and no entry text over 50 code points. */
const fits = (draft: Draft) =>
  draft.blocks.length <= 3 &&
  draft.blocks.every((b) => b.kind !== 'entry' || Array.from(b.entry.body).length <= 50);

const ids = (blocks: Block[]) => blocks.map((b) => (b.kind === 'entry' ? b.entry.title.slice(3) : 'lead'));

test('entries keep their order, split only between them, numbered part/total', () => {
  const drafts = planMessages(edition, links, 'full', fits);
  assert.deepEqual(
    drafts.map((d) => ids(d.blocks)),
    [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ],
  );
  assert.deepEqual(
    drafts.map((d) => `${d.part}/${d.total}`),
    ['1/2', '2/2'],
  );
  assert.equal(drafts[0]?.editionUrl, 'https://ribao.example/daily/2026-11-20.html');
});

test('a section continued at the top of a message says so; an entry too long is cut with its story link', () => {
  const [first, second] = planMessages(edition, links, 'full', fits);
  const headings = [...(first?.blocks ?? []), ...(second?.blocks ?? [])].map((b) =>
    b.kind === 'entry' ? b.heading : null,
  );
  assert.deepEqual(headings, ['研究', null, null, '研究（续）', '产业', null]);
  const long = second?.blocks[1];
  assert.ok(long?.kind === 'entry');
  assert.equal(long.entry.truncated, true);
  assert.equal(long.entry.body, `${'长'.repeat(49)}…`, 'the longest prefix that fits');
  assert.equal(long.entry.storyUrl, 'https://ribao.example/daily/story/e.html');
});

test('headlines leave out the text and credits', () => {
  const [only] = planMessages(edition, links, 'headlines', () => true);
  assert.ok(
    only?.blocks.every((b) => b.kind === 'entry' && b.entry.body === '' && b.entry.contributor === null),
  );
});

test('only http(s) links are linked, with link-breaking characters encoded', () => {
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl('data:text/html,x'), null);
  assert.equal(safeUrl('not a url'), null);
  assert.equal(safeUrl('https://e.com/a_(b)?q=[1]'), 'https://e.com/a_%28b%29?q=%5B1%5D');
});

test('lookalikes make markup inert and leave bare links working', () => {
  assert.equal(
    lookalikes('<@all> **x** [a](b) 见 https://github.com/a_b/c。'),
    '＜@all＞ ＊＊x＊＊ ［a］(b) 见 https://github.com/a_b/c。',
  );
});
