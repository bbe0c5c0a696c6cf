// Our feeds read by an independent client: Debian's python3-feedparser parses the RSS and Atom files
// (no bozo, every entry, titles and dates as written, nothing executable), and the JSON Feed is checked
// against the 1.1 spec's rules with zod. Skips with a message when feedparser cannot be imported.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { Edition } from '../src/model/edition.ts';
import { type Feeds, renderFeeds } from '../src/render/feeds/feeds.ts';
import { hostileEdition, sampleEditions } from '../src/render/feeds/sample-editions.ts';
import { permalinks } from '../src/render/permalinks.ts';
import { unsafeParts } from '../src/render/sanitize-check.ts';

/** The first interpreter that can import feedparser (pyenv's python3 may shadow Debian's). */
const python = ['python3', '/usr/bin/python3'].find(
  (bin) => spawnSync(bin, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0,
);
const skip = !python && 'needs python3-feedparser (apt-get install python3-feedparser): not importable';

/** Reads each file with feedparser and prints what we compare, as ASCII JSON. */
const READ_FEEDS = `
import calendar, json, sys, feedparser
def detail(d):
    return {'type': d.get('type'), 'value': d.get('value')} if d else None
def when(t):
    return calendar.timegm(t) if t else None
out = []
for path in sys.argv[1:]:
    f = feedparser.parse(path)
    out.append({
        'bozo': int(f.bozo), 'error': str(f.get('bozo_exception', '')), 'version': f.version,
        'title': f.feed.get('title'),
        'self': [l.get('href') for l in f.feed.get('links', []) if l.get('rel') == 'self'],
        'entries': [{
            'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
            'summary': detail(e.get('summary_detail')),
            'content': [detail(c) for c in e.get('content', [])],
            'contributors': [c.get('name') for c in e.get('contributors', [])],
            'published': when(e.get('published_parsed')), 'updated': when(e.get('updated_parsed')),
        } for e in f.entries],
    })
print(json.dumps(out))
`;

interface ReadEntry {
  id: string;
  title: string;
  link: string;
  summary: { type: string; value: string } | null;
  content: { type: string; value: string }[];
  contributors: string[];
  published: number | null;
  updated: number | null;
}
interface ReadFeed {
  bozo: number;
  error: string;
  version: string;
  title: string;
  self: string[];
  entries: ReadEntry[];
}

function feedparser(feeds: Feeds): { rss: ReadFeed; atom: ReadFeed } {
  const dir = mkdtempSync(join(tmpdir(), 'ribao-feeds-'));
  try {
    writeFileSync(join(dir, 'feed.xml'), feeds.rss);
    writeFileSync(join(dir, 'atom.xml'), feeds.atom);
    const run = spawnSync(
      python as string,
      ['-c', READ_FEEDS, join(dir, 'feed.xml'), join(dir, 'atom.xml')],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, `feedparser failed: ${run.stderr}`);
    const [rss, atom] = JSON.parse(run.stdout) as ReadFeed[];
    assert.ok(rss && atom);
    return { rss, atom };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RFC3339 = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/, 'not RFC 3339')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real instant');
const Author = z
  .strictObject({ name: z.string().min(1).optional(), url: z.url().optional(), avatar: z.url().optional() })
  .refine((a) => a.name || a.url || a.avatar, 'an author needs a name, url or avatar');
const JsonFeedItem = z
  .strictObject({
    id: z.string().min(1),
    url: z.url().optional(),
    external_url: z.url().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.url().optional(),
    date_published: RFC3339.optional(),
    date_modified: RFC3339.optional(),
    authors: z.array(Author).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().min(2).optional(),
    _ribao: z
      .strictObject({ contributor: z.string().optional(), original_title: z.string().optional() })
      .optional(),
  })
  .refine(
    (i) => i.content_html !== undefined || i.content_text !== undefined,
    'content_html or content_text',
  );
/** JSON Feed 1.1: version URL, title and items required; ids unique strings. */
const JsonFeed = z
  .strictObject({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string().min(1),
    home_page_url: z.url().optional(),
    feed_url: z.url().optional(),
    description: z.string().optional(),
    language: z.string().min(2).optional(),
    authors: z.array(Author).optional(),
    items: z.array(JsonFeedItem),
  })
  .refine((f) => new Set(f.items.map((i) => i.id)).size === f.items.length, 'item ids must be unique');

const links = permalinks('https://ribao.example/');
const render = (editions: Edition[], title = 'AI 日报') =>
  renderFeeds({ publication: { name: 'daily', title, description: '日报 ]]> <i>x</i>' }, editions, links });

/** What we published, read with a plain XML parser and JSON.parse (before any client sanitizes). */
function ourHtml(feeds: Feeds): string[] {
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' || n === 'entry' });
  const rss = xml.parse(feeds.rss).rss.channel.item as Record<string, string>[];
  const atom = xml.parse(feeds.atom).feed.entry as { content: { '#text': string } }[];
  const json = JSON.parse(feeds.json).items as { content_html: string }[];
  return [
    ...rss.flatMap((i) => [i['content:encoded'] as string, i.description as string]),
    ...atom.map((e) => e.content['#text']),
    ...json.map((i) => i.content_html),
  ];
}

function checkWithFeedparser(feeds: Feeds, count: number): void {
  const json = JsonFeed.parse(JSON.parse(feeds.json));
  assert.equal(json.items.length, count);
  const read = feedparser(feeds);
  for (const [format, feed] of Object.entries(read)) {
    assert.equal(feed.bozo, 0, `${format}: feedparser says ${feed.error}`);
    assert.equal(feed.entries.length, count, format);
    assert.deepEqual(
      feed.entries.map((e) => [e.id, e.title, e.link]),
      json.items.map((i) => [i.id, i.title, i.url]),
      `${format}: ids, titles and links read back as written`,
    );
    for (const [n, entry] of feed.entries.entries()) {
      const item = json.items[n];
      assert.equal(entry.published, Date.parse(item?.date_published ?? '') / 1000, `${format} published`);
      assert.deepEqual(entry.contributors, item?._ribao?.contributor ? [item._ribao.contributor] : []);
      for (const d of [entry.summary, ...entry.content]) {
        if (d?.type === 'text/html') assert.deepEqual(unsafeParts(d.value), [], `${format}: ${d.value}`);
      }
    }
  }
  assert.equal(read.rss.version, 'rss20');
  assert.equal(read.atom.version, 'atom10');
  assert.deepEqual(read.rss.self, [json.feed_url?.replace('feed.json', 'feed.xml')]);
  assert.deepEqual(
    read.atom.entries.map((e) => e.updated),
    json.items.map((i) => Date.parse(i.date_modified ?? '') / 1000),
  );
}

test('feedparser reads the sample editions exactly: ids, titles, links, dates, contributors', {
  skip,
}, () => {
  checkWithFeedparser(render(sampleEditions()), 3);
});

test('feedparser reads a hostile edition without bozo, and nothing executable is in it', { skip }, () => {
  const feeds = render([hostileEdition()], '日报 <script>alert(1)</script> \u0001 ]]>');
  for (const html of ourHtml(feeds)) assert.deepEqual(unsafeParts(html), [], html);
  checkWithFeedparser(feeds, 2);
  const read = feedparser(feeds);
  assert.equal(read.atom.title, '日报 <script>alert(1)</script> ]]>');
  assert.equal(read.atom.entries[0]?.title, '<script>alert("t")</script> & ]]> "引号" \'单\' 😀 中文');
  assert.deepEqual(read.atom.entries[0]?.contributors, ['<img src=x onerror=alert(1)>@坏人']);
});

test('the JSON Feed checks refuse what the spec forbids', () => {
  const good = JSON.parse(render(sampleEditions()).json);
  assert.equal(JsonFeed.safeParse(good).success, true);
  const broken = [
    { ...good, version: 'https://jsonfeed.org/version/1' },
    { ...good, title: undefined },
    { ...good, items: [{ ...good.items[0], id: 42 }] },
    { ...good, items: [{ ...good.items[0], content_html: undefined }] },
    { ...good, items: [{ ...good.items[0], date_modified: 'Sun, 22 Nov 2026 00:00:00 GMT' }] },
    { ...good, items: [good.items[0], good.items[0]] },
  ];
  for (const feed of broken)
    assert.equal(JsonFeed.safeParse(feed).success, false, JSON.stringify(feed).slice(0, 120));
});
