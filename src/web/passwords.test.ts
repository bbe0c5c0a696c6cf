import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CURRENT,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyDummy,
  verifyPassword,
} from './passwords.ts';

test('passwords: scrypt with a per-user salt, the parameters in the hash, checked in constant time', async () => {
  const a = await hashPassword('correct horse battery staple');
  const b = await hashPassword('correct horse battery staple');
  assert.match(a, /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.notEqual(a, b, 'a fresh salt each time');
  assert.equal(await verifyPassword('correct horse battery staple', a), true);
  assert.equal(await verifyPassword('correct horse battery stapl', a), false);
  assert.equal(await verifyPassword('', a), false);
  assert.equal(await verifyDummy('anything'), false);
});

test('passwords: full-width input is the same password (NFKC), so an IME does not lock anyone out', async () => {
  const hash = await hashPassword('Ｐａｓｓｗｏｒｄ１２３４５６');
  assert.equal(await verifyPassword('Password123456', hash), true);
});

test('passwords: an older cost is rehashed; an unreadable hash never matches', async () => {
  const old = await hashPassword('correct horse battery staple', { ln: 10, r: 8, p: 1 });
  assert.equal(await verifyPassword('correct horse battery staple', old), true);
  assert.equal(needsRehash(old), true);
  assert.equal(needsRehash(await hashPassword('x'.repeat(12))), false);
  assert.equal(needsRehash(old, { ...CURRENT, ln: 10 }), false);
  for (const bad of [
    '',
    'plain',
    '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    '$argon2id$v=19$m=1$x$y',
  ])
    assert.equal(await verifyPassword('anything', bad), false, bad);
});

test('passwords: length is the rule (12 to 1024), and not the handle', () => {
  assert.match(passwordProblem('short') ?? '', /at least 12/);
  assert.equal(passwordProblem('twelve chars'), null);
  assert.equal(passwordProblem('密码也可以是中文的十二个字符啊'), null);
  assert.match(passwordProblem('x'.repeat(1025)) ?? '', /at most 1024/);
  assert.match(passwordProblem('Editor-Lin-2026', 'editor-lin-2026') ?? '', /not be the handle/);
});
