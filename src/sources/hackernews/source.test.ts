// Tests of the `hackernews` descriptor and collect() against a node:http server on 127.0.0.1 serving our
// recorded Firebase and Algolia responses (testdata/): lists, search window, dedupe, failures, hostile items.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SourceError } from '../../errors.ts';
import type { CollectContext } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { ITEM_CONCURRENCY, searchWindow } from './collect.ts';
import source from './source.ts';

const collect = source.collect;
assert.ok(collect);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const items = JSON.parse(fixture('items.json')) as Record<string, unknown>;

/** Firebase scenarios by the first path segment of apiBase; each answers lists and items its own way. */
const lists: Record<string, Record<string, { status?: number; body: string }>> = {
  v0: { top: { body: fixture('topstories.json') }, best: { body: fixture('beststories.json') } },
  empty: { top: { body: '[]' }, best: { body: '[]' } },
  broken: {
    top: { body: fixture('topstories-truncated.json') },
    best: { body: fixture('beststories.json') },
  },
  html: { top: { body: '<!doctype html><h1>502 Bad Gateway</h1>' } },
  shape: { top: { body: '{"error": "Permission denied"}' } },
  down: { top: { status: 500, body: '' }, best: { status: 503, body: '' } },
  itemsdown: { top: { body: '[44210001, 44210002]' } },
  slow: { top: { body: JSON.stringify(Array.from({ length: 12 }, (_, i) => 44210001 + (i % 3) + i * 10)) } },
};

const searches: Record<string, { status?: number; body: string }> = {
  LLM: { body: fixture('search-llm.json') },
  zzzz: { body: fixture('search-empty.json') },
  broken: { body: '{"hits": [{"objectID": "1"' },
  down: { status: 500, body: '{"message": "internal error"}' },
};

