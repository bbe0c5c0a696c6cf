// Tests of the `feed` descriptor: its config schema, its import format, and collect() against a real
// node:http server on 127.0.0.1 with a minimal ctx.http built on global fetch. No internet.

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

const routes: Record<string, { status?: number; type: string; body: string } | { redirect: string }> = {
  '/blog/rss.xml': { type: 'application/rss+xml; charset=utf-8', body: fixture('rss2.xml') },
  '/old-feed': { redirect: '/site/feed.xml' },
  '/site/feed.xml': {
    type: 'application/xml',
    body: '<rss version="2.0"><channel><title>No link</title><item><title>Rel</title><link>posts/1</link></item></channel></rss>',
  },
  '/page': { type: 'text/html', body: fixture('bad/page.html') },
  '/down': { status: 503, type: 'text/plain', body: 'try later' },
};

let server: Server;
let origin = '';
const requests: { url: string; accept: string }[] = [];

before(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', accept: request.headers.accept ?? '' });
    const route = routes[request.url ?? ''];
    if (!route) return void response.writeHead(404).end('not found');
    if ('redirect' in route) return void response.writeHead(301, { location: route.redirect }).end();
    response.writeHead(route.status ?? 200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const http = fetchHttp;

function context(log: string[] = []): CollectContext {
  const record = (message: string) => void log.push(message);
  return {
    sourceId: 'lab-blog',
    date: '2025-11-22',
    http,
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
  ]) {
    assert.equal(source.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.deepEqual(source.config.parse({ url: 'https://x.example/f', itemKind: 'post', lang: 'zh' }), {
    url: 'https://x.example/f',
    itemKind: 'post',
    lang: 'zh',
  });
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
