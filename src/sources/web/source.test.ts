// The `web` descriptor: config, fetchPage() and collect() against a node:http server on 127.0.0.1
// serving our fixtures (a blog post, a 公众号 page, redirects, errors, non-HTML). No internet.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, Http, HttpGetOptions } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { authorsOf } from './adapt.ts';

import web, { fetchPage } from './source.ts';

const collect = web.collect;
assert.ok(collect);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

type Route = { status?: number; type?: string; body: string } | { redirect: string };
const routes: Record<string, Route> = {
  '/blog/sparse-attention-at-scale': { type: 'text/html; charset=utf-8', body: fixture('article.html') },
  '/s/wechat': { type: 'text/html', body: fixture('platforms/weixin.html') },
  '/old': { redirect: '/blog/sparse-attention-at-scale' },
  '/untyped': {
    body: '<html><head><title>No type</title></head><body><p>Served without a content type.</p></body></html>',
  },
  '/feed.json': { type: 'application/json', body: '{"items": []}' },
  '/paper.pdf': { type: 'application/pdf', body: '%PDF-1.7 binary' },
  '/untyped-binary': { body: '%PDF-1.7 binary' },
  '/empty': { type: 'text/html', body: '<html><body></body></html>' },
  '/gone': { status: 404, type: 'text/html', body: '<p>not here</p>' },
  '/broken': { status: 500, type: 'text/plain', body: 'oops' },
};

let server: Server;
let origin = '';

