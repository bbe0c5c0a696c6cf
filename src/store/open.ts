// Opens the Store a `--db` value names: a file path (SQLite) or a postgres:// URL (scale mode).
// Knows nothing of either store's internals.

import { UsageError } from '../errors.ts';
import { openSqliteStore } from './sqlite/store.ts';
import type { Store } from './store.ts';

export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    throw new UsageError(
      `--db ${db.replace(/:[^:@/]+@/, ':****@')}: the PostgreSQL store is not available yet (scale mode)`,
    );
  }
  const path = db.replace(/^sqlite:/, '');
  let store: Store;
  try {
    store = openSqliteStore(path);
  } catch (error) {
    throw new UsageError(`--db ${path}: cannot open the SQLite store (${(error as Error).message})`);
  }
  await store.migrate();
  return store;
}
