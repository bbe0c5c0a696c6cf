// What collecting writes besides items (each source's state, HTTP validators), held back until the
// items are stored and then written in the same transaction: a crash never advances a cursor or an
// ETag past items that were not kept.

import type { SourceState } from '../sources/source.ts';
import type { HttpValidators, Store } from '../store/store.ts';

export interface Checkpoint {
  state(source: string): SourceState;
  validators: {
    get(url: string): Promise<HttpValidators | null>;
    put(url: string, validators: HttpValidators): Promise<void>;
  };
  /** Forget what a source held: it failed, so its items are not stored and its cursor must not move. */
  discard(source: string): void;
  /** Write everything held back; call inside the transaction that stores the items. */
  commit(store: Store): Promise<void>;
}

export function checkpoint(store: Store): Checkpoint {
  const states = new Map<string, Map<string, unknown>>();
  const validators = new Map<string, HttpValidators>();
  return {
    state(source) {
      const held = states.get(source) ?? new Map<string, unknown>();
      states.set(source, held);
      return {
        async get<T>(key: string) {
          return (held.has(key) ? held.get(key) : await store.getSourceState(source, key)) as T | null;
        },
        async put(key, value) {
          held.set(key, structuredClone(value));
        },
      };
    },
    validators: {
      get: async (url) => validators.get(url) ?? (await store.getValidators(url)),
      put: async (url, v) => {
        validators.set(url, { ...v });
      },
    },
    discard(source) {
      states.delete(source);
    },
    async commit(tx) {
      for (const [source, held] of states)
        for (const [key, value] of held) await tx.putSourceState(source, key, value);
      for (const [url, v] of validators) await tx.putValidators(url, v);
      states.clear();
      validators.clear();
    },
  };
}
