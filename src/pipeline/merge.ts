// merge: put each normalized item into its story, by identity keys. Idempotent: an unchanged item
// is skipped, a re-listed item updates in place. Must not rank, write or render.

import { createHash } from 'node:crypto';
import { addDays } from '../model/day.ts';
import type { Item } from '../model/item.ts';
import type { Store } from '../store/store.ts';
import { citedPapers } from '../stories/citations.ts';
import type { DupDoc } from '../stories/near-dup.ts';
import { NearDupIndex } from '../stories/near-dup-index.ts';

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
 * they are the same thing, unless an editor split them (a split stays split). A dropped story stays
 * dropped (tombstone).
 */
export async function mergeItem(store: Store, item: Item, nearDup?: NearDupIndex): Promise<MergeResult> {
  const hash = contentHash(item);
  const existing = await store.findItem(item.source, item.externalId);
  if (existing && existing.contentHash === hash) return { storyId: existing.storyId, outcome: 'skipped' };

  let found = await store.storyIdsForKeys(item.keys);
  if (existing && !found.includes(existing.storyId)) found.unshift(existing.storyId);
  // An item an editor split out stays in the story they put it in.
  const locked = existing ? await store.lockedStory(existing.id) : null;
  if (locked) found = [locked];
  let storyId = found[0] ?? (await citedStory(store, item)) ?? (await nearDupStory(store, item, nearDup));
  if (storyId === undefined) {
    storyId = await freshStoryId(store, item);
    await store.createStory({
      id: storyId,
      kind: item.kind,
      editionDate: item.editionDate,
      keys: [...item.keys, ...pendingCitations(item)],
      dropped: false,
    });
    await store.saveItem(item, storyId, hash);
    if (isCommentary(item)) nearDup?.add(storyId, dupDoc(item), itemTime(item));
    // Commentary that arrived first, citing this paper or repository, now joins it.
    for (const other of await store.storyIdsForKeys(item.keys.map((k) => `cites:${k}`))) {
      if (other !== storyId && !(await store.apart(storyId, other))) await store.absorbStory(storyId, other);
    }
    return { storyId, outcome: 'imported' };
  }
  for (const other of found.slice(1)) {
    if (!(await store.apart(storyId, other))) await store.absorbStory(storyId, other);
  }
  await store.addStoryKeys(storyId, item.keys);
  const story = await store.getStory(storyId);
  if (story && item.editionDate < story.editionDate) await store.setStoryDate(storyId, item.editionDate);
  await store.saveItem(item, storyId, hash);
  if (isCommentary(item) && !existing) nearDup?.add(storyId, dupDoc(item), itemTime(item));
  return { storyId, outcome: existing ? 'updated' : 'merged' };
}

/**
 * The weakest identity, last: an article or post with no key and no citation in common with any
 * story joins the story of a near-duplicate report (stories/near-dup.ts) from the last few days.
 * The join is written to the story's history with its similarity, so an editor can see and split it.
 */
async function nearDupStory(store: Store, item: Item, nearDup?: NearDupIndex): Promise<string | undefined> {
  if (!nearDup || !isCommentary(item)) return undefined;
  const match = nearDup.match(dupDoc(item), itemTime(item));
  if (!match || !(await store.getStory(match.id))) return undefined;
  await store.logDecision({
    at: new Date().toISOString(),
    by: 'ribao',
    action: 'merge',
    storyId: match.id,
    publication: null,
    detail: {
      rule: 'near-duplicate',
      item: `${item.source}:${item.externalId}`,
      jaccard: round(match.jaccard),
    },
  });
  return match.id;
}

/** A near-duplicate index holding the stored articles and posts of the days before `from`. */
export async function nearDupIndexFor(store: Store, from: string, to: string): Promise<NearDupIndex> {
  const index = new NearDupIndex();
  const stories = [];
  for (let day = addDays(from, -NEAR_DUP_DAYS); day <= to; day = addDays(day, 1))
    stories.push(...(await store.storiesOn(day)));
  const held = stories.flatMap((s) => s.items.filter(isCommentary).map((item) => ({ id: s.id, item })));
  held.sort((a, b) => itemTime(a.item) - itemTime(b.item));
  for (const { id, item } of held) index.add(id, dupDoc(item), itemTime(item));
  return index;
}

const NEAR_DUP_DAYS = 6;

function dupDoc(item: Item): DupDoc {
  return { title: item.title, summary: item.summary };
}

function itemTime(item: Item): number {
  const published = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
  return Number.isFinite(published) ? published : Date.parse(`${item.editionDate}T12:00:00Z`);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Content linking: an article or post with no story of its own joins the one story it cites (an
 * arXiv id, DOI, repository or paper title), across languages. A roundup citing more than two
 * papers, or text citing several known stories, joins none: a wrong merge is worse than none.
 */
async function citedStory(store: Store, item: Item): Promise<string | undefined> {
  if (!isCommentary(item) || item.cites.length === 0 || citedPapers(item.cites) > 2) return undefined;
  const cited = new Set(await store.storyIdsForKeys([...item.cites, ...item.cites.map((k) => `cites:${k}`)]));
  return cited.size === 1 ? [...cited][0] : undefined;
}

/** Keys a new commentary story keeps for what it cites, so the paper arriving later finds it. */
function pendingCitations(item: Item): string[] {
  if (!isCommentary(item) || citedPapers(item.cites) > 2) return [];
  return item.cites.map((k) => `cites:${k}`);
}

function isCommentary(item: Pick<Item, 'kind'>): boolean {
  return item.kind === 'article' || item.kind === 'post';
}

async function freshStoryId(store: Store, item: Item): Promise<string> {
  const seed = item.keys[0] ?? `${item.source}:${item.externalId}`;
  let id = storyIdFor(seed);
  for (let n = 2; await store.getStory(id); n++) id = storyIdFor(`${seed}#${n}`);
  return id;
}