before(async () => {
  server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (!route) return void response.writeHead(404).end('not found');
    if ('redirect' in route) return void response.writeHead(301, { location: route.redirect }).end();
    const headers: Record<string, string> = route.type ? { 'content-type': route.type } : {};
    response.writeHead(route.status ?? 200, headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** fetchHttp, remembering the options each request was made with. */
function recordingHttp(): Http & { calls: { url: string; options: HttpGetOptions | undefined }[] } {
  const calls: { url: string; options: HttpGetOptions | undefined }[] = [];
  return {
    calls,
    get(url, options) {
      calls.push({ url, options });
      return fetchHttp.get(url, options);
    },
  };
}

/** Serves a public host from the loopback server, so the host's quirk applies as it would live. */
function servedAs(host: string): Http {
  return {
    async get(url, options) {
      const local = url.replace(`https://${host}`, origin);
      const response = await fetchHttp.get(local, options);
      return { ...response, url: response.url.replace(origin, `https://${host}`) };
    },
  };
}

function context(log: string[] = [], http: Http = fetchHttp): CollectContext {
  const record = (message: string) => void log.push(message);
  return {
    sourceId: 'lab-posts',
    date: '2025-06-04',
    http,
    log: { info: record, warn: record, debug: record },
    state: memoryState(),
  };
}

test('the descriptor: kind web, urls required and http(s) only, the example is valid', () => {
  assert.equal(web.kind, 'web');
  const { id: _id, kind: _kind, ...own } = web.example;
  assert.doesNotThrow(() => web.config.parse(own));
  for (const bad of [
    {},
    { urls: [] },
    { urls: ['ftp://x.example/a'] },
    { urls: ['not a url'] },
    { urls: ['https://a.example'], extra: 1 },
  ]) {
    assert.equal(web.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.deepEqual(web.config.parse({ urls: ['https://a.example/p'], lang: 'zh' }), {
    urls: ['https://a.example/p'],
    lang: 'zh',
  });
});

test('fetchPage(): a page fetch obeying robots.txt and asking for HTML, returned as an article item', async () => {
  const http = recordingHttp();
  const url = `${origin}/blog/sparse-attention-at-scale`;
  const item = await fetchPage(http, url);
  assert.deepEqual(http.calls[0]?.options, {
    robots: true,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  });
  assert.equal(item.externalId, url);
  assert.equal(item.kind, 'article');
  assert.equal(item.url, url);
  assert.equal(item.title, 'Sparse Attention at Scale');
  assert.equal(item.summary, 'How we trained a 7B model with block-sparse attention and kept quality.');
  assert.equal(item.lang, 'en');
  assert.deepEqual(item.authors, ['Ada Rivera', 'Lin Wei']);
  assert.equal(item.publishedAt, '2025-06-03T16:30:00.000Z');
  assert.equal(item.image, `${origin}/blog/images/cover.png`, 'og:image resolved against <base href>');
  assert.equal(item.extra?.siteName, 'Example Lab');
  assert.equal(item.extra?.canonical, 'https://lab.example.com/blog/sparse-attention-at-scale');
  assert.match(String(item.extra?.markdown), /```python\ndef block_mask/);
});

test('fetchPage(): after a redirect the item links to where the page was served; the id stays the asked URL', async () => {
  const item = await fetchPage(fetchHttp, `${origin}/old`);
  assert.equal(item.externalId, `${origin}/old`);
  assert.equal(item.url, `${origin}/blog/sparse-attention-at-scale`);
});

test('fetchPage(): a 公众号 page keeps its account, author, Beijing date, language guessed as zh', async () => {
  const wechat = servedAs('mp.weixin.qq.com');
  const item = await fetchPage(wechat, 'https://mp.weixin.qq.com/s/wechat');
  assert.equal(item.url, 'https://mp.weixin.qq.com/s/wechat');
  assert.equal(item.title, '开源多模态模型再进一步：从 LLaVA 到原生多模态');
  assert.equal(item.lang, 'zh');
  assert.deepEqual(item.authors, ['陈编辑']);
  assert.equal(item.extra?.siteName, 'AI前沿观察');
  assert.equal(item.publishedAt, '2024-03-05T02:21:00.000Z');
  assert.equal(item.image, 'https://mmbiz.qpic.cn/mmbiz_jpg/cover123/0?wx_fmt=jpeg');
  assert.doesNotMatch(String(item.extra?.markdown), /往期推荐|阅读原文/);
  assert.equal(
    (await fetchPage(wechat, 'https://mp.weixin.qq.com/s/wechat', { lang: 'en' })).lang,
    'en',
    'configured lang wins',
  );
});

test('fetchPage(): HTTP errors, non-HTML bodies and empty pages are InputErrors naming the URL', async () => {
  const cases: [string, RegExp][] = [
    ['/gone', /\/gone: answered HTTP 404$/],
    ['/broken', /\/broken: answered HTTP 500$/],
    ['/feed.json', /\/feed\.json: is application\/json, not an HTML page$/],
    ['/paper.pdf', /\/paper\.pdf: is application\/pdf, not an HTML page$/],
    ['/untyped-binary', /\/untyped-binary: is not markup, not an HTML page$/],
    ['/empty', /\/empty: has neither a title nor any article text$/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(fetchPage(fetchHttp, `${origin}${path}`), (error) => {
      assert.ok(error instanceof InputError, path);
      assert.equal(error.input, `${origin}${path}`);
      assert.match(error.message, message);
      return true;
    });
  }
  assert.equal(
    (await fetchPage(fetchHttp, `${origin}/untyped`)).title,
    'No type',
    'no content type, but markup',
  );
});

test('collect(): every configured page once, failures logged, the rest kept', async () => {
  const log: string[] = [];
  const settings = web.config.parse({
    urls: [
      `${origin}/blog/sparse-attention-at-scale`,
      `${origin}/gone`,
      `${origin}/s/wechat`,
      `${origin}/s/wechat`,
    ],
  });
  const items = await collect(context(log), settings);
  assert.deepEqual(
    items.map((item) => item.title),
    ['Sparse Attention at Scale', '开源多模态模型再进一步：从 LLaVA 到原生多模态'],
  );
  assert.ok(
    log.some((line) => /lab-posts: .*\/gone: answered HTTP 404/.test(line)),
    log.join('\n'),
  );
  assert.ok(
    log.some((line) => /2 of 3 pages extracted/.test(line)),
    log.join('\n'),
  );
});

test('collect(): when no page can be read it is a SourceError naming the source, with the first cause', async () => {
  const settings = web.config.parse({ urls: [`${origin}/gone`, `${origin}/paper.pdf`] });
  await assert.rejects(collect(context(), settings), (error) => {
    assert.ok(error instanceof SourceError);
    assert.equal(error.source, 'lab-posts');
    assert.match(error.message, /none of 2 pages could be read/);
    assert.ok(error.cause instanceof InputError);
    return true;
  });
});

test('authorsOf: bylines with prefixes and separators; a sentence-length byline names nobody', () => {
  assert.deepEqual(authorsOf('By Ada Rivera and Lin Wei'), ['Ada Rivera', 'Lin Wei']);
  assert.deepEqual(authorsOf('作者：张三、李四'), ['张三', '李四']);
  assert.deepEqual(authorsOf('Ada Rivera, Ada Rivera'), ['Ada Rivera']);
  assert.deepEqual(authorsOf(null), []);
  assert.deepEqual(authorsOf('x'.repeat(80)), []);
});
