// The app in-process over HTTP: sign-in and out, the JSON API with session and bearer, invites,
// cookies in both modes, headers, the OpenAPI document against the route table, and the mounts.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { z } from 'zod';
import { ConfigSchema } from '../config/schema.ts';
import { mailContext } from '../email/context.ts';
import { mounts } from './mount.ts';
import { hashPassword, needsRehash } from './passwords.ts';
import { appRoutes } from './routes.ts';
import { hashSecret } from './secrets.ts';
import { APP_HEADERS } from './server.ts';
import { PASSWORD, startTestApp, type TestApp } from './testing.ts';

const apps: TestApp[] = [];
after(() => Promise.all(apps.map((a) => a.close())));
async function app(options: Parameters<typeof startTestApp>[0] = {}) {
  const started = await startTestApp(options);
  apps.push(started);
  return started;
}
const DAY = 86_400_000;
const responseSchema = (method: string, path: string) =>
  appRoutes.find((r) => r.method === method && r.path === path)?.response as z.ZodType;

test('web: sign in with the form, see the account, sign out; the session row is gone', async () => {
  const t = await app();
  await t.user('ann', 'editor', '安 Ann');
  const b = t.browser();
  const before = (await b.get('/account')).headers.get('location');
  assert.equal(before, '/login?next=%2Faccount', 'signed out: sent to the login form');
  const res = await b.login('Ann');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/account');
  const account = await (await b.get('/account')).text();
  assert.match(account, /@ann · editor/);
  const cookie = b.cookie() as string;
  assert.ok(await t.store.findSession(hashSecret(cookie)));
  const _csrf = /name="_csrf" value="([^"]+)"/.exec(account)?.[1] ?? '';
  assert.equal((await b.post('/logout', { _csrf })).status, 303);
  assert.equal(b.cookie(), undefined, 'the cookie is cleared');
  assert.equal(await t.store.findSession(hashSecret(cookie)), null, 'and the session deleted');
});

