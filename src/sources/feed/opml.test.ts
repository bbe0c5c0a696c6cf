// Tests of OPML import and export: a reader's export with nested folders (our own fixture), hostile
// outlines, DOCTYPE and malformed input refused, escaping, and the round trip toOpml → parseOpml.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { type OpmlFeed, parseOpml, toOpml } from './opml.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('parseOpml: feeds in document order, nested folders as a category path, each URL once', () => {
  assert.deepEqual(parseOpml(fixture('opml/subscriptions.opml'), 'subscriptions.opml'), [
    {
      title: 'OpenAI News',
      url: 'https://openai.com/news/rss.xml',
      htmlUrl: 'https://openai.com/news/',
      category: 'AI/Labs',
    },
    {
      title: 'DeepMind Blog',
      url: 'https://deepmind.google/blog/rss.xml',
      htmlUrl: 'https://deepmind.google/discover/blog/',
      category: 'AI/Labs',
    },
    { title: '机器之心', url: 'https://rsshub.app/jiqizhixin/daily', category: 'AI' },
    {
      title: 'Hacker News: Front Page',
      url: 'https://hnrss.org/frontpage?points=100&comments=25',
      category: 'Tech/News',
    },
  ]);
});

test('parseOpml: OPML 1.0 without titles, a BOM, an empty body', () => {
  const opml1 =
    '\uFEFF<opml version="1.0"><head/><body><outline xmlUrl="https://a.example/rss"/></body></opml>';
  assert.deepEqual(parseOpml(opml1, 'a.opml'), [
    { title: 'https://a.example/rss', url: 'https://a.example/rss' },
  ]);
  assert.deepEqual(parseOpml('<opml version="2.0"><head/><body/></opml>', 'empty.opml'), []);
});

test('parseOpml: a DOCTYPE, a non-OPML document and broken XML are InputErrors naming the file', () => {
  const refused: [string, RegExp][] = [
    [
      '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="https://a.example/&x;"/></body></opml>',
      /^evil\.opml: declares a DOCTYPE, which OPML never needs; refused$/,
    ],
    ['<rss version="2.0"><channel/></rss>', /^evil\.opml: is not OPML \(expected an <opml> root element\)$/],
    [
      '<opml version="2.0"><body><outline xmlUrl="https://a.example/" text="x></body></opml>',
      /^evil\.opml: is not well-formed OPML \(readTagExp returned undefined at position 26\)$/,
    ],
    [
      '<opml version="2.0"><body><outline xmlUrl="https://a.example/"/>',
      /^evil\.opml: is truncated or malformed OPML/,
    ],
    [
      `<opml><body><outline text="${'x'.repeat(2 * 1024 * 1024)}" xmlUrl="https://a.example/"/></body></opml>`,
      /^evil\.opml: has an XML start tag <outline> longer than 1 MiB/,
    ],
  ];
  for (const [text, reason] of refused) {
    assert.throws(
      () => parseOpml(text, 'evil.opml'),
      (error: unknown) => error instanceof InputError && reason.test(error.message),
      text.slice(0, 60),
    );
  }
});

const feeds: OpmlFeed[] = [
  { title: 'Uncategorized & "quoted" <feed>', url: 'https://a.example/rss?x=1&y=2' },
  {
    title: 'OpenAI News',
    url: 'https://openai.com/news/rss.xml',
    htmlUrl: 'https://openai.com/news/',
    category: 'AI/Labs',
  },
  { title: '量子位', url: 'https://rsshub.app/qbitai/category/资讯', category: 'AI/中文' },
  { title: 'Line\nbreak\tand tab', url: 'https://b.example/feed', category: 'AI' },
];

test('toOpml: OPML 2.0 with folders, every value escaped, nothing XML cannot carry', () => {
  const opml = toOpml([...feeds, { title: 'Bell\u0007', url: 'https://c.example/' }], 'ribao <sources>');
  assert.match(opml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<opml version="2\.0">/);
  assert.match(opml, /<title>ribao &lt;sources&gt;<\/title>/);
  assert.match(opml, /text="Uncategorized &amp; &quot;quoted&quot; &lt;feed&gt;"/);
  assert.match(opml, /xmlUrl="https:\/\/a\.example\/rss\?x=1&amp;y=2"/);
  assert.match(
    opml,
    /<outline text="AI" title="AI">\n\s+<outline type="rss" text="Line&#10;break&#9;and tab"/,
  );
  assert.equal(opml.includes('\u0007'), false, 'no BEL');
  assert.ok(parseOpml(opml, 'out.opml').some((feed) => feed.title === 'Bell'));
});

test('round trip: toOpml then parseOpml gives the same list (grouped by folder)', () => {
  const normalized = feeds.map((feed) => ({
    ...feed,
    url: new URL(feed.url).href,
    title: feed.title.replace(/\s+/g, ' '),
  }));
  const back = parseOpml(toOpml(normalized, 'ribao'), 'round-trip.opml');
  const byUrl = (list: OpmlFeed[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));
  assert.deepEqual(byUrl(back), byUrl(normalized));
  assert.deepEqual(parseOpml(toOpml(back, 'ribao'), 'again.opml'), back, 'a second trip changes nothing');
});
