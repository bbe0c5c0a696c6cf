// Tests of the `digest` descriptor: config, import formats, and collect() against a real node:http server
// on 127.0.0.1 serving our fixtures (the edition day filled into the URL). No internet.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, Http, HttpGetOptions } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import digest, { fillDate } from './source.ts';

const collect = digest.collect;
assert.ok(collect);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

const routes: Record<string, { status?: number; type?: string; body: string }> = {
  '/friends/daily/main/2026-01-01.md': { body: fixture('messy-2026-01-01.md') },
  '/papers/2026/11/2026-11-22.md': { body: fixture('messy-papers-2026-11-22.md') },
  '/hostile/2025-11-22.md': { body: fixture('hostile.md') },
  '/empty/2025-11-22.md': { body: '# AI 日报（11月22日）\n\n# 资讯\n\n今天休刊。\n' },
  '/blob/2025-11-22.md': { type: 'text/html', body: '<!DOCTYPE html><html><body>GitHub page</body></html>' },
  '/down/2025-11-22.md': { status: 500, body: 'oops' },
};

let server: Server;
let origin = '';
const requests: { url: string; accept: string }[] = [];

before(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', accept: request.headers.accept ?? '' });
    const route = routes[request.url ?? ''];
    if (!route) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found');
    response
      .writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/plain; charset=utf-8' })
      .end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function context(date: string, log: string[] = [], http: Http = fetchHttp): CollectContext {
  const record = (message: string) => void log.push(message);
  return {
    sourceId: 'friends-daily',
    date,
    http,
    log: { info: record, warn: record, debug: record },
    state: memoryState(),
  };
}

const settings = (url: string, format?: string) =>
  digest.config.parse({ url, ...(format ? { format } : {}) });

test('the descriptor: kind digest, two import formats named after the templates, a valid example', () => {
  assert.equal(digest.kind, 'digest');
  assert.deepEqual(
    digest.formats?.map((format) => format.name),
    ['paper-digest', 'daily-report'],
  );
  const { id: _id, kind: _kind, ...own } = digest.example;
  assert.doesNotThrow(() => digest.config.parse(own), 'the example is a valid configuration');
});

test('config: url required, http(s), placeholders allowed; format auto by default', () => {
  assert.deepEqual(digest.config.parse({ url: 'https://raw.example/{year}/{date}.md' }), {
    url: 'https://raw.example/{year}/{date}.md',
    format: 'auto',
  });
  for (const bad of [
    {},
    { url: 'ftp://x.example/d.md' },
    { url: 'not a url' },
    { url: 'https://x.example/d.md', format: 'collection' },
    { url: 'https://x.example/d.md', lang: 'zh' },
  ]) {
    assert.equal(digest.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.equal(
    fillDate('https://r.example/{year}/{month}/{day}/{date}.md', '2026-01-09'),
    'https://r.example/2026/01/09/2026-01-09.md',
  );
});

test('collect() fills the edition day into the URL, asks for Markdown, and adapts every entry', async () => {
  const log: string[] = [];
  const items = await collect(context('2026-01-01', log), settings(`${origin}/friends/daily/main/{date}.md`));
  assert.equal(items.length, 9);
  assert.deepEqual(
    [items[0]?.listedOn, items[0]?.section, items[0]?.contributor, items[0]?.lang],
    ['2025-12-31', '研究', '林一', 'zh'],
    'the printed 12月31日 is the day before the edition day, not a year later',
  );
  assert.equal(items[5]?.kind, 'paper');
  assert.match(requests.find((r) => r.url.startsWith('/friends/'))?.accept ?? '', /^text\/markdown/);
  assert.ok(
    log.some((line) => /dropped line 37 "没有链接的条目": has no link/.test(line)),
    log.join('\n'),
  );
  assert.ok(
    log.some((line) => /9 daily-report entries from/.test(line)),
    log.join('\n'),
  );
});

test('collect(): a paper digest under {year}/{month}, listed on the edition day of its file name', async () => {
  const items = await collect(context('2026-11-22'), settings(`${origin}/papers/{year}/{month}/{date}.md`));
  assert.deepEqual(
    items.map((item) => [item.kind, item.listedOn]),
    [
      ['paper', '2026-11-22'],
      ['paper', '2026-11-22'],
      ['paper', '2026-11-22'],
    ],
  );
});

test('collect(): hostile entries are dropped and logged with their reasons; the rest is kept', async () => {
  const log: string[] = [];
  const items = await collect(context('2025-11-22', log), settings(`${origin}/hostile/{date}.md`));
  assert.deepEqual(
    items.map((item) => item.url),
    ['https://example.com/html-title', 'https://example.com/fine'],
  );
  assert.ok(
    log.some((line) => /dropped line 5 "点我有惊喜": its link "javascript:/.test(line)),
    log.join('\n'),
  );
});

test('collect(): HTTP errors, an HTML page, no entries and the wrong format are SourceErrors naming the cause', async () => {
  await assert.rejects(
    collect(context('2025-11-22'), settings(`${origin}/missing/{date}.md`)),
    new RegExp(`^SourceError: friends-daily: ${origin}/missing/2025-11-22\\.md answered HTTP 404$`),
  );
  await assert.rejects(
    collect(context('2025-11-22'), settings(`${origin}/down/{date}.md`)),
    /answered HTTP 500/,
  );
  const because = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof SourceError);
    assert.equal(error.source, 'friends-daily');
    assert.match(error.message, /the digest of 2025-11-22 did not parse/);
    assert.ok(error.cause instanceof InputError);
    assert.match(error.cause.message, pattern);
    return true;
  };
  await assert.rejects(
    collect(context('2025-11-22'), settings(`${origin}/blob/{date}.md`)),
    because(/is an HTML page, not a Markdown digest/),
  );
  await assert.rejects(
    collect(context('2025-11-22'), settings(`${origin}/empty/{date}.md`, 'daily-report')),
    because(/empty\/2025-11-22\.md: has no daily-report entries/),
  );
  await assert.rejects(
    collect(context('2026-01-01'), settings(`${origin}/friends/daily/main/{date}.md`, 'paper-digest')),
    (error) => error instanceof SourceError && /has no paper-digest entr/.test(String(error.cause)),
  );
});

test('collect(): an unchanged file (304 to a conditional GET) gives no items and says so', async () => {
  const asked: HttpGetOptions[] = [];
  const unchanged: Http = {
    async get(url, options = {}) {
      asked.push(options);
      return { url, status: 304, headers: new Headers(), text: '', notModified: true };
    },
  };
  const log: string[] = [];
  const items = await collect(context('2025-11-22', log, unchanged), settings('https://r.example/{date}.md'));
  assert.deepEqual(items, []);
  assert.equal(asked[0]?.conditional, true);
  assert.ok(log.some((line) => /r\.example\/2025-11-22\.md is unchanged since the last run/.test(line)));
});

test('collect(): a refused or failed request is a SourceError with the cause', async () => {
  const refusing: Http = {
    async get() {
      throw new Error('refused by the SSRF guard');
    },
  };
  await assert.rejects(
    collect(context('2025-11-22', [], refusing), settings('https://r.example/{date}.md')),
    (error) =>
      error instanceof SourceError &&
      /could not fetch https:\/\/r\.example\/2025-11-22\.md/.test(error.message) &&
      /SSRF/.test(String((error.cause as Error).message)),
  );
});
