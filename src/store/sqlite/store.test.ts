// Runs the shared Store contract against the embedded SQLite store, plus what only SQLite has.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { storeContract } from '../store.contract.ts';
import { migrations } from './migrations.ts';
import { openSqliteStore } from './store.ts';

storeContract('sqlite', async () => {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ribao-store-')), 'ribao.db'));
  await store.migrate();
  return store;
});

test('sqlite: one file in WAL mode with foreign keys on', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ribao-store-')), 'nested', 'ribao.db');
  const store = openSqliteStore(path);
  assert.deepEqual(
    await store.migrate(),
    migrations.map((m) => m.name),
  );
  await store.close();
  const db = new DatabaseSync(path);
  assert.equal((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
  db.close();
});

test('sqlite: a store made by an older ribao upgrades in place, keeping its writeups', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ribao-store-')), 'old.db');
  const old = new DatabaseSync(path);
  old.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  old.exec(migrations[0]?.sql ?? '');
  old.exec(`INSERT INTO schema_migrations VALUES ('001-core', 'then');
    INSERT INTO stories VALUES ('s', 'paper', '2026-11-20', 0, 'then');
    INSERT INTO writeups VALUES ('s', 'zh', '标题', '正文', 'edited', 'paper-translation', NULL, NULL, 'ed', 'then');`);
  old.close();
  const store = openSqliteStore(path);
  assert.deepEqual(
    await store.migrate(),
    migrations.slice(1).map((m) => m.name),
  );
  const [writeup] = (await store.story('s'))?.writeups ?? [];
  assert.equal(writeup?.title, '标题');
  assert.deepEqual([writeup?.gate, writeup?.tokens, writeup?.cost], [[], null, null]);
  await store.close();
});
