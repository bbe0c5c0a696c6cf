// What the newsroom web app must hold, over real HTTP: CSRF refused, the wrong role refused (a
// contributor cannot decide), no session fixation, brute force throttled, stored XSS neutralized
// through every text field; and the first admin made by `ribao user add` signing in.

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { hashSecret } from '../src/web/secrets.ts';
import { Browser, PASSWORD, startTestApp, type TestApp } from '../src/web/testing.ts';
import { ROOT, tempDir } from './helpers.ts';

const BIN = join(ROOT, 'bin', 'ribao.js');
const cleanup: (() => Promise<unknown>)[] = [];
after(() => Promise.all(cleanup.map((step) => step())));

async function app(): Promise<TestApp> {
  const t = await startTestApp();
  cleanup.push(() => t.close());
  await t.store.createStory({
    id: 's1',
    kind: 'article',
    editionDate: '2026-11-20',
    keys: ['url:a'],
    dropped: false,
  });
  return t;
}

/** Sign in through the API; the browser then holds the session cookie and knows its CSRF token. */
async function signedIn(t: TestApp, handle: string): Promise<{ b: Browser; csrf: string }> {
  const b = t.browser();
  const res = await b.api('POST', '/api/login', { handle, password: PASSWORD });
  assert.equal(res.status, 200, `${handle} signs in`);
  return { b, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const dropped = async (t: TestApp) => (await t.store.getStory('s1'))?.dropped;

test('security: CSRF is refused on forms and on cookie-authenticated JSON calls', async () => {
  const t = await app();
  await t.user('ed', 'editor', 'Ed');
  const ed = t.browser();
  assert.equal((await ed.login('ed')).status, 303);
  const good = await ed.csrfFrom('/account');
  const other = await t.browser().csrfFrom('/login');
  const evil = { origin: 'https://evil.example' };

  for (const [why, form, headers] of [
    ['no token', { displayName: 'pwned' }, {}],
    ["another session's token", { displayName: 'pwned', _csrf: other }, {}],
    ['a cross-origin Origin', { displayName: 'pwned', _csrf: good }, evil],
    ['Sec-Fetch-Site: cross-site', { displayName: 'pwned', _csrf: good }, { 'sec-fetch-site': 'cross-site' }],
  ] as const) {
    const res = await ed.post('/account/profile', form, headers);
    assert.equal(res.status, 403, why);
    assert.match(await res.text(), /CSRF|cross-site/, `${why}: the refusal says why`);
  }
  assert.equal((await t.store.findUser({ handle: 'ed' }))?.displayName, 'Ed', 'nothing changed');
  assert.equal((await ed.post('/account/profile', { displayName: 'Edward', _csrf: good })).status, 303);
  assert.equal((await t.store.findUser({ handle: 'ed' }))?.displayName, 'Edward');

  const { b, csrf } = await signedIn(t, 'ed');
  for (const [why, headers] of [
    ['no header', {}],
    ['a wrong token', { 'x-csrf-token': other }],
    ['a cross-origin Origin', { 'x-csrf-token': csrf, ...evil }],
  ] as const) {
    const res = await b.api('POST', '/api/stories/s1/drop', {}, headers);
    assert.equal(res.status, 403, why);
    assert.match(((await res.json()) as { error: string }).error, /x-csrf-token|cross-site/);
  }
  assert.equal(await dropped(t), false, 'the story was not dropped');
  assert.equal((await b.api('POST', '/api/stories/s1/drop', {}, { 'x-csrf-token': csrf })).status, 200);
  assert.equal(await dropped(t), true);

  const cross = t.browser();
  const loginCsrf = await cross.csrfFrom('/login');
  const forged = await cross.post('/login', { _csrf: loginCsrf, handle: 'ed', password: PASSWORD }, evil);
  assert.equal(forged.status, 403, 'no login CSRF from another site');
  const noSession = await t.browser().post('/login', { handle: 'ed', password: PASSWORD });
  assert.equal(noSession.status, 403, 'a form without a session of its own is refused');

  const token = (
    (await (await b.api('POST', '/api/tokens', { name: 'bot' }, { 'x-csrf-token': csrf })).json()) as {
      token: string;
    }
  ).token;
  const bearer = await t
    .browser()
    .api('POST', '/api/stories/s1/drop', { restore: true }, { authorization: `Bearer ${token}`, ...evil });
  assert.equal(bearer.status, 200, 'a bearer token carries no ambient credential: no CSRF check');
  assert.equal(await dropped(t), false);
});

test('security: the wrong role is refused — a contributor cannot decide, an editor cannot administer', async () => {
  const t = await app();
  await t.user('con', 'contributor');
  await t.user('ed', 'editor');
  await t.user('root', 'admin');
  const con = await signedIn(t, 'con');
  const refused = await con.b.api('POST', '/api/stories/s1/drop', {}, { 'x-csrf-token': con.csrf });
  assert.equal(refused.status, 403);
  assert.match(
    ((await refused.json()) as { error: string }).error,
    /needs the editor role; con is contributor/,
  );
  const conToken = await con.b.api(
    'POST',
    '/api/tokens',
    { name: 'x', role: 'admin' },
    { 'x-csrf-token': con.csrf },
  );
  assert.equal(conToken.status, 400, 'no token above your own role');
  const { token } = (await (
    await con.b.api('POST', '/api/tokens', { name: 'x' }, { 'x-csrf-token': con.csrf })
  ).json()) as { token: string };
  const viaToken = await t
    .browser()
    .api('POST', '/api/stories/s1/drop', {}, { authorization: `Bearer ${token}` });
  assert.equal(viaToken.status, 403, 'nor through a token');
  assert.equal((await con.b.get('/admin/users')).status, 403);
  assert.equal(await dropped(t), false);

  const ed = await signedIn(t, 'ed');
  assert.equal((await ed.b.api('GET', '/api/users')).status, 403);
  assert.equal(
    (await ed.b.api('POST', '/api/invites', { role: 'admin' }, { 'x-csrf-token': ed.csrf })).status,
    403,
  );
  assert.equal((await ed.b.get('/admin/users')).status, 403);
  assert.equal((await ed.b.api('POST', '/api/stories/s1/drop', {}, { 'x-csrf-token': ed.csrf })).status, 200);
  assert.equal(await dropped(t), true);
  assert.equal(
    (await t.store.decisions({ storyId: 's1' }))[0]?.by,
    'ed',
    'the decision is signed by the editor',
  );

  const root = await signedIn(t, 'root');
  assert.equal(
    (await root.b.api('POST', '/api/stories/s1/drop', { restore: true }, { 'x-csrf-token': root.csrf }))
      .status,
    200,
  );
  assert.equal((await root.b.get('/admin/users')).status, 200);
  assert.equal((await t.browser().api('GET', '/api/users')).status, 401, 'nobody: 401');
});

test('security: session fixation — an id set before sign-in is never valid after it', async () => {
  const t = await app();
  await t.user('ann', 'editor');
  const attacker = t.browser();
  await attacker.get('/login');
  const planted = attacker.cookie() as string;
  assert.ok(planted, 'the login form gave a (not signed-in) session');

  const victim = t.browser();
  victim.jar.set('ribao', planted);
  assert.equal((await victim.login('ann')).status, 303);
  const fresh = victim.cookie() as string;
  assert.notEqual(fresh, planted, 'signing in issued a new id');
  assert.equal(await t.store.findSession(hashSecret(planted)), null, 'the planted one is deleted');
  assert.equal((await attacker.api('GET', '/api/me')).status, 401, "the attacker's copy signs nobody in");
  assert.equal((await victim.api('GET', '/api/me')).status, 200);

  const stale = await attacker.post('/account/profile', {
    displayName: 'x',
    _csrf: await attacker.csrfFrom('/login'),
  });
  assert.equal(stale.status, 303, 'the attacker is only sent to sign in');
  assert.match(stale.headers.get('location') ?? '', /^\/login/);
});

test('security: login brute force is throttled — the 6th try fails even with the right password', async () => {
  const t = await app();
  await t.user('ann', 'editor');
  const b = t.browser();
  for (let i = 0; i < 5; i++) {
    assert.equal((await b.login('ann', `guess number ${i}!`)).status, 401);
    t.clock.advance(1000);
  }
  const sixth = await b.login('ann');
  assert.equal(sixth.status, 429);
  assert.equal(sixth.headers.get('retry-after'), String(15 * 60 - 1));
  assert.match(await sixth.text(), /try again in 15 minutes/);
  assert.equal(
    (await t.browser().api('POST', '/api/login', { handle: 'ann', password: PASSWORD })).status,
    429,
    'the API shares the lock',
  );
  t.clock.advance(15 * 60_000);
  assert.equal((await b.login('ann')).status, 303, 'after the window the right password works');

  const spray = await app();
  await spray.user('zed', 'editor');
  for (let i = 0; i < 20; i++)
    assert.equal((await spray.browser().login(`user${i}`, 'guess guess guess')).status, 401);
  assert.equal(
    (await spray.browser().login('zed')).status,
    429,
    'one address guessing across handles is stopped',
  );
});

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' autofocus onfocus='alert(1)",
  '</title><svg onload=alert(1)>',
];
/**
 * Parse the page as a browser would and assert nothing was injected: no element our pages never
 * have (script, img, svg, iframe), no event-handler attribute, and the payload back as plain text
 * or attribute value, exactly as typed.
 */
function assertInert(page: string, payload: string, where: string): void {
  const { document } = parseHTML(page);
  assert.equal(
    document.querySelectorAll('script, img, svg, iframe, object, embed').length,
    0,
    `${where}: elements`,
  );
  for (const element of document.querySelectorAll('*'))
    for (const { name } of element.attributes)
      assert.equal(name.startsWith('on'), false, `${where}: attribute ${name} on <${element.localName}>`);
  const values = [...document.querySelectorAll('input')].map((i) => i.getAttribute('value'));
  assert.ok(
    document.body.textContent?.includes(payload) || values.includes(payload),
    `${where}: the payload shows as text`,
  );
}

test('security: stored XSS through every text field is rendered inert', async () => {
  const t = await app();
  await t.user('root', 'admin', PAYLOADS[0]);
  const root = await signedIn(t, 'root');
  const invites: string[] = [];
  for (const _ of PAYLOADS) {
    const res = await root.b.api(
      'POST',
      '/api/invites',
      { role: 'contributor' },
      { 'x-csrf-token': root.csrf },
    );
    invites.push(new URL(((await res.json()) as { url: string }).url).pathname);
  }
  for (const [i, payload] of PAYLOADS.entries()) {
    const person = t.browser();
    const path = invites[i] as string;
    const _csrf = await person.csrfFrom(path);
    const refusedHandle = await person.post(path, {
      _csrf,
      handle: payload,
      displayName: payload,
      password: PASSWORD,
      confirm: PASSWORD,
    });
    assert.equal(refusedHandle.status, 400, 'markup is not a handle');
    assertInert(await refusedHandle.text(), payload, 'the refused form echoing the fields');
    const form = { _csrf, handle: `writer${i}`, displayName: payload, password: PASSWORD, confirm: PASSWORD };
    assert.equal((await person.post(path, form)).status, 303);
    const csrf = await person.csrfFrom('/account');
    assert.equal((await person.post('/account/tokens', { _csrf: csrf, name: payload })).status, 200);
    assertInert(await (await person.get('/account')).text(), payload, `the account page with ${payload}`);
  }
  await root.b.api('POST', '/api/tokens', { name: PAYLOADS[1] }, { 'x-csrf-token': root.csrf });

  const users = await (await root.b.get('/admin/users')).text();
  for (const payload of PAYLOADS) assertInert(users, payload, 'the admin users page');
  const next = '/"><svg/onload=alert(1)>';
  const login = await (await t.browser().get(`/login?next=${encodeURIComponent(next)}`)).text();
  assertInert(login, next, 'the next parameter');
  const reflected = t.browser();
  const _csrf = await reflected.csrfFrom('/login');
  const wrong = await (
    await reflected.post('/login', { _csrf, handle: PAYLOADS[1] as string, password: 'nope nope nope' })
  ).text();
  assertInert(wrong, PAYLOADS[1] as string, 'the handle echoed on a failed sign-in');
  const api = await (await root.b.api('GET', '/api/users')).text();
  assert.equal(/[<>]/.test(api), false, 'JSON answers carry no raw angle brackets');
});

/** Run the CLI with stdin piped; resolves with its output. */
function cli(args: string[], cwd: string, stdin: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test('security: `ribao user add` with the password on stdin, then sign-in over HTTP to `ribao serve`', async () => {
  const cwd = tempDir();
  const db = join(cwd, 'ribao.db');
  const noPrompt = await cli(['--db', db, 'user', 'add', 'chief', '--role', 'admin'], cwd, '');
  assert.equal(noPrompt.code, 2);
  assert.match(noPrompt.stderr, /--password-stdin/, 'no terminal, no flag: it asks for stdin, never argv');
  const added = await cli(
    ['--db', db, 'user', 'add', 'Chief', '--role', 'admin', '--display-name', '主编', '--password-stdin'],
    cwd,
    `${PASSWORD}\n`,
  );
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, 'added chief (admin)\n');
  const weak = await cli(
    ['--db', db, 'user', 'add', 'intern', '--role', 'editor', '--password-stdin'],
    cwd,
    'short\n',
  );
  assert.equal(weak.code, 2);
  assert.match(weak.stderr, /at least 12 characters/);

  const server: ChildProcess = spawn(
    process.execPath,
    [BIN, '--db', db, 'serve', '--port', '0', '--out', join(cwd, 'out')],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd },
    },
  );
  const exited = new Promise((resolve) => server.on('close', resolve));
  cleanup.push(async () => {
    server.kill('SIGTERM');
    await exited;
  });
  let log = '';
  server.stderr?.on('data', (d) => (log += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (d) => {
      out += d;
      const match = /serving ribao at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve(match[1] as string);
    });
    server.on('close', () => reject(new Error(`serve exited: ${log}`)));
  });
  assert.match(log, /plain HTTP on loopback/, 'the log says why cookies are not Secure');
  const b = new Browser(url);
  assert.equal((await b.login('chief', 'not the password')).status, 401);
  assert.equal((await b.login('chief')).status, 303);
  const me = (await (await b.api('GET', '/api/me')).json()) as {
    user: { handle: string; displayName: string; role: string };
  };
  assert.deepEqual(me.user.handle + me.user.role + me.user.displayName, 'chiefadmin主编');
});
