// Tests of the `feed` descriptor: its config schema, its import format, and collect() against a real
// node:http server on 127.0.0.1 with a minimal ctx.http built on global fetch: RSSHub routes on a
// loopback base, conditional GET (ETag → 304), warnings and empty feeds. No internet.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, Http } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import source from './source.ts';

const collect = source.collect;
assert.ok(collect);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

type Route = { status?: number; type: string; body: string; etag?: string } | { redirect: string };
const routes: Record<string, Route> = {
  '/blog/rss.xml': { type: 'application/rss+xml; charset=utf-8', body: fixture('rss2.xml') },
  '/old-feed': { redirect: '/site/feed.xml' },
  '/site/feed.xml': {
    type: 'application/xml',
    body: '<rss version="2.0"><channel><title>No link</title><item><title>Rel</title><link>posts/1</link></item></channel></rss>',
  },
  '/page': { type: 'text/html', body: fixture('bad/page.html') },
  '/down': { status: 503, type: 'text/plain', body: 'try later' },
  '/zhihu/hotlist': { type: 'application/xml; charset=utf-8', body: fixture('rsshub-zhihu.xml') },
  '/hub/zhihu/hotlist': { type: 'application/xml; charset=utf-8', body: fixture('rsshub-zhihu.xml') },
  '/etag/feed.xml': { type: 'application/rss+xml', body: fixture('rss2.xml'), etag: '"v1"' },
  '/empty.xml': {
    type: 'application/rss+xml',
    body: '<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
  },
  '/plain.xml': { type: 'text/plain', body: fixture('rss2.xml') },
};

let server: Server;
let origin = '';
const requests: { url: string; accept: string; ifNoneMatch?: string }[] = [];

