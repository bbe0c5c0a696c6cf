import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../store/open.ts';
import { login } from './auth.ts';
import { webContext } from './context.ts';
import { loginThrottled, recordLogin } from './rate-limit.ts';
import { createUser } from './users.ts';

const MINUTE = 60_000;

async function setup() {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'ribao-limit-')), 'ribao.db'));
  const clock = { now: new Date('2026-11-20T08:00:00.000Z') };
  const web = webContext(store, { info() {}, warn() {}, debug() {} }, { now: () => clock.now });
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { store, web, advance };
}

test('rate limit: five failures lock the account for 15 minutes, then each five more double it', async () => {
  const { store, web, advance } = await setup();
  const fail = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await recordLogin(web, 'ann', `10.0.0.${i}`, false);
      advance(1000);
    }
  };
  await fail(4);
  assert.equal(await loginThrottled(web, 'ann', '10.9.9.9'), null, 'four failures: still open');
  await fail(1);
  const locked = await loginThrottled(web, 'ANN', '10.9.9.9');
  assert.equal(locked?.reason, 'account', 'locked whatever the case of the handle and the address');
  assert.equal(locked?.retryAfterMs, 15 * MINUTE - 1000);
  advance(15 * MINUTE);
  assert.equal(await loginThrottled(web, 'ann', '10.9.9.9'), null, 'the lock passes');
  await fail(4);
  assert.equal((await loginThrottled(web, 'ann', '10.9.9.9'))?.retryAfterMs, 15 * MINUTE - 1000);
  advance(15 * MINUTE);
  await fail(1);
  assert.equal(
    (await loginThrottled(web, 'ann', '10.9.9.9'))?.retryAfterMs,
    30 * MINUTE - 1000,
    'ten: doubled',
  );
  advance(30 * MINUTE);
  await recordLogin(web, 'ann', '10.9.9.9', true);
  await fail(4);
  assert.equal(await loginThrottled(web, 'ann', '10.9.9.9'), null, 'a success starts the count again');
  await store.close();
});

test('rate limit: one address failing on many handles is refused until its window passes', async () => {
  const { store, web, advance } = await setup();
  for (let i = 0; i < 20; i++) {
    await recordLogin(web, `user${i}`, '203.0.113.7', false);
    advance(10_000);
  }
  const throttled = await loginThrottled(web, 'someone-else', '203.0.113.7');
  assert.equal(throttled?.reason, 'address');
  assert.equal(await loginThrottled(web, 'someone-else', '203.0.113.8'), null, 'other addresses are not');
  advance(throttled?.retryAfterMs ?? 0);
  assert.equal(await loginThrottled(web, 'someone-else', '203.0.113.7'), null);
  await store.close();
});

test('rate limit: unknown handles are counted and locked like real ones (no account enumeration)', async () => {
  const { store, web } = await setup();
  await createUser(web, { handle: 'ann', role: 'editor', password: 'correct horse battery staple' });
  const answers = [];
  for (const handle of ['ann', 'nobody']) {
    for (let i = 0; i < 5; i++) await login(web, handle, 'wrong password!', '10.0.0.1');
    answers.push(await login(web, handle, 'correct horse battery staple', '10.0.0.1'));
  }
  assert.deepEqual(
    answers.map((a) => (a.ok ? 'ok' : a.throttled?.reason)),
    ['account', 'account'],
    'the sixth try is refused even with the right password, and an unknown handle looks the same',
  );
  assert.equal((await store.loginAttempts({ account: 'nobody', since: '2026-01-01' })).length, 5);
  await store.close();
});
