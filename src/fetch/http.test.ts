// The HTTP layer against a real server on loopback: User-Agent sent, any status returned with its body
// (a source reads an API's error document), charset decoded, conditional GET, Retry-After and backoff,
// timeouts. The operator allow-list names 127.0.0.1, as a test configuration would.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import type { Http } from '../sources/source.ts';
import type { Clock } from './clock.ts';
import { createHttp, type HttpSettings } from './http.ts';
import { startServer } from './testing.ts';
import { honestUserAgent, productToken } from './user-agent.ts';
import { memoryValidatorStore } from './validators.ts';

const GB2312_FEED = readFileSync(new URL('testdata/gb2312-feed.xml', import.meta.url));
const FEED = '<rss version="2.0"><channel><title>unchanged</title></channel></rss>';
let feedBodyBytesSent = 0;
const attempts = new Map<string, number>();

const server = await startServer((req, res) => {
  const path = req.url ?? '/';
  const attempt = (attempts.get(path) ?? 0) + 1;
  attempts.set(path, attempt);
  if (path === '/big') res.end('x'.repeat(2048));
  else if (path === '/error')
    res.writeHead(400, { 'content-type': 'application/atom+xml' }).end('<feed>why</feed>');
  else if (path === '/gb2312') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GB2312_FEED);
  else if (path === '/feed') {
    const validators = { etag: '"v1"', 'last-modified': 'Fri, 20 Nov 2026 08:00:00 GMT' };
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, validators).end();
    else {
      feedBodyBytesSent += Buffer.byteLength(FEED);
      res.writeHead(200, { ...validators, 'content-type': 'application/rss+xml' }).end(FEED);
    }
  } else if (path.startsWith('/busy-seconds')) {
    if (attempt === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    else res.end('served');
  } else if (path.startsWith('/busy-date')) {
    const date = new Date(Date.parse('2026-11-20T08:00:00Z') + 2000).toUTCString();
    if (attempt === 1) res.writeHead(503, { 'retry-after': date }).end();
    else res.end('served');
  } else if (path.startsWith('/always-503')) res.writeHead(503).end('down');
  else if (path.startsWith('/busy-long'))
    res.writeHead(429, { 'retry-after': '3600' }).end('come back in an hour');
  else if (path === '/hang') res.flushHeaders();
  else res.end(req.headers['user-agent']);
});
after(() => server.close());

const base = server.base;
const settings: HttpSettings = {
  userAgent: 'ribao-test/1',
  timeoutMs: 5000,
  maxBodyBytes: 1024,
  allowPrivate: ['127.0.0.1'],
};
const http = createHttp(settings);

/** A clock that records waits instead of sleeping; `now` is fixed so HTTP dates are exact. */
function recordingClock(): Clock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, now: () => Date.parse('2026-11-20T08:00:00Z'), sleep: async (ms) => void waits.push(ms) };
}

test('sends the User-Agent', async () => {
  assert.equal((await http.get(`${base}/`)).text, 'ribao-test/1');
});

test('an honest User-Agent names a contact; its product token is what robots.txt matches', () => {
  const agent = honestUserAgent('https://example.org/contact');
  assert.equal(agent, 'ribao/0.1 (+https://example.org/contact)');
  assert.equal(productToken(agent), 'ribao');
  assert.equal(honestUserAgent('mailto:ops@example.org', '0.2'), 'ribao/0.2 (+mailto:ops@example.org)');
  assert.throws(() => honestUserAgent('example.org'), /contact "example.org" is not a URL/);
  assert.throws(() => honestUserAgent('ftp://example.org'), /must be an http\(s\) or mailto: URL/);
});

test('returns an error status with its body instead of throwing', async () => {
  const response = await http.get(`${base}/error`);
  assert.equal(response.status, 400);
  assert.equal(response.text, '<feed>why</feed>');
  assert.equal(response.notModified, false);
});

