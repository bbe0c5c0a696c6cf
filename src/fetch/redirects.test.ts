// Hostile redirect chains against a real loopback server. The server is reached as `feeds.example` (a test
// resolver maps it to 127.0.0.1 and the operator allow-list names it), so every hop it redirects to is
// judged on its own: refused with a reason, and the refused target never sees a request.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BlockedUrlError } from './guard.ts';
import { createHttp, type HttpSettings } from './http.ts';
import { fakeResolver, startServer } from './testing.ts';

const server = await startServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (url.pathname === '/to') res.writeHead(302, { location: url.searchParams.get('u') ?? '' }).end();
  else if (url.pathname === '/loop') res.writeHead(301, { location: '/loop' }).end();
  else if (url.pathname === '/ping') res.writeHead(307, { location: '/pong' }).end();
  else if (url.pathname === '/pong') res.writeHead(308, { location: '/ping' }).end();
  else if (chain) {
    const left = Number(chain[1]);
    if (left === 0) res.end('end of chain');
    else res.writeHead(302, { location: `/chain/${left - 1}` }).end();
  } else res.end(`ok ${req.headers.authorization ?? 'no credentials'}`);
});
after(() => server.close());

const port = server.port;
const resolve = fakeResolver({
  'feeds.example': '127.0.0.1',
  'other.example': '127.0.0.1',
  'rebind.example': '127.0.0.1',
  localhost: '127.0.0.1',
});
const settings: HttpSettings = {
  userAgent: 'ribao-test/1',
  timeoutMs: 5000,
  maxBodyBytes: 1 << 20,
  resolve,
  allowPrivate: ['feeds.example'],
};
const http = createHttp(settings);
const start = `http://feeds.example:${port}`;
const via = (target: string) => `${start}/to?u=${encodeURIComponent(target)}`;

const HOSTILE_HOPS: ReadonlyArray<readonly [string, string]> = [
  [`http://127.0.0.1:${port}/secret`, '127.0.0.1 is a loopback address'],
  [`http://127.1:${port}/secret`, '127.0.0.1 is a loopback address'],
  [`http://2130706433:${port}/secret`, '127.0.0.1 is a loopback address'],
  [`http://0x7f.0.0.1:${port}/secret`, '127.0.0.1 is a loopback address'],
  [`//127.0.0.1:${port}/secret`, '127.0.0.1 is a loopback address'],
  [`http://[::1]:${port}/secret`, '::1 is a loopback address'],
  [`http://[::ffff:127.0.0.1]:${port}/secret`, 'IPv4-mapped form of 127.0.0.1'],
  ['http://169.254.169.254/latest/meta-data/iam/', '169.254.169.254 is a cloud metadata address'],
  ['http://[fd00:ec2::254]/latest/', 'a cloud metadata address (AWS)'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'a cloud metadata name'],
  ['http://10.0.0.1/admin', '10.0.0.1 is a private address'],
  ['http://192.168.0.1/', '192.168.0.1 is a private address'],
  ['file:///etc/passwd', 'the scheme file: is not http: or https:'],
  ['gopher://127.0.0.1:6379/_INFO', 'the scheme gopher:'],
  [`http://localhost:${port}/secret`, 'localhost is a localhost name'],
  [`http://api.localhost:${port}/secret`, 'api.localhost is a localhost name'],
  [`http://rebind.example:${port}/secret`, 'rebind.example resolves to 127.0.0.1, a loopback address'],
  [`http://user:pw@feeds.example:${port}/secret`, 'a URL with credentials'],
  ['http://feeds.example:25/', 'port 25 is not for HTTP'],
  ['http://[fe80::1%25eth0]/', 'not a valid URL'],
];

test(`refuses ${HOSTILE_HOPS.length} hostile redirect targets, naming the hop and the page that sent it`, async () => {
  for (const [target, reason] of HOSTILE_HOPS) {
    const before = server.requests.length;
    const error = await http.get(via(target)).then(
      () => assert.fail(`${target} was followed`),
      (e: unknown) => e,
    );
    assert.ok(error instanceof BlockedUrlError, `${target}: ${error}`);
    assert.ok(error.reason.includes(reason), `${target}: "${error.reason}" lacks "${reason}"`);
    assert.ok(error.message.includes(`(redirected from ${via(target)})`), error.message);
    const seen = server.requests.slice(before).map((r) => r.url);
    assert.deepEqual(
      seen,
      [`/to?u=${encodeURIComponent(target)}`],
      `${target}: only the redirecting page was asked`,
    );
  }
});

test('a first URL from content is refused before any request', async () => {
  const before = server.requests.length;
  await assert.rejects(http.get(`http://127.0.0.1:${port}/secret`), {
    message: `refused http://127.0.0.1:${port}/secret: 127.0.0.1 is a loopback address`,
  });
  await assert.rejects(
    http.get(`http://rebind.example:${port}/secret`),
    /rebind.example resolves to 127.0.0.1/,
  );
  assert.equal(server.requests.length, before);
});

test('redirect loops and over-long chains are refused; five redirects are followed', async () => {
  await assert.rejects(http.get(`${start}/loop`), {
    message: `GET ${start}/loop: redirect loop at ${start}/loop`,
  });
  await assert.rejects(http.get(`${start}/ping`), /redirect loop at .*\/ping/);
  await assert.rejects(http.get(`${start}/chain/6`), {
    message: `GET ${start}/chain/6: more than 5 redirects`,
  });
  const followed = await http.get(`${start}/chain/5`);
  assert.equal(followed.text, 'end of chain');
  assert.equal(followed.url, `${start}/chain/0`);
  const strict = createHttp({ ...settings, maxRedirects: 1 });
  await assert.rejects(strict.get(`${start}/chain/2`), /more than 1 redirects/);
});

test('a redirect to a private host works once the operator lists it', async () => {
  const opened = createHttp({ ...settings, allowPrivate: ['feeds.example', '127.0.0.1', 'localhost'] });
  for (const target of [`http://127.0.0.1:${port}/secret`, `http://2130706433:${port}/secret`]) {
    const response = await opened.get(via(target));
    assert.equal(response.status, 200);
    assert.equal(response.url, `http://127.0.0.1:${port}/secret`);
  }
  const local = await opened.get(via(`http://localhost:${port}/secret`));
  assert.equal(local.status, 200);
  await assert.rejects(opened.get(via('http://169.254.169.254/')), /cloud metadata address/);
});

test('credentials are not carried to another origin', async () => {
  const both = createHttp({ ...settings, allowPrivate: ['feeds.example', 'other.example'] });
  const headers = { Authorization: 'Bearer s3cret' };
  const same = await both.get(via(`${start}/echo`), { headers });
  assert.equal(same.text, 'ok Bearer s3cret');
  const other = await both.get(via(`http://other.example:${port}/echo`), { headers });
  assert.equal(other.text, 'ok no credentials');
});