test('web: cookies are __Host-, Secure, HttpOnly, SameSite=Lax by default; plain only when turned off', async () => {
  const secure = await app({ settings: { secureCookies: true } });
  const b = secure.browser();
  await b.get('/login');
  assert.match(
    b.setCookies[0] ?? '',
    /^__Host-ribao=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
  );
  const plain = await app({ settings: { secureCookies: false } });
  const p = plain.browser();
  await p.get('/login');
  assert.match(p.setCookies[0] ?? '', /^ribao=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  await plain.user('ann', 'editor');
  assert.equal((await p.login('ann')).status, 303);
  const stolen = p.cookie() as string;
  const other = secure.browser();
  other.jar.set('ribao', stolen);
  assert.equal((await other.get('/api/me')).status, 401, 'a secure app reads only the __Host- cookie');
});

test('web: every app answer has the strict headers; the CSS is the only style', async () => {
  const t = await app();
  for (const path of ['/login', '/api/openapi.json', '/nowhere', '/_ribao/style.css']) {
    const res = await t.browser().get(path);
    for (const [name, value] of Object.entries(APP_HEADERS))
      if (name !== 'cache-control') assert.equal(res.headers.get(name), value, `${path} ${name}`);
  }
  assert.equal(
    APP_HEADERS['content-security-policy'],
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  const css = await t.browser().get('/_ribao/style.css');
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.equal((await t.browser().api('PUT', '/login')).status, 405);
});

test('web: the JSON API with a session (CSRF header) and with a bearer token (stored hashed)', async () => {
  const t = await app();
  await t.user('ann', 'admin');
  const b = t.browser();
  const login = await b.api('POST', '/api/login', { handle: 'ann', password: PASSWORD });
  assert.equal(login.status, 200);
  const signed = responseSchema('POST', '/api/login').parse(await login.json()) as { csrfToken: string };
  const me = responseSchema('GET', '/api/me').parse(await (await b.api('GET', '/api/me')).json()) as {
    via: string;
    role: string;
    csrfToken: string;
  };
  assert.deepEqual([me.via, me.role, me.csrfToken], ['session', 'admin', signed.csrfToken]);

  const made = await b.api(
    'POST',
    '/api/tokens',
    { name: 'feishu bot', role: 'editor' },
    { 'x-csrf-token': signed.csrfToken },
  );
  assert.equal(made.status, 201);
  const token = responseSchema('POST', '/api/tokens').parse(await made.json()) as {
    token: string;
    id: number;
  };
  assert.match(token.token, /^ribao_[\w-]{43}$/);
  const stored = (await t.store.apiTokens(1))[0];
  assert.equal(stored?.tokenHash, hashSecret(token.token), 'only the hash is stored');
  assert.equal(JSON.stringify(await t.store.apiTokens(1)).includes(token.token), false);

  const bot = t.browser();
  const auth = { authorization: `Bearer ${token.token}` };
  const botMe = (await (await bot.api('GET', '/api/me', undefined, auth)).json()) as {
    role: string;
    via: string;
  };
  assert.deepEqual([botMe.role, botMe.via], ['editor', 'token'], 'a token acts with its own (lesser) role');
  assert.equal((await bot.api('GET', '/api/users', undefined, auth)).status, 403);
  const listed = await (await b.api('GET', '/api/tokens')).json();
  assert.equal(JSON.stringify(listed).includes(token.token), false, 'listing never shows the secret');
  assert.equal(
    (await b.api('DELETE', `/api/tokens/${token.id}`, undefined, { 'x-csrf-token': signed.csrfToken }))
      .status,
    200,
  );
  const garbage = await b.api('DELETE', '/api/tokens/abc', undefined, { 'x-csrf-token': signed.csrfToken });
  assert.equal(garbage.status, 404);
  const revoked = await bot.api('GET', '/api/me', undefined, auth);
  assert.equal(revoked.status, 401);
  assert.equal(revoked.headers.get('www-authenticate'), 'Bearer');
  assert.equal(
    (await bot.api('GET', '/api/me', undefined, { authorization: 'Bearer ribao_nope' })).status,
    401,
  );
});

test('web: an invite link works once, for its role, until it expires', async () => {
  const t = await app();
  await t.user('ann', 'admin');
  const admin = t.browser();
  const { csrfToken } = (await (
    await admin.api('POST', '/api/login', { handle: 'ann', password: PASSWORD })
  ).json()) as { csrfToken: string };
  const invite = async () => {
    const res = await admin.api(
      'POST',
      '/api/invites',
      { role: 'editor', hours: 48 },
      { 'x-csrf-token': csrfToken },
    );
    assert.equal(res.status, 201);
    return new URL(((await res.json()) as { url: string }).url).pathname;
  };
  const path = await invite();
  const lin = t.browser();
  const _csrf = await lin.csrfFrom(path);
  const form = { _csrf, handle: 'lin', displayName: '林', password: PASSWORD, confirm: PASSWORD };
  const accepted = await lin.post(path, form);
  assert.equal(accepted.status, 303);
  const me = (await (await lin.api('GET', '/api/me')).json()) as { user: { handle: string; role: string } };
  assert.deepEqual([me.user.handle, me.user.role], ['lin', 'editor'], 'signed in as the invited role');

  const again = t.browser();
  assert.equal((await again.get(path)).status, 410, 'used: gone');
  const replay = await again.post(path, {
    ...form,
    _csrf: await again.csrfFrom('/login'),
    handle: 'mallory',
  });
  assert.equal(replay.status, 410);
  assert.equal(await t.store.findUser({ handle: 'mallory' }), null);

  const late = await invite();
  t.clock.advance(2 * DAY);
  assert.equal((await t.browser().get(late)).status, 410, 'expired');
  const api = await t.browser().api('POST', `/api/invites${late.slice('/invite'.length)}/accept`, {
    handle: 'late',
    password: PASSWORD,
  });
  assert.equal(api.status, 400);
  assert.equal(await t.store.findUser({ handle: 'late' }), null);
});

test('web: a disabled account is signed out at once and its tokens stop', async () => {
  const t = await app();
  await t.user('ann', 'admin');
  await t.user('bob', 'contributor');
  const bob = t.browser();
  const { csrfToken } = (await (
    await bob.api('POST', '/api/login', { handle: 'bob', password: PASSWORD })
  ).json()) as { csrfToken: string };
  const { token } = (await (
    await bob.api('POST', '/api/tokens', { name: 'script' }, { 'x-csrf-token': csrfToken })
  ).json()) as { token: string };
  const admin = t.browser();
  await admin.login('ann');
  const _csrf = await admin.csrfFrom('/admin/users');
  assert.equal((await admin.post('/admin/users/bob/disable', { _csrf })).status, 303);
  assert.equal((await bob.api('GET', '/api/me')).status, 401);
  assert.equal(
    (await t.browser().api('GET', '/api/me', undefined, { authorization: `Bearer ${token}` })).status,
    401,
  );
  assert.equal((await t.browser().login('bob')).status, 401, 'and cannot sign in');
  const self = await admin.post('/admin/users/ann/disable', { _csrf });
  assert.equal(self.status, 400, 'an admin cannot lock themselves out');
});

test('web: a password changed ends the other sessions; an old hash is upgraded at sign-in', async () => {
  const t = await app();
  const ann = await t.user('ann', 'editor');
  await t.store.updateUser(ann.id, {
    passwordHash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }),
    updatedAt: 'x',
  });
  const laptop = t.browser();
  const phone = t.browser();
  assert.equal((await laptop.login('ann')).status, 303);
  assert.equal(needsRehash((await t.store.findUser({ id: ann.id }))?.passwordHash ?? ''), false, 'rehashed');
  const { csrfToken } = (await (
    await phone.api('POST', '/api/login', { handle: 'ann', password: PASSWORD })
  ).json()) as { csrfToken: string };
  const changed = await phone.api(
    'POST',
    '/api/me/password',
    { current: PASSWORD, password: 'a new long passphrase' },
    { 'x-csrf-token': csrfToken },
  );
  assert.equal(changed.status, 200);
  assert.equal((await laptop.api('GET', '/api/me')).status, 401, 'the other session ended');
  assert.equal((await phone.api('GET', '/api/me')).status, 200, 'this one was renewed');
});