test('refuses a body over the cap', async () => {
  await assert.rejects(http.get(`${base}/big`), /body larger than 1024 bytes/);
});

test('decodes the charset the document declares', async () => {
  const response = await createHttp({ ...settings, maxBodyBytes: 4096 }).get(`${base}/gb2312`);
  assert.equal(response.charset, 'gbk');
  assert.match(response.text, /<title>日报 人工智能<\/title>/);
});

test('is usable wherever an Http is expected', async () => {
  const plain: Http = http;
  assert.equal((await plain.get(`${base}/`, { accept: 'text/plain' })).status, 200);
});

test('conditional GET: the second poll of an unchanged feed downloads no body', async () => {
  const validators = memoryValidatorStore();
  const polling = createHttp({ ...settings, validators });
  const before = feedBodyBytesSent;
  const first = await polling.get(`${base}/feed`, { conditional: true });
  assert.equal(first.status, 200);
  assert.equal(first.text, FEED);
  assert.deepEqual(await validators.get(`${base}/feed`), {
    etag: '"v1"',
    lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT',
  });
  const sentAfterFirst = feedBodyBytesSent;
  const second = await polling.get(`${base}/feed`, { conditional: true });
  assert.deepEqual([second.status, second.notModified, second.text], [304, true, '']);
  assert.equal(feedBodyBytesSent, sentAfterFirst, 'no body bytes on the second poll');
  const seen = server.requests.filter((r) => r.url === '/feed').at(-1);
  assert.equal(seen?.headers['if-none-match'], '"v1"');
  assert.equal(seen?.headers['if-modified-since'], 'Fri, 20 Nov 2026 08:00:00 GMT');
  assert.equal(sentAfterFirst - before, Buffer.byteLength(FEED));
  const unconditional = await polling.get(`${base}/feed`);
  assert.equal(unconditional.status, 200, 'without `conditional` the stored validators are not sent');
});

test('429 with Retry-After in seconds: waits that long, then returns the 200', async () => {
  const clock = recordingClock();
  const response = await createHttp({ ...settings, clock }).get(`${base}/busy-seconds`);
  assert.deepEqual([response.status, response.text], [200, 'served']);
  assert.deepEqual(clock.waits, [1000]);
  assert.equal(attempts.get('/busy-seconds'), 2);
});

test('503 with Retry-After as an HTTP date: waits until then', async () => {
  const clock = recordingClock();
  const response = await createHttp({ ...settings, clock }).get(`${base}/busy-date`);
  assert.equal(response.status, 200);
  assert.deepEqual(clock.waits, [2000]);
});

test('without Retry-After: exponential backoff with jitter, then the last response', async () => {
  const clock = recordingClock();
  const retry = { attempts: 4, baseDelayMs: 100, maxWaitMs: 10_000 };
  const response = await createHttp({ ...settings, clock, retry }).get(`${base}/always-503`);
  assert.deepEqual([response.status, response.text], [503, 'down']);
  assert.equal(attempts.get('/always-503'), 4);
  assert.equal(clock.waits.length, 3);
  clock.waits.forEach((wait, i) => {
    const ceiling = 100 * 2 ** i;
    assert.ok(wait >= ceiling / 2 && wait <= ceiling, `wait ${i + 1} was ${wait} ms`);
  });
});

test('a Retry-After beyond the maximum wait returns the response at once', async () => {
  const clock = recordingClock();
  const response = await createHttp({ ...settings, clock }).get(`${base}/busy-long`);
  assert.deepEqual([response.status, response.headers.get('retry-after')], [429, '3600']);
  assert.deepEqual(clock.waits, []);
  assert.equal(attempts.get('/busy-long'), 1);
});

test('a server that never finishes is cut off at the timeout', async () => {
  const impatient = createHttp({ ...settings, timeoutMs: 100 });
  await assert.rejects(impatient.get(`${base}/hang`), {
    message: `GET ${base}/hang: no complete response within 100 ms`,
  });
});
