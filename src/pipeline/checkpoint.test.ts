// Source state and validators are written only with the items: a failed store keeps the old cursor.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { checkpoint } from './checkpoint.ts';

test('held state is visible at once, stored only on commit, and lost with a failed transaction', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  await store.putSourceState('arxiv', 'oai', { token: 'old' });
  const first = checkpoint(store);
  const state = first.state('arxiv');
  await state.put('oai', { token: 'new' });
  await first.validators.put('https://x/feed', { etag: '"1"' });
  assert.deepEqual(await state.get('oai'), { token: 'new' }, 'the source sees what it wrote');
  await assert.rejects(
    store.transaction(async (tx) => {
      await first.commit(tx);
      throw new Error('storing the items failed');
    }),
  );
  assert.deepEqual(await store.getSourceState('arxiv', 'oai'), { token: 'old' });
  assert.equal(await store.getValidators('https://x/feed'), null);

  const failed = checkpoint(store);
  await failed.state('arxiv').put('oai', { token: 'from a failed collect' });
  failed.discard('arxiv');
  await store.transaction((tx) => failed.commit(tx));
  assert.deepEqual(
    await store.getSourceState('arxiv', 'oai'),
    { token: 'old' },
    'a failed source keeps its cursor',
  );

  const second = checkpoint(store);
  await second.state('arxiv').put('oai', { token: 'new' });
  await store.transaction((tx) => second.commit(tx));
  assert.deepEqual(await store.getSourceState('arxiv', 'oai'), { token: 'new' });
  await store.close();
});