before(async () => {
  server = createServer((request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push({ url: request.url ?? '', accept: request.headers.accept ?? '', ifNoneMatch });
    const route = routes[request.url ?? ''];
    if (!route) return void response.writeHead(404).end('not found');
    if ('redirect' in route) return void response.writeHead(301, { location: route.redirect }).end();
    if (route.etag && ifNoneMatch === route.etag)
      return void response.writeHead(304, { etag: route.etag }).end();
    const etag = route.etag ? { etag: route.etag } : {};
    response.writeHead(route.status ?? 200, { 'content-type': route.type, ...etag }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const http = fetchHttp;

/** fetchHttp plus the HTTP layer's conditional GET: remembers ETags, sends If-None-Match, reports 304. */
function conditionalHttp(seen: { conditional?: boolean }[]): Http {
  const etags = new Map<string, string>();
  return {
    async get(url, options = {}) {
      seen.push({ conditional: options.conditional });
      const stored = options.conditional ? etags.get(url) : undefined;
      const headers = { ...options.headers, ...(stored ? { 'if-none-match': stored } : {}) };
      const response = await fetchHttp.get(url, { ...options, headers });
      const etag = response.headers.get('etag');
      if (options.conditional && etag && response.status === 200) etags.set(url, etag);
      return { ...response, notModified: response.status === 304 };
    },
  };
}

function context(log: string[] = [], client: Http = http): CollectContext {
  const record = (message: string) => void log.push(message);
  return {
    sourceId: 'lab-blog',
    date: '2025-11-22',
    http: client,
    log: { info: record, warn: record, debug: record },
    state: memoryState(),
  };
}

test('the descriptor: kind feed, sniffed after hf-daily and arxiv-atom, one import format', () => {
  assert.equal(source.kind, 'feed');
  assert.equal(source.sniffOrder, 30);
  assert.deepEqual(
    source.formats?.map((format) => format.name),
    ['feed'],
  );
  assert.deepEqual(source.config.parse({ url: 'https://openai.com/news/rss.xml' }), {
    url: 'https://openai.com/news/rss.xml',
    rsshub: 'https://rsshub.app',
    itemKind: 'article',
  });
  const { id: _id, kind: _kind, ...own } = source.example;
  assert.doesNotThrow(() => source.config.parse(own), 'the example is a valid configuration');
});

test('config: url is required and must be http(s); itemKind is article or post; lang optional', () => {
  for (const bad of [
    {},
    { url: 'ftp://x.example/feed' },
    { url: 'not a url' },
    { url: 'https://x.example', itemKind: 'paper' },
    { url: 'rsshub:zhihu/hotlist' },
    { url: 'rsshub://evil.example/x' },
    { url: 'rsshub:/zhihu/../../admin' },
    { url: 'rsshub:/a', rsshub: 'file:///etc' },
  ]) {
    assert.equal(source.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.deepEqual(source.config.parse({ url: 'https://x.example/f', itemKind: 'post', lang: 'zh' }), {
    url: 'https://x.example/f',
    rsshub: 'https://rsshub.app',
    itemKind: 'post',
    lang: 'zh',
  });
  assert.equal(source.config.parse({ url: 'rsshub:/zhihu/hotlist' }).url, 'rsshub:/zhihu/hotlist');
});

test('collect() fetches the feed, asks for feed types, adapts, and reports skipped entries', async () => {
  const log: string[] = [];
  const items = await collect(context(log), source.config.parse({ url: `${origin}/blog/rss.xml` }));
  assert.equal(items.length, 4);
  assert.equal(items[0]?.url, 'https://lab.example.com/blog/slr-explained');
  assert.equal(items[1]?.lang, 'zh');
  assert.match(requests.find((r) => r.url === '/blog/rss.xml')?.accept ?? '', /application\/rss\+xml/);
  assert.ok(
    log.some((line) => /skipped 1 entries with neither title nor link/.test(line)),
    log.join('\n'),
  );
});

test('collect(): relative links resolve against the final URL after a redirect; itemKind post', async () => {
  const settings = source.config.parse({ url: `${origin}/old-feed`, itemKind: 'post' });
  const [item] = await collect(context(), settings);
  assert.equal(item?.url, `${origin}/site/posts/1`);
  assert.equal(item?.kind, 'post');
});

test('collect(): an HTML page or an HTTP error is a SourceError naming the source', async () => {
  await assert.rejects(collect(context(), source.config.parse({ url: `${origin}/page` })), (error) => {
    assert.ok(error instanceof SourceError);
    assert.equal(error.source, 'lab-blog');
    assert.ok(error.cause instanceof InputError);
    assert.match(error.cause.message, /is an HTML page, not a feed/);
    return true;
  });
  await assert.rejects(
    collect(context(), source.config.parse({ url: `${origin}/down` })),
    /lab-blog: .*answered HTTP 503/,
  );
});

test('import format: parse() resolves against an http origin, and names a file origin in errors', () => {
  const format = source.formats?.[0];
  assert.ok(format);
  const text =
    '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/a</link></item></channel></rss>';
  assert.equal(format.parse(text, 'https://s.example/feed.xml')[0]?.url, 'https://s.example/a');
  assert.throws(() => format.parse('', 'saved/feed.xml'), /^InputError: saved\/feed\.xml: is empty/);
});

test('collect(): rsshub:/route resolves on the configured RSSHub base, also one with a path', async () => {
  for (const base of [origin, `${origin}/hub/`]) {
    const settings = source.config.parse({ url: 'rsshub:/zhihu/hotlist', rsshub: base });
    const items = await collect(context(), settings);
    assert.equal(items.length, 2, base);
    assert.equal(items[0]?.title, '如何看待大模型在长上下文推理上的新进展？');
    assert.equal(items[0]?.url, 'https://www.zhihu.com/question/700000001');
    assert.equal(items[0]?.lang, 'zh');
    assert.equal(items[0]?.publishedAt, '2025-11-22T02:00:00.000Z');
  }
  assert.ok(requests.some((r) => r.url === '/hub/zhihu/hotlist'));
});

test('collect(): conditional GET; an unchanged feed (304) gives no items and says so', async () => {
  const seen: { conditional?: boolean }[] = [];
  const client = conditionalHttp(seen);
  const settings = source.config.parse({ url: `${origin}/etag/feed.xml` });
  assert.equal((await collect(context([], client), settings)).length, 4);
  const log: string[] = [];
  assert.deepEqual(await collect(context(log, client), settings), []);
  assert.deepEqual(seen, [{ conditional: true }, { conditional: true }]);
  assert.equal(requests.filter((r) => r.url === '/etag/feed.xml').at(-1)?.ifNoneMatch, '"v1"');
  assert.ok(
    log.some((line) => /lab-blog: .*\/etag\/feed\.xml not modified since the last fetch/.test(line)),
    log.join('\n'),
  );
});

test('collect(): an empty feed and a feed served as text/plain are read, with warnings', async () => {
  const log: string[] = [];
  assert.deepEqual(await collect(context(log), source.config.parse({ url: `${origin}/empty.xml` })), []);
  assert.ok(
    log.some((line) => /empty\.xml has no entries/.test(line)),
    log.join('\n'),
  );
  const plain: string[] = [];
  assert.equal(
    (await collect(context(plain), source.config.parse({ url: `${origin}/plain.xml` }))).length,
    4,
  );
  assert.ok(
    plain.some((line) => /plain\.xml was served as text\/plain, not as a feed type/.test(line)),
    plain.join('\n'),
  );
});
