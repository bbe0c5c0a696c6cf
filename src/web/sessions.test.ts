import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../store/open.ts';
import { webContext } from './context.ts';
import { hashSecret } from './secrets.ts';
import { endSession, loadSession, sessionCookie, startSession } from './sessions.ts';

const HOUR = 3_600_000;

test('sessions: stored hashed, ended by idleness, by their absolute end, and by sign-out', async () => {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'ribao-sessions-')), 'ribao.db'));
  const clock = { now: new Date('2026-11-20T08:00:00.000Z') };
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const web = webContext(store, { info() {}, warn() {}, debug() {} }, { now: () => clock.now });
  const user = await store.createUser({
    handle: 'ann',
    displayName: 'Ann',
    role: 'editor',
    passwordHash: null,
    disabledAt: null,
    createdAt: 'then',
    updatedAt: 'then',
  });

  const session = await startSession(web, user, '127.0.0.1');
  assert.match(session.id, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
  assert.equal(await store.findSession(session.id), null, 'the id itself is not stored');
  assert.equal((await store.findSession(hashSecret(session.id)))?.userId, user);
  assert.match(
    sessionCookie(web, session),
    /^__Host-ribao=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800; Secure$/,
  );

  advance(11 * HOUR);
  assert.ok(await loadSession(web, session.id), 'used within the idle limit');
  advance(11 * HOUR);
  assert.ok(await loadSession(web, session.id), 'each use moves the idle limit on');
  advance(12 * HOUR);
  assert.equal(await loadSession(web, session.id), null, '12 hours unused: gone');

  const busy = await startSession(web, user, '127.0.0.1');
  for (let h = 6; h < 7 * 24; h += 6) {
    advance(6 * HOUR);
    assert.ok(await loadSession(web, busy.id));
  }
  advance(6 * HOUR);
  assert.equal(await loadSession(web, busy.id), null, 'seven days after sign-in: gone, however busy');

  const anonymous = await startSession(web, null, '127.0.0.1');
  advance(2 * HOUR);
  assert.equal(await loadSession(web, anonymous.id), null, 'a session that never signed in lasts two hours');

  const last = await startSession(web, user, '127.0.0.1');
  await endSession(web, last);
  assert.equal(await loadSession(web, last.id), null);
  assert.equal(await loadSession(web, 'not-a-session'), null);
  await store.close();
});
