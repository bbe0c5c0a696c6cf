// Tests of parse + adapt on our own fixtures (testdata/): RSS 2.0 with relative links and a Chinese
// item, Atom 1.0 with xml:base, JSON Feed 1.1, RSS 1.0 (RDF). Bad inputs are in parse.test.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { guessLanguage } from '../../text/language.ts';
import { adaptFeed } from './adapt.ts';
import { parseFeedText } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const adaptFixture = (name: string, options = {}) => adaptFeed(parseFeedText(fixture(name), name), options);

test('RSS 2.0: relative link against the channel link, HTML reduced, first <img> as image', () => {
  const { items, skipped } = adaptFixture('rss2.xml');
  assert.equal(skipped, 1, 'the entry with neither title nor link');
  assert.equal(items.length, 4);
  assert.deepEqual(items[0], {
    externalId: 'lab-2611-slr',
    kind: 'article',
    url: 'https://lab.example.com/blog/slr-explained',
    title: 'Sparse Lattice Routing, explained',
    summary:
      'Long-context inference is bound by attention & its quadratic cost. SLR cuts memory by 41% — see the code.',
    lang: 'en',
    authors: ['Lin Yi'],
    publishedAt: '2025-11-22T01:30:00.000Z',
    image: 'https://lab.example.com/img/slr-cover.png',
    contributor: null,
  });
});

test('RSS 2.0: a Chinese item is guessed zh; media:thumbnail before enclosure; "email (Name)" author', () => {
  const chinese = adaptFixture('rss2.xml').items[1];
  assert.equal(chinese?.lang, 'zh');
  assert.equal(chinese?.title, '稀疏格点路由：长上下文推理的新思路');
  assert.equal(chinese?.summary.startsWith('这篇文章解释了稀疏格点路由'), true);
  assert.doesNotMatch(chinese?.summary ?? '', /[<>]/);
  assert.equal(chinese?.image, 'https://cdn.example.com/slr-zh.jpg');
  assert.deepEqual(chinese?.authors, ['陈二']);
  assert.equal(chinese?.externalId, 'https://lab.example.com/zh/slr', 'no guid: the link is the id');
});

test('RSS 2.0: an unreadable date keeps the item with publishedAt null; no guid and no link: a hash id', () => {
  const [, , oddDate, titleOnly] = adaptFixture('rss2.xml').items;
  assert.equal(oddDate?.title, 'A post with a date nobody can read');
  assert.equal(oddDate?.publishedAt, null);
  assert.equal(titleOnly?.url, '');
  assert.match(titleOnly?.externalId ?? '', /^sha256:[0-9a-f]{32}$/);
  assert.equal(adaptFixture('rss2.xml').items[3]?.externalId, titleOnly?.externalId, 'stable across runs');
});

test('configured kind and language win over the feed', () => {
  const { items } = adaptFixture('rss2.xml', { kind: 'post', lang: 'en' });
  assert.deepEqual(new Set(items.map((item) => item.kind)), new Set(['post']));
  assert.equal(items[1]?.lang, 'en');
});

test('Atom 1.0: xml:base on feed and entry, html title, text summary, inherited author', () => {
  const { items, skipped } = adaptFixture('atom.xml');
  assert.equal(skipped, 0);
  const [first, second] = items;
  assert.equal(
    first?.url,
    'https://research.example.org/news/2025/long-context-benchmarks',
    'alternate, not self',
  );
  assert.equal(first?.title, 'Benchmarks for long context & memory');
  assert.equal(first?.summary, 'A text summary with 3 < 4 kept as text.');
  assert.equal(first?.lang, 'en', 'xml:lang="en-US" → en');
  assert.deepEqual(first?.authors, ['Ada Example', 'Grace Example']);
  assert.equal(first?.publishedAt, '2025-11-22T13:15:00.000Z', 'published before updated');
  assert.equal(first?.image, 'https://research.example.org/news/2025/figures/fig1.png');
  assert.equal(first?.externalId, 'tag:research.example.org,2025:news/42');
  assert.equal(second?.url, 'https://research.example.org/archive/41');
  assert.equal(second?.summary, 'Written in HTML.');
  assert.deepEqual(second?.authors, ['Newsroom']);
  assert.equal(second?.publishedAt, '2025-11-21T00:00:00.000Z', 'updated when there is no published');
  assert.equal(second?.image, 'https://research.example.org/news/thumbs/41.png');
});

