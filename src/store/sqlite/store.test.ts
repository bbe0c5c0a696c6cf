// Runs the shared Store contract against the embedded SQLite store, plus what only SQLite has.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { storeContract } from '../store.contract.ts';
import { openSqliteStore } from './store.ts';

storeContract('sqlite', async () => {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ribao-store-')), 'ribao.db'));
  await store.migrate();
  return store;
});

test('sqlite: one file in WAL mode with foreign keys on', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ribao-store-')), 'nested', 'ribao.db');
  const store = openSqliteStore(path);
  assert.deepEqual(await store.migrate(), ['001-core']);
  await store.close();
  const db = new DatabaseSync(path);
  assert.equal((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
  db.close();
});