let server: Server;
let origin = '';
let requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const reply = (route: { status?: number; body: string } | undefined) =>
      route
        ? void response.writeHead(route.status ?? 200, { 'content-type': 'application/json' }).end(route.body)
        : void response.writeHead(404).end('{"error": "not found"}');
    if (url.pathname === '/api/v1/search') return reply(searches[url.searchParams.get('query') ?? '']);
    const [, scenario = '', ...rest] = url.pathname.split('/');
    const list = /^(top|best)stories\.json$/.exec(rest.join('/'));
    if (list) return reply(lists[scenario]?.[list[1] ?? '']);
    const item = /^item\/(\d+)\.json$/.exec(rest.join('/'));
    if (!item || !(scenario in lists)) return reply(undefined);
    if (scenario === 'itemsdown') return reply({ status: 500, body: '' });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (scenario === 'slow') await sleep(30);
    inFlight--;
    const id = item[1] ?? '';
    reply(id in items ? { body: JSON.stringify(items[id]) } : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function context(log: string[] = []): CollectContext {
  const record = (level: string) => (message: string) => void log.push(`${level} ${message}`);
  return {
    sourceId: 'hn',
    date: '2025-06-10',
    http: fetchHttp,
    log: { info: record('info'), warn: record('warn'), debug: record('debug') },
    state: memoryState(),
  };
}

const settings = (scenario: string, own: Record<string, unknown> = {}) =>
  source.config.parse({ apiBase: `${origin}/${scenario}`, searchBase: `${origin}/api/v1`, ...own });

test('the descriptor: kind hackernews, defaults, the example is valid, bad configs refused', () => {
  assert.equal(source.kind, 'hackernews');
  assert.deepEqual(source.config.parse({}), {
    apiBase: 'https://hacker-news.firebaseio.com/v0',
    searchBase: 'https://hn.algolia.com/api/v1',
    lists: ['top'],
    limit: 30,
    keywords: [],
    minPoints: 0,
  });
  const { id: _id, kind, ...own } = source.example;
  assert.equal(kind, 'hackernews');
  assert.doesNotThrow(() => source.config.parse(own));
  for (const bad of [
    { lists: ['new'] },
    { lists: [] },
    { limit: 0 },
    { limit: 501 },
    { keywords: [''] },
    { minPoints: -1 },
    { apiBase: 'javascript:alert(1)' },
    { list: ['top'] },
  ]) {
    assert.equal(source.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.equal(source.config.safeParse({ lists: [], keywords: ['LLM'] }).success, true);
});

test('the search window is the 24 hours before the edition day ends (UTC)', () => {
  assert.deepEqual(searchWindow('2025-06-10'), { from: 1749513600, to: 1749600000 });
  assert.equal(new Date(searchWindow('2025-06-10').from * 1000).toISOString(), '2025-06-10T00:00:00.000Z');
});

test('collect(): top and best lists and a keyword search, deduplicated by id, skips explained', async () => {
  requests = [];
  const log: string[] = [];
  const result = await collect(
    context(log),
    settings('v0', { lists: ['top', 'best'], keywords: ['LLM'], limit: 30 }),
  );
  assert.deepEqual(
    result.map((item) => [item.externalId, item.kind]),
    [
      ['hn:44210001', 'article'],
      ['hn:44210002', 'post'],
      ['hn:44210003', 'article'],
      ['hn:44210009', 'article'],
      ['hn:44199999', 'article'],
      ['hn:44211111', 'article'],
      ['hn:44212222', 'post'],
    ],
  );
  const byId = new Map(result.map((item) => [item.externalId, item]));
  // On both lists and found by the search: one item, the Firebase data, every listing kept.
  assert.deepEqual(byId.get('hn:44210001')?.extra, {
    discussion: 'https://news.ycombinator.com/item?id=44210001',
    hnId: 44210001,
    lists: ['top', 'best'],
    keywords: ['LLM'],
  });
  assert.deepEqual(byId.get('hn:44210001')?.metrics, { points: 512, comments: 231 });
  assert.equal(
    byId.get('hn:44212222')?.summary,
    'Is anyone running LLM inference on a Raspberry Pi 5 & getting >5 tok/s?',
  );
  assert.equal(byId.get('hn:44212222')?.url, 'https://news.ycombinator.com/item?id=44212222');
  assert.equal(requests.filter((r) => r === '/v0/item/44210001.json').length, 1, 'each item fetched once');
  const search = requests.find((r) => r.startsWith('/api/v1/search'));
  assert.ok(search);
  const params = new URL(search, origin).searchParams;
  assert.equal(params.get('query'), 'LLM');
  assert.equal(params.get('tags'), 'story');
  assert.equal(params.get('numericFilters'), 'created_at_i>=1749513600,created_at_i<1749600000');
  assert.equal(params.get('hitsPerPage'), '30');
  const lines = log.join('\n');
  assert.match(
    lines,
    /warn hn: skipped story 44210010 links "javascript:alert\(document\.cookie\)", not an http\(s\) URL/,
  );
  assert.match(lines, /warn hn: skipped .*item\/44210012\.json answered item 44210099/);
  assert.match(lines, /warn hn: skipped .*hit \[3\]\.objectID: is not an item id/);
  assert.match(lines, /debug hn: skipped item 44210004 is a job, not a story/);
  assert.match(lines, /debug hn: skipped item 44210005 is dead/);
  assert.match(lines, /debug hn: skipped item 44210006 is deleted/);
  assert.match(lines, /debug hn: skipped item 44210007 does not exist/);
  assert.match(lines, /debug hn: skipped item 44210011 is a poll, not a story/);
  assert.match(lines, /warn hn: skipped .*item\/44210013\.json: HTTP 404/);
  assert.doesNotMatch(result.map((item) => item.url).join(' '), /javascript:/);
});

test('collect(): limit takes the first ids of each list; minPoints drops the small ones', async () => {
  requests = [];
  const top3 = await collect(context(), settings('v0', { limit: 3 }));
  assert.deepEqual(
    top3.map((item) => item.externalId),
    ['hn:44210001', 'hn:44210002', 'hn:44210003'],
  );
  assert.deepEqual(
    requests.filter((r) => r.includes('/item/')),
    ['/v0/item/44210001.json', '/v0/item/44210002.json', '/v0/item/44210003.json'],
  );
  const popular = await collect(
    context(),
    settings('v0', { lists: ['top'], keywords: ['LLM'], minPoints: 100 }),
  );
  assert.deepEqual(
    popular.map((item) => item.externalId),
    ['hn:44210001', 'hn:44210002', 'hn:44210003'],
  );
});

test('collect(): item requests run at most four at a time', async () => {
  maxInFlight = 0;
  const result = await collect(context(), settings('slow', { limit: 12 }));
  assert.ok(result.length > 0);
  assert.ok(maxInFlight <= ITEM_CONCURRENCY, `at most ${ITEM_CONCURRENCY} in flight, saw ${maxInFlight}`);
  assert.ok(maxInFlight > 1, 'items are fetched concurrently');
});

test('collect(): empty lists and an empty search are an empty result, not an error', async () => {
  const log: string[] = [];
  assert.deepEqual(
    await collect(context(log), settings('empty', { lists: ['top', 'best'], keywords: ['zzzz'] })),
    [],
  );
  assert.deepEqual(
    log.filter((line) => line.startsWith('warn')),
    [],
  );
  assert.deepEqual(await collect(context(), settings('empty', { lists: [], keywords: ['zzzz'] })), []);
});

test('collect(): a broken list or search is a warning while another one works', async () => {
  const log: string[] = [];
  const result = await collect(
    context(log),
    settings('broken', { lists: ['top', 'best'], keywords: ['broken', 'down'] }),
  );
  assert.deepEqual(
    result.map((item) => item.externalId),
    ['hn:44210003', 'hn:44199999', 'hn:44210001'],
  );
  const warnings = log.filter((line) => line.startsWith('warn')).join('\n');
  assert.match(
    warnings,
    /topstories\.json: the JSON ends early \(truncated response\?\).*; going on without it/,
  );
  assert.match(warnings, /search\?query=broken.*: the JSON ends early/);
  assert.match(warnings, /search\?query=down.*: HTTP 500; going on without it/);
});

test('collect(): when every list and search fails, or no listed item can be read, the source fails', async () => {
  const cases: [string, Record<string, unknown>, RegExp, RegExp][] = [
    ['down', { lists: ['top', 'best'] }, /^hn: every list and search failed$/, /topstories\.json: HTTP 500/],
    ['html', {}, /^hn: every list and search failed$/, /HTML, not JSON/],
    ['shape', {}, /^hn: every list and search failed$/, /expected an array of item ids, found an object/],
    ['down', { keywords: ['down'] }, /^hn: every list and search failed$/, /HTTP 500/],
  ];
  for (const [scenario, own, message, cause] of cases) {
    await assert.rejects(collect(context(), settings(scenario, own)), (error) => {
      assert.ok(error instanceof SourceError, scenario);
      assert.match(error.message, message);
      assert.match(String((error.cause as Error).message), cause);
      return true;
    });
  }
  await assert.rejects(
    collect(context(), settings('itemsdown')),
    /^SourceError: hn: none of the 2 listed stories could be fetched$/,
  );
});

test('collect(): the Firebase API out of reach fails the source with the cause', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(
    collect(context(), source.config.parse({ apiBase: `http://127.0.0.1:${port}/v0` })),
    (error) => {
      assert.ok(error instanceof SourceError);
      assert.match(String((error.cause as Error).message), /topstories\.json: request failed/);
      return true;
    },
  );
});