test('JSON Feed 1.1: language, authors, images, external_url, a missing title', () => {
  const [model, english, untitled] = adaptFixture('feed.json').items;
  assert.deepEqual(model, {
    externalId: '2025-11-22-model',
    kind: 'article',
    url: 'https://tracker.example.cn/p/2025-11-22-model',
    title: '某实验室发布新的开源视觉语言模型',
    summary: '该模型在多个基准上超过了同规模模型。',
    lang: 'zh',
    authors: ['林一'],
    publishedAt: '2025-11-22T01:00:00.000Z',
    image: 'https://tracker.example.cn/banner.png',
    contributor: null,
    extra: { categories: ['模型', '开源'] },
  });
  assert.equal(english?.lang, 'en', "the item's language wins over the feed's");
  assert.deepEqual(english?.authors, ['编辑部'], 'feed authors inherited');
  assert.equal(english?.publishedAt, '2025-11-21T10:00:00.000Z', 'date_modified as a last resort');
  assert.equal(untitled?.url, 'https://elsewhere.example.com/story');
  assert.equal(untitled?.summary, '没有标题，只有 HTML：正文的开头充当标题。');
  assert.equal(untitled?.title, untitled?.summary, 'the start of the text stands in for a title');
  assert.equal(untitled?.image, 'https://tracker.example.cn/pic.png', 'resolved against home_page_url');
});

test('RSS 1.0 (RDF): dc:creator, dc:date, dc:language', () => {
  const [item] = adaptFixture('rss1.rdf').items;
  assert.equal(item?.url, 'https://journal.example.net/a/1');
  assert.deepEqual(item?.authors, ['Lin, Y.']);
  assert.equal(item?.publishedAt, '2025-11-20T12:00:00.000Z');
  assert.equal(item?.lang, 'en');
});

test('relative links without any base are dropped, never emitted relative', () => {
  const text =
    '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/a</link></item></channel></rss>';
  const [item] = adaptFeed(parseFeedText(text, 'bare.xml')).items;
  assert.equal(item?.url, '');
  assert.equal(
    adaptFeed(parseFeedText(text, 'x'), { documentUrl: 'https://s.example/feed' }).items[0]?.url,
    'https://s.example/a',
  );
});

test('language guess: zh only when most letters are Han', () => {
  assert.equal(guessLanguage('大语言模型的长上下文推理'), 'zh');
  assert.equal(guessLanguage('Sparse routing for 长上下文'), 'en');
  assert.equal(guessLanguage(''), 'en');
});

