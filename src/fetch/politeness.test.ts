// Per-host politeness: the queue on a virtual clock (arXiv's one request every 3 s), then real requests to
// a loopback server whose recorded arrival times show the spacing and the concurrency limit.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Clock } from './clock.ts';
import { createHttp } from './http.ts';
import { createHostQueue } from './politeness.ts';
import { fakeResolver, startServer } from './testing.ts';

/** Time moves only when someone sleeps. */
function virtualClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

test('export.arxiv.org gets one request every three seconds, one at a time', async () => {
  const clock = virtualClock();
  const queue = createHostQueue({}, clock);
  const starts: number[] = [];
  const fetchOnce = async () => {
    const release = await queue.acquire('export.arxiv.org');
    starts.push(clock.now());
    release();
  };
  await Promise.all([fetchOnce(), fetchOnce(), fetchOnce()]);
  assert.deepEqual(starts, [0, 3000, 6000]);
});

test('other hosts default to one request at a time with no interval; settings override the table', async () => {
  const clock = virtualClock();
  const queue = createHostQueue({ 'export.arxiv.org': { intervalMs: 5000, concurrency: 1 } }, clock);
  const first = await queue.acquire('example.com');
  let secondStarted = false;
  const second = queue.acquire('example.com').then((release) => {
    secondStarted = true;
    return release;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(secondStarted, false, 'the second request waits for the first');
  first();
  first(); // releasing twice frees one slot only
  (await second)();
  assert.equal(clock.now(), 0);
  await (await queue.acquire('export.arxiv.org'))();
  await (await queue.acquire('export.arxiv.org'))();
  assert.equal(clock.now(), 5000);
});

/** Requests in flight per host name, and the most seen at once. */
const inFlight = new Map<string, number>();
const maxInFlight = new Map<string, number>();
const server = await startServer((req, res) => {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
  maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, inFlight.get(host) ?? 0));
  setTimeout(() => {
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    res.end(host);
  }, 20);
});
after(() => server.close());

const resolve = fakeResolver({ 'slow.example': '127.0.0.1', 'fast.example': '127.0.0.1' });
const allowPrivate = ['slow.example', 'fast.example'];

test('requests to one host on loopback are spaced by the interval', async () => {
  const http = createHttp({
    userAgent: 'ribao-test/1',
    timeoutMs: 5000,
    maxBodyBytes: 1024,
    resolve,
    allowPrivate,
    hosts: { 'slow.example': { intervalMs: 200, concurrency: 1 } },
  });
  const url = `http://slow.example:${server.port}/`;
  await http.get(`${url}warm-up`); // the connection is open before we measure
  const before = server.requests.length;
  await Promise.all([1, 2, 3, 4].map((n) => http.get(`${url}${n}`)));
  const arrivals = server.requests.slice(before - 1).map((r) => r.at);
  assert.equal(arrivals.length, 5);
  // Starts are 200 ms apart; arrivals jitter on a loaded machine, so judge the whole span.
  const span = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
  assert.ok(span >= 4 * 200 - 60, `five requests arrived over ${span.toFixed(1)} ms at one per 200 ms`);
});

test('the concurrency limit holds, and a slow host does not hold up another', async () => {
  const http = createHttp({
    userAgent: 'ribao-test/1',
    timeoutMs: 5000,
    maxBodyBytes: 1024,
    resolve,
    allowPrivate,
    hosts: { 'slow.example': { intervalMs: 150, concurrency: 1 } },
  });
  maxInFlight.clear();
  const slow = (n: number) => http.get(`http://slow.example:${server.port}/s${n}`);
  const order: string[] = [];
  await Promise.all([
    slow(1).then(() => order.push('slow 1')),
    slow(2).then(() => order.push('slow 2')),
    http.get(`http://fast.example:${server.port}/f`).then(() => order.push('fast')),
  ]);
  assert.equal(order.indexOf('fast') < order.indexOf('slow 2'), true, order.join(', '));
  assert.equal(maxInFlight.get('slow.example'), 1, 'never two requests to slow.example at once');
});