test('web: the OpenAPI document lists every route of the table, with roles and schemas', async () => {
  const t = await app();
  const doc = (await (await t.browser().get('/api/openapi.json')).json()) as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { 'x-ribao-role': string | null; requestBody?: unknown; tags: string[] }>
    >;
  };
  assert.equal(doc.openapi, '3.1.0');
  const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
  const table = appRoutes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  assert.deepEqual(listed.sort(), table.sort());
  const drop = doc.paths['/api/stories/{id}/drop']?.post;
  assert.equal(drop?.['x-ribao-role'], 'editor');
  assert.ok(drop?.requestBody);
  assert.deepEqual(doc.paths['/login']?.post?.tags, ['pages']);
});

test('web: the subscription endpoints and the built site are mounted; the app routes come first', async () => {
  const site = mkdtempSync(join(tmpdir(), 'ribao-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>日报</title>');
  const config = ConfigSchema.parse({ email: { from: 'digest@ribao.example', smtp: { host: '127.0.0.1' } } });
  const silent = { info() {}, warn() {}, debug() {} };
  const t = await app({
    app: (store) => mounts({ mail: mailContext(config, store, silent, { env: {} }), site }),
  });
  const home = await t.browser().get('/');
  assert.equal(home.status, 200);
  assert.match(await home.text(), /日报/);
  const siteCsp = home.headers.get('content-security-policy');
  assert.ok(siteCsp && siteCsp !== APP_HEADERS['content-security-policy'], "the site's own headers");
  assert.equal((await t.browser().api('POST', '/index.html')).status, 404, 'the site is read-only');
  assert.match(await (await t.browser().get('/subscribe')).text(), /<form/);
  assert.equal((await t.browser().get('/login')).status, 200);
});
