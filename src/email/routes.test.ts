import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import { handleMailRoutes } from './routes.ts';
import { confirm, subscribe } from './subscribers.ts';
import { startSmtpSink, testMailContext } from './testing.ts';
import { leaves, readMime } from './testing-mime.ts';

const sink = await startSmtpSink();
const ctx = await testMailContext(sink.port);
const server = createServer((req, res) => {
  handleMailRoutes(req, res, ctx).then((handled) => {
    if (!handled) res.writeHead(404).end('not ours');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
after(async () => {
  ctx.mailer.close();
  server.close();
  await sink.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function activeToken(email: string): Promise<string> {
  await subscribe(ctx, email, 'daily');
  const raw = sink.messages.findLast((m) => m.to.includes(email))?.raw ?? '';
  const token = /confirm\?token=([\w-]+)/.exec(leaves(readMime(raw))[0]?.body ?? '')?.[1] ?? '';
  return (await confirm(ctx, token))?.unsubscribeToken ?? '';
}

test('routes answer under the base URL path only, with a strict CSP and no referrer', async () => {
  assert.equal(await (await fetch(`${base}/unsubscribe`)).text(), 'not ours', 'outside /ribao/');
  const page = await fetch(`${base}/ribao/subscribe`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /form-action 'self'/);
  assert.doesNotMatch(csp, /script-src/);
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.doesNotMatch(await page.text(), /<script/);
  const put = await fetch(`${base}/ribao/unsubscribe`, { method: 'PUT' });
  assert.deepEqual([put.status, put.headers.get('allow')], [405, 'GET, POST']);
  const json = await fetch(`${base}/ribao/subscribe`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(json.status, 415);
  const big = await fetch(`${base}/ribao/subscribe`, form({ email: 'x'.repeat(20_000) }));
  assert.equal(big.status, 413);
});

test('POST /subscribe answers the same for a new and an active address; a malformed one is refused', async () => {
  await activeToken('dee@example.com');
  const sent = sink.messages.length;
  const known = await fetch(
    `${base}/ribao/subscribe`,
    form({ email: 'dee@example.com', publication: 'daily' }),
  );
  const fresh = await fetch(
    `${base}/ribao/subscribe`,
    form({ email: 'eve@example.com', publication: 'daily', keywords: 'agent， RAG' }),
  );
  assert.deepEqual([known.status, fresh.status], [200, 200]);
  assert.equal(await known.text(), await fresh.text());
  assert.equal(sink.messages.length, sent + 1, 'only the new address got a mail');
  assert.deepEqual((await ctx.store.subscriber('eve@example.com', 'daily'))?.keywords, ['agent', 'RAG']);
  const bad = await fetch(`${base}/ribao/subscribe`, form({ email: '<b>@x', publication: 'daily' }));
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /&#60;b&#62;@x/, 'the input is escaped back');
});

test('the confirmation link: GET shows a button and changes nothing; POST confirms', async () => {
  await subscribe(ctx, 'fay@example.com', 'daily');
  const raw = sink.messages.findLast((m) => m.to.includes('fay@example.com'))?.raw ?? '';
  const link = /https:\/\/news\.example\.com(\/ribao\/subscribe\/confirm\?token=[\w-]+)/.exec(
    leaves(readMime(raw))[0]?.body ?? '',
  )?.[1];
  assert.ok(link);
  for (let i = 0; i < 3; i++) {
    const get: Response = await fetch(`${base}${link}`);
    assert.equal(get.status, 200);
    assert.match(await get.text(), /<form method="post" action="\/ribao\/subscribe\/confirm">/);
  }
  assert.equal(
    (await ctx.store.subscriber('fay@example.com', 'daily'))?.status,
    'pending',
    'prefetching confirms nothing',
  );
  const token = new URL(link, base).searchParams.get('token') ?? '';
  const post = await fetch(`${base}/ribao/subscribe/confirm`, form({ token }));
  assert.equal(post.status, 200);
  assert.match(await post.text(), /订阅已确认/);
  assert.equal((await ctx.store.subscriber('fay@example.com', 'daily'))?.status, 'active');
  assert.equal((await fetch(`${base}/ribao/subscribe/confirm`, form({ token }))).status, 404, 'used');
});

test('unsubscribe: GET shows a button; a one-click POST (RFC 8058) or the page form unsubscribes', async () => {
  const token = await activeToken('gus@example.com');
  const url = `${base}/ribao/unsubscribe?token=${token}`;
  const get = await fetch(url);
  assert.match(await get.text(), /退订「AI 日报」/);
  assert.equal(
    (await ctx.store.subscriber('gus@example.com', 'daily'))?.status,
    'active',
    'a GET never unsubscribes',
  );
  const oneClick = await fetch(url, form({ 'List-Unsubscribe': 'One-Click' }));
  assert.equal(oneClick.status, 200);
  const row = await ctx.store.subscriber('gus@example.com', 'daily');
  assert.deepEqual([row?.status, row?.detail], ['unsubscribed', 'unsubscribed (one-click)']);
  const other = await activeToken('hal@example.com');
  const viaPage = await fetch(`${base}/ribao/unsubscribe`, form({ token: other }));
  assert.equal(viaPage.status, 200);
  assert.equal(
    (await ctx.store.subscriber('hal@example.com', 'daily'))?.detail,
    'unsubscribed (unsubscribe page)',
  );
  assert.equal((await fetch(`${base}/ribao/unsubscribe`, form({ token: 'nope' }))).status, 404);
  assert.equal((await fetch(`${base}/ribao/unsubscribe?token=${'A'.repeat(43)}`)).status, 404);
});
