// merge: put each normalized item into its story, by identity keys. Idempotent: an unchanged item
// is skipped, a re-listed item updates in place. Must not rank, write or render.

import { createHash } from 'node:crypto';
import type { Item } from '../model/item.ts';
import type { Store } from '../store/store.ts';

export type MergeOutcome = 'imported' | 'merged' | 'updated' | 'skipped';

export interface MergeResult {
  storyId: string;
  outcome: MergeOutcome;
}

/** A story's id: derived from its first identity key, so the same input gives the same ids in any store. */
export function storyIdFor(firstKey: string): string {
  return createHash('sha256').update(firstKey).digest('hex').slice(0, 12);
}

export function contentHash(item: Item): string {
  return createHash('sha256').update(JSON.stringify(item)).digest('hex');
}

/**
 * Store one item and attach it to its story:
 * - `skipped`: the same (source, externalId) is stored with identical content;
 * - `updated`: the same (source, externalId) is stored and its content changed (new upvotes, a new version);
 * - `merged`: it joined a story that already existed (another source, another day);
 * - `imported`: it started a new story.
 * When its keys reach several stories, they become one (the oldest keeps its id): the item proved
 * they are the same thing. A dropped story stays dropped (tombstone).
 */
export async function mergeItem(store: Store, item: Item): Promise<MergeResult> {
  const hash = contentHash(item);
  const existing = await store.findItem(item.source, item.externalId);
  if (existing && existing.contentHash === hash) return { storyId: existing.storyId, outcome: 'skipped' };

  const found = await store.storyIdsForKeys(item.keys);
  if (existing && !found.includes(existing.storyId)) found.unshift(existing.storyId);
  let storyId = found[0];
  if (storyId === undefined) {
    storyId = await freshStoryId(store, item);
    await store.createStory({
      id: storyId,
      kind: item.kind,
      editionDate: item.editionDate,
      keys: item.keys,
      dropped: false,
    });
    await store.saveItem(item, storyId, hash);
    return { storyId, outcome: 'imported' };
  }
  for (const other of found.slice(1)) await store.absorbStory(storyId, other);
  await store.addStoryKeys(storyId, item.keys);
  const story = await store.getStory(storyId);
  if (story && item.editionDate < story.editionDate) await store.setStoryDate(storyId, item.editionDate);
  await store.saveItem(item, storyId, hash);
  return { storyId, outcome: existing ? 'updated' : 'merged' };
}

async function freshStoryId(store: Store, item: Item): Promise<string> {
  const seed = item.keys[0] ?? `${item.source}:${item.externalId}`;
  let id = storyIdFor(seed);
  for (let n = 2; await store.getStory(id); n++) id = storyIdFor(`${seed}#${n}`);
  return id;
}
