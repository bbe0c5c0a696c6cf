// Editor decisions as first-class data: pin, drop, move to a section, reorder, split, merge. Each is
// one transaction that changes the store and appends to the revision history; later runs respect them
// (merge.ts never rejoins a split, assemble.ts follows placements and order, a drop is a tombstone).

import type { Decision } from '../model/story.ts';
import { storyIdFor } from '../pipeline/merge.ts';
import { indexStories } from '../search/archive.ts';
import type { Store } from '../store/store.ts';

export class DecisionError extends Error {}

async function record(store: Store, d: Omit<Decision, 'at'>): Promise<void> {
  await store.logDecision({ ...d, at: new Date().toISOString() });
}

async function mustExist(store: Store, storyId: string) {
  const story = await store.story(storyId);
  if (!story) throw new DecisionError(`no story ${storyId}`);
  return story;
}

export async function pin(store: Store, storyId: string, publication: string, pinned: boolean, by: string) {
  await store.transaction(async (tx) => {
    const story = await mustExist(tx, storyId);
    const position = story.orders.find((o) => o.publication === publication)?.position ?? null;
    await tx.setOrder(storyId, { publication, pinned, position, by, updatedAt: new Date().toISOString() });
    await record(tx, { by, action: pinned ? 'pin' : 'unpin', storyId, publication, detail: {} });
  });
}

export async function drop(store: Store, storyId: string, dropped: boolean, by: string) {
  await store.transaction(async (tx) => {
    await mustExist(tx, storyId);
    await tx.setDropped(storyId, dropped);
    await record(tx, { by, action: dropped ? 'drop' : 'restore', storyId, publication: null, detail: {} });
  });
}

export async function move(store: Store, storyId: string, publication: string, section: string, by: string) {
  await store.transaction(async (tx) => {
    const story = await mustExist(tx, storyId);
    const before = story.placements.find((p) => p.publication === publication)?.section ?? null;
    await tx.putPlacement({
      storyId,
      publication,
      section,
      tags: [],
      by,
      updatedAt: new Date().toISOString(),
    });
    await record(tx, { by, action: 'move', storyId, publication, detail: { section, before } });
    await indexStories(tx, [storyId]);
  });
}

/** Give the listed stories positions 1…n in the publication's editions (the rest follow by score). */
export async function reorder(store: Store, publication: string, storyIds: string[], by: string) {
  await store.transaction(async (tx) => {
    for (const [index, storyId] of storyIds.entries()) {
      const story = await mustExist(tx, storyId);
      const pinned = story.orders.find((o) => o.publication === publication)?.pinned ?? false;
      await tx.setOrder(storyId, {
        publication,
        pinned,
        position: index + 1,
        by,
        updatedAt: new Date().toISOString(),
      });
    }
    await record(tx, { by, action: 'order', storyId: null, publication, detail: { order: storyIds } });
  });
}

/** Move items out of a story into a new one; returns its id. The two are never merged again by a run. */
export async function split(store: Store, storyId: string, itemIds: number[], by: string): Promise<string> {
  return store.transaction(async (tx) => {
    const story = await mustExist(tx, storyId);
    const moving = story.items.filter((i) => itemIds.includes(i.id));
    if (moving.length !== itemIds.length)
      throw new DecisionError(`story ${storyId} does not hold items ${itemIds.join(', ')}`);
    if (moving.length === story.items.length)
      throw new DecisionError('a split must leave at least one item behind');
    const first = moving[0];
    const seed = `split:${first?.source}:${first?.externalId}`;
    let id = storyIdFor(seed);
    for (let n = 2; await tx.getStory(id); n++) id = storyIdFor(`${seed}#${n}`);
    const keys = [...new Set(moving.flatMap((i) => i.keys))];
    const editionDate = moving.map((i) => i.editionDate).sort()[0] ?? story.editionDate;
    await tx.splitStory(storyId, itemIds, {
      id,
      kind: first?.kind ?? story.kind,
      editionDate,
      keys,
      dropped: false,
    });
    await record(tx, {
      by,
      action: 'split',
      storyId,
      publication: null,
      detail: { into: id, items: itemIds },
    });
    await indexStories(tx, [storyId, id]);
    return id;
  });
}

/** Join `from` into `into`, even if an earlier split kept them apart. */
export async function merge(store: Store, into: string, from: string, by: string) {
  if (into === from) throw new DecisionError('a story cannot be merged into itself');
  await store.transaction(async (tx) => {
    await mustExist(tx, into);
    await mustExist(tx, from);
    await tx.together(into, from);
    await tx.absorbStory(into, from);
    await record(tx, { by, action: 'merge', storyId: into, publication: null, detail: { from } });
    await indexStories(tx, [into, from]);
  });
}