test('nested xml:base: the feed against the document, the entry against the feed, content against the entry', () => {
  const text = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
    <title type="html">Lab &amp;amp; friends</title><link href="./"/>
    <entry xml:base="2025/">
      <title>Nested</title><id>tag:x,2025:1</id><link href="post.html"/>
      <content type="html" xml:base="media/">&lt;p&gt;Hi&lt;img src="fig.png"&gt;&lt;/p&gt;</content>
    </entry>
    <entry><title>Enclosure</title><link href="/other"/><link rel="enclosure" type="image/png" href="img/e.png"/></entry>
  </feed>`;
  const { feed, items } = adaptFeed(parseFeedText(text, 'x'), {
    documentUrl: 'https://lab.example/feeds/atom.xml',
  });
  assert.deepEqual(feed, { title: 'Lab & friends', link: 'https://lab.example/blog/' });
  assert.equal(items[0]?.url, 'https://lab.example/blog/2025/post.html');
  assert.equal(items[0]?.image, 'https://lab.example/blog/2025/media/fig.png');
  assert.equal(items[1]?.url, 'https://lab.example/other');
  assert.equal(items[1]?.image, 'https://lab.example/blog/img/e.png');
});

test('RSS: enclosures and links resolve against the channel link, else the fetch URL; never javascript:', () => {
  const rss = (channelLink: string) => `<rss version="2.0"><channel><title>t</title>${channelLink}
    <item><title>a</title><link>posts/1</link><enclosure url="/i/1.jpg" type="image/jpeg" length="1"/></item>
    <item><title>b</title><link>javascript:alert(1)</link><enclosure url="javascript:alert(2)" type="image/png" length="1"/></item>
  </channel></rss>`;
  const fromSite = adaptFeed(parseFeedText(rss('<link>https://site.example/news/</link>'), 'x'), {
    documentUrl: 'https://feeds.example/site',
  }).items;
  assert.equal(fromSite[0]?.url, 'https://site.example/news/posts/1');
  assert.equal(fromSite[0]?.image, 'https://site.example/i/1.jpg');
  assert.equal(fromSite[1]?.url, '');
  assert.equal(fromSite[1]?.image, null);
  const fromFetch = adaptFeed(parseFeedText(rss(''), 'x'), {
    documentUrl: 'https://feeds.example/site/rss',
  }).items;
  assert.equal(fromFetch[0]?.url, 'https://feeds.example/site/posts/1');
  const fromFile = adaptFeed(parseFeedText(rss(''), 'x'), { documentUrl: 'saved/feed.xml' }).items;
  assert.equal(fromFile[0]?.url, '', 'a file path is no base');
});

test('JSON Feed: relative item URLs and attachments resolve against home_page_url', () => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Notes',
    home_page_url: 'https://notes.example/en/',
    items: [{ id: '1', url: 'p/1', attachments: [{ url: '../img/1.webp', mime_type: 'image/webp' }] }],
  });
  const { feed, items } = adaptFeed(parseFeedText(json, 'x'));
  assert.deepEqual(feed, { title: 'Notes', link: 'https://notes.example/en/' });
  assert.equal(items[0]?.url, 'https://notes.example/en/p/1');
  assert.equal(items[0]?.image, 'https://notes.example/img/1.webp');
});

test('Atom text types: declared text stays literal; base64 media types and Atom 0.3 base64 mode decode', () => {
  const atom = (title: string) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>${title}</entry></feed>`;
  const read = (text: string) => adaptFeed(parseFeedText(text, 'x')).items[0]?.title;
  assert.equal(
    read(atom('<title type="text">History of the &lt;blink&gt; tag</title>')),
    'History of the <blink> tag',
  );
  assert.equal(read(atom('<title>Undeclared &lt;b&gt;bold&lt;/b&gt;</title>')), 'Undeclared bold');
  const encoded = Buffer.from('Example <b>Atom</b> 中文').toString('base64');
  assert.equal(read(atom(`<title type="application/octet-stream">${encoded}</title>`)), 'Example Atom 中文');
  const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title type="text/html" mode="base64">${encoded}</title></entry></feed>`;
  assert.equal(read(atom03), 'Example Atom 中文');
});

test('people as feeds write them, C1 controls as Windows-1252, a generator default language over Chinese', () => {
  const rss = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><language>en</language>
    <item><title>don\u0092t</title><link>https://x.example/1</link><author>ed@x.example (Ed Itor)</author>
      <dc:creator>Lin Yi (lin@x.example)</dc:creator></item>
    <item><title>稀疏格点路由：长上下文推理</title><link>https://x.example/2</link><dc:creator>陈二 &lt;chen@x.example&gt;</dc:creator></item>
  </channel></rss>`;
  const [english, chinese] = adaptFeed(parseFeedText(rss, 'x')).items;
  assert.equal(english?.title, 'don’t');
  assert.deepEqual(english?.authors, ['Ed Itor', 'Lin Yi']);
  assert.equal(english?.lang, 'en');
  assert.deepEqual(chinese?.authors, ['陈二']);
  assert.equal(chinese?.lang, 'zh', 'declared en, written in Chinese');
});

test('an xml:base that is no web address (javascript:, a file) is no base; the next one up is used', () => {
  const text = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)//">
    <entry xml:base="file:///etc/"><title>t</title><id>1</id><link href="a/b"/></entry></feed>`;
  const { feed, items } = adaptFeed(parseFeedText(text, 'x'), { documentUrl: 'https://safe.example/feed/' });
  assert.equal(feed.link, null);
  assert.equal(items[0]?.url, 'https://safe.example/feed/a/b');
});
