// The three feeds: golden files of a fixed pair of editions (UPDATE_GOLDEN=1 rewrites them), item order
// and identity, corrections, limits, section feeds, and hostile text kept well-formed and inert.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { permalinks } from '../permalinks.ts';
import { unsafeParts } from '../sanitize-check.ts';
import { dayStart } from './channel.ts';
import { type FeedsInput, renderFeeds, sectionTitles } from './feeds.ts';
import { hostileEdition, sampleEditions } from './sample-editions.ts';
import { escapeXmlAttribute, escapeXmlText } from './xml.ts';

function golden(name: string, actual: string): void {
  const url = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, actual);
  assert.equal(
    actual,
    readFileSync(url, 'utf8'),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
  );
}

const links = permalinks('https://ribao.example/');
const publication = { name: 'daily', title: 'AI 日报', description: 'AI 研究与产业日报' };
const input = (overrides: Partial<FeedsInput> = {}): FeedsInput => ({
  publication,
  editions: sampleEditions(),
  links,
  timeZone: 'Asia/Shanghai',
  ...overrides,
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (n) => ['item', 'entry', 'link', 'contributor'].includes(n),
});

interface Parsed {
  ids: string[];
  titles: string[];
  updated: string[];
  contents: string[];
}

/** The three feeds read back: ids, titles, updated dates and HTML content, in feed order. */
function readBack(feeds: ReturnType<typeof renderFeeds>): { rss: Parsed; atom: Parsed; json: Parsed } {
  const items = xml.parse(feeds.rss).rss.channel.item ?? [];
  const entries = xml.parse(feeds.atom).feed.entry ?? [];
  const json = JSON.parse(feeds.json).items as Record<string, string>[];
  const text = (v: unknown) =>
    typeof v === 'object' && v !== null ? String((v as { '#text': string })['#text']) : String(v);
  return {
    rss: {
      ids: items.map((i: { guid: unknown }) => text(i.guid)),
      titles: items.map((i: { title: string }) => i.title),
      updated: items.map((i: { pubDate: string }) => new Date(i.pubDate).toISOString()),
      contents: items.map((i: { 'content:encoded': string }) => i['content:encoded']),
    },
    atom: {
      ids: entries.map((e: { id: string }) => e.id),
      titles: entries.map((e: { title: unknown }) => text(e.title)),
      updated: entries.map((e: { updated: string }) => new Date(e.updated).toISOString()),
      contents: entries.map((e: { content: unknown }) => text(e.content)),
    },
    json: {
      ids: json.map((i) => i.id as string),
      titles: json.map((i) => i.title as string),
      updated: json.map((i) => new Date(i.date_modified as string).toISOString()),
      contents: json.map((i) => i.content_html as string),
    },
  };
}

test('goldens: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of two editions, byte-exact', () => {
  const feeds = renderFeeds(input());
  golden('daily.rss.xml', feeds.rss);
  golden('daily.atom.xml', feeds.atom);
  golden('daily.feed.json', feeds.json);
  for (const doc of [feeds.rss, feeds.atom]) assert.equal(XMLValidator.validate(doc), true);
});

test('one item per story, newest edition first, with the same stable ids in every format', () => {
  const parsed = readBack(renderFeeds(input()));
  const ids = ['ribao:daily:9e8d7c6b5a4f', 'ribao:daily:3f2a9c1b7d2e', 'ribao:daily:a1b2c3d4e5f6'];
  for (const format of [parsed.rss, parsed.atom, parsed.json]) assert.deepEqual(format.ids, ids);
  assert.deepEqual(parsed.json.titles, parsed.atom.titles);
  assert.deepEqual(parsed.rss.titles, parsed.atom.titles);
});

test('a correction keeps the id and moves updated / date_modified, not published', () => {
  const before = JSON.parse(renderFeeds(input()).json).items[1];
  const editions = sampleEditions();
  const corrected = editions[1]?.sections[1]?.entries[0];
  assert.ok(corrected);
  corrected.body = '（更正）长上下文推理受限于注意力的二次复杂度。';
  corrected.updatedAt = '2026-11-23T08:00:00Z';
  const feeds = renderFeeds(input({ editions }));
  const after = JSON.parse(feeds.json).items[1];
  assert.equal(after.id, before.id);
  assert.equal(after.date_published, before.date_published);
  assert.equal(after.date_modified, '2026-11-23T08:00:00Z');
  assert.match(after.content_html, /更正/);
  assert.deepEqual(readBack(feeds).atom.updated[1], '2026-11-23T08:00:00.000Z');
  assert.match(feeds.atom, /<updated>2026-11-23T08:00:00Z<\/updated>\n {2}<author>/);
});

