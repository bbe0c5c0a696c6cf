// robots.txt enforced at fetch time, for page fetches only, against a loopback server playing several
// sites (test names resolved to 127.0.0.1): 2xx rules, 4xx allow, 5xx disallow, redirects, the 500 KiB
// limit, caching for the TTL, and a robots.txt that redirects somewhere the guard refuses.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Clock } from './clock.ts';
import { BlockedUrlError } from './guard.ts';
import { createHttp, type HttpSettings } from './http.ts';
import { fakeResolver, startServer } from './testing.ts';

const PADDING = `# ${'x'.repeat(1000)}\n`.repeat(520);
const SITES: Record<string, (path: string) => { status: number; body?: string; location?: string }> = {
  'rules.example': (path) =>
    path === '/robots.txt'
      ? {
          status: 200,
          body: 'User-agent: *\nDisallow: /\n\nUser-agent: ribao\nDisallow: /private/\nAllow: /private/ok\n',
        }
      : { status: 200, body: `page ${path}` },
  'missing.example': (path) => (path === '/robots.txt' ? { status: 404 } : { status: 200, body: 'page' }),
  'down.example': (path) => (path === '/robots.txt' ? { status: 503 } : { status: 200, body: 'page' }),
  'limited.example': (path) => (path === '/robots.txt' ? { status: 429 } : { status: 200, body: 'page' }),
  'moved.example': (path) =>
    path === '/robots.txt'
      ? { status: 301, location: '/real-robots.txt' }
      : path === '/real-robots.txt'
        ? { status: 200, body: 'User-agent: ribao\nDisallow: /x\n' }
        : { status: 200, body: 'page' },
  'looping.example': (path) =>
    path === '/robots.txt' ? { status: 302, location: '/robots.txt' } : { status: 200, body: 'page' },
  'sneaky.example': (path) =>
    path === '/robots.txt'
      ? { status: 302, location: 'http://127.0.0.1/robots.txt' }
      : { status: 200, body: 'p' },
  'large.example': (path) =>
    path === '/robots.txt'
      ? { status: 200, body: `User-agent: *\nDisallow: /early\n${PADDING}Disallow: /late\n` }
      : { status: 200, body: 'page' },
};

const server = await startServer((req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const answer = SITES[host]?.(req.url ?? '/') ?? { status: 404 };
  res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end(answer.body ?? '');
});
after(() => server.close());

const names = Object.fromEntries(Object.keys(SITES).map((name) => [name, '127.0.0.1']));
let now = Date.parse('2026-11-20T08:00:00Z');
const clock: Clock = {
  now: () => now,
  sleep: async (ms) => {
    now += ms;
  },
};
const settings: HttpSettings = {
  userAgent: 'ribao/0.1 (+https://example.org/contact)',
  timeoutMs: 5000,
  maxBodyBytes: 1 << 20,
  resolve: fakeResolver(names),
  allowPrivate: Object.keys(SITES),
  clock,
};
const http = createHttp(settings);
const url = (site: string, path: string) => `http://${site}:${server.port}${path}`;
const asked = (site: string, path: string) =>
  server.requests.filter((r) => r.headers.host === `${site}:${server.port}` && r.url === path).length;

async function refusal(pageUrl: string): Promise<BlockedUrlError> {
  const error = await http.get(pageUrl, { robots: true }).then(
    () => assert.fail(`${pageUrl} was fetched`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof BlockedUrlError, String(error));
  return error;
}

test('our group decides: disallowed pages are refused before any request, others fetched', async () => {
  const error = await refusal(url('rules.example', '/private/report'));
  assert.equal(error.reason, 'robots.txt disallows it for ribao (Disallow: /private/)');
  assert.equal(asked('rules.example', '/private/report'), 0);
  assert.equal(
    (await http.get(url('rules.example', '/private/ok'), { robots: true })).text,
    'page /private/ok',
  );
  assert.equal((await http.get(url('rules.example', '/news'), { robots: true })).status, 200);
  assert.equal(asked('rules.example', '/robots.txt'), 1, 'robots.txt fetched once and cached');
});

test('feeds and APIs (robots off) never ask for robots.txt', async () => {
  const response = await http.get(url('down.example', '/feed.xml'));
  assert.equal(response.text, 'page');
  assert.equal(asked('down.example', '/robots.txt'), 0);
});

test('4xx means allow all; 5xx and 429 mean disallow all', async () => {
  assert.equal((await http.get(url('missing.example', '/a'), { robots: true })).text, 'page');
  const down = await refusal(url('down.example', '/a'));
  assert.equal(down.reason, 'robots.txt is unreachable (HTTP 503): everything is disallowed');
  assert.match((await refusal(url('limited.example', '/a'))).reason, /unreachable \(HTTP 429\)/);
});

test('robots.txt redirects are followed; a loop counts as unavailable; a refused hop as unreachable', async () => {
  assert.match(
    (await refusal(url('moved.example', '/x/1'))).reason,
    /disallows it for ribao \(Disallow: \/x\)/,
  );
  assert.equal((await http.get(url('moved.example', '/y'), { robots: true })).text, 'page');
  assert.equal((await http.get(url('looping.example', '/a'), { robots: true })).text, 'page');
  const sneaky = await refusal(url('sneaky.example', '/a'));
  assert.match(sneaky.reason, /unreachable \(refused http:\/\/127.0.0.1\/robots.txt .*loopback address\)/);
});

test('only the first 500 KiB of robots.txt are read', async () => {
  assert.match((await refusal(url('large.example', '/early'))).reason, /Disallow: \/early/);
  assert.equal((await http.get(url('large.example', '/late'), { robots: true })).text, 'page');
});

test('a cached robots.txt is fetched again after the TTL; an unreachable one after minutes', async () => {
  const before = asked('rules.example', '/robots.txt');
  now += 23 * 3600_000;
  await http.get(url('rules.example', '/news'), { robots: true });
  assert.equal(asked('rules.example', '/robots.txt'), before);
  now += 2 * 3600_000;
  await http.get(url('rules.example', '/news'), { robots: true });
  assert.equal(asked('rules.example', '/robots.txt'), before + 1);
  const downBefore = asked('down.example', '/robots.txt');
  now += 6 * 60_000;
  await refusal(url('down.example', '/b'));
  assert.equal(asked('down.example', '/robots.txt'), downBefore + 1);
});
