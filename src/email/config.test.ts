import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dumpConfig } from '../config/load.ts';
import { type Config, ConfigSchema } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import { emailSettings, senderDomain } from './config.ts';

const base = ConfigSchema.parse({});
const block = {
  from: 'AI 日报 <Digest@Ribao.Example>',
  smtp: { host: 'smtp.example.com', user: 'digest', password: 'hunter2' },
};

test('email settings: defaults, the sender checked, the password overridable and masked in a dump', () => {
  const config = { ...base, email: block } as Config;
  const email = emailSettings(config, {});
  assert.deepEqual(
    [
      email.smtp.port,
      email.smtp.secure,
      email.smtp.requireTls,
      email.smtp.pool,
      email.confirm,
      email.replyTo,
    ],
    [587, false, true, true, { ttlHours: 72, perDay: 3 }, null],
  );
  assert.equal(senderDomain(email.from), 'ribao.example');
  assert.equal(emailSettings(config, { RIBAO_SMTP_PASSWORD: 's3cret' }).smtp.password, 's3cret');
  const dump = dumpConfig(config);
  assert.doesNotMatch(dump, /hunter2/);
  assert.match(dump, /password: "?\*{8}"?/);
  assert.throws(
    () => emailSettings({ ...base, email: { ...block, from: 'nobody' } } as Config, {}),
    (e: unknown) => e instanceof UsageError && /email\.from: expected an address/.test(e.message),
  );
  assert.throws(() => emailSettings(base, {}), /email: not configured/);
});

test('email settings: RIBAO_EMAIL_CONFIG names a file holding them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ribao-email-config-'));
  writeFileSync(
    join(dir, 'email.yaml'),
    `email:\n  from: digest@ribao.example\n  smtp:\n    host: 127.0.0.1\n`,
  );
  writeFileSync(join(dir, 'bare.yaml'), `from: digest@ribao.example\nsmtp:\n  host: 127.0.0.1\n  port: 0\n`);
  assert.equal(emailSettings(base, { RIBAO_EMAIL_CONFIG: join(dir, 'email.yaml') }).smtp.host, '127.0.0.1');
  assert.throws(
    () => emailSettings(base, { RIBAO_EMAIL_CONFIG: join(dir, 'bare.yaml') }),
    /bare\.yaml: email\.smtp\.port: /,
  );
  assert.throws(
    () => emailSettings(base, { RIBAO_EMAIL_CONFIG: join(dir, 'missing.yaml') }),
    /missing\.yaml: cannot read/,
  );
});