test('limit: at most that many items in each format; a bad limit is refused by value', () => {
  const parsed = readBack(renderFeeds(input({ limit: 2 })));
  for (const format of [parsed.rss, parsed.atom, parsed.json]) assert.equal(format.ids.length, 2);
  assert.throws(() => renderFeeds(input({ limit: 0 })), /limit 0 is not a positive integer/);
});

test('a section feed lists only that section (and its sub-sections) under its own links', () => {
  assert.deepEqual(sectionTitles(sampleEditions()), ['资讯', '产业', '论文', '推特']);
  const feeds = renderFeeds(input({ section: '资讯' }));
  assert.deepEqual(readBack(feeds).json.ids, ['ribao:daily:a1b2c3d4e5f6']);
  const json = JSON.parse(feeds.json);
  assert.equal(json.title, 'AI 日报 · 资讯');
  assert.equal(json.feed_url, 'https://ribao.example/daily/section/%E8%B5%84%E8%AE%AF.json');
  assert.equal(json.home_page_url, 'https://ribao.example/daily/section/%E8%B5%84%E8%AE%AF.html');
  assert.match(
    feeds.rss,
    /<atom:link href="https:\/\/ribao.example\/daily\/section\/%E8%B5%84%E8%AE%AF.xml" rel="self"/,
  );
  assert.match(feeds.atom, /<id>ribao:daily:section:%E8%B5%84%E8%AE%AF<\/id>/);
});

test('hostile text: well-formed XML, no illegal characters, inert HTML, titles read back as written', () => {
  const feeds = renderFeeds(
    input({ editions: [hostileEdition()], publication: { ...publication, title: 'A <b> & ]]> \u0001' } }),
  );
  for (const doc of [feeds.rss, feeds.atom]) {
    assert.equal(XMLValidator.validate(doc), true);
    assert.doesNotMatch(doc, /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u, 'not XML 1.0 text');
    assert.doesNotMatch(doc, /<!\[CDATA\[/);
  }
  assert.doesNotMatch(feeds.json, /\\u000[0-8]|\\ufffe/i);
  const parsed = readBack(feeds);
  const title = '<script>alert("t")</script> & ]]> "引号" \'单\' 😀 中文';
  for (const format of [parsed.rss, parsed.atom, parsed.json]) {
    assert.deepEqual(format.titles, [title, '正常条目：Tom & Jerry < 2 > 1']);
    for (const html of format.contents) assert.deepEqual(unsafeParts(html), [], html);
  }
  const item = JSON.parse(feeds.json).items[0];
  assert.equal(item.external_url, undefined, 'a javascript: source URL is not published');
  assert.equal(item.image, undefined, 'a data: image is not published');
  assert.doesNotMatch(item.content_html, /原文链接|lang=/);
});

test('edition days begin in the configured zone; bad zones and dates are named', () => {
  assert.equal(dayStart('2026-11-22', 'Asia/Shanghai').toISOString(), '2026-11-21T16:00:00.000Z');
  assert.equal(dayStart('2026-11-22', 'UTC').toISOString(), '2026-11-22T00:00:00.000Z');
  assert.equal(dayStart('2026-07-01', 'America/New_York').toISOString(), '2026-07-01T04:00:00.000Z');
  assert.throws(() => dayStart('2026-11-22', 'Mars/Olympus'), /time zone "Mars\/Olympus"/);
  assert.throws(() => dayStart('22/11/2026', 'UTC'), /edition date "22\/11\/2026"/);
});

test('XML escaping: markup characters escaped, illegal characters dropped, astral characters kept', () => {
  assert.equal(escapeXmlText('a<b>&]]>\u0000\u0008\ufffe\ud800😀中'), 'a&lt;b&gt;&amp;]]&gt;😀中');
  assert.equal(escapeXmlAttribute(`"x" 'y'\n<`), '&quot;x&quot; &apos;y&apos;&#10;&lt;');
});
