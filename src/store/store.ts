// The Store interface: everything the pipeline, CLI and web app may ask of storage.
// SQLite (embedded default) and PostgreSQL (scale mode) implement it; store.contract.ts tests both.

import type { Item } from '../model/item.ts';
import type { Story, StoryView, Writeup } from '../model/story.ts';

export interface ItemRecord extends Item {
  id: number;
  storyId: string;
  contentHash: string;
}

/** The LLM cache key: a re-run with the same input, task, prompt version and model costs nothing. */
export interface CacheKey {
  inputHash: string;
  task: string;
  promptVersion: string;
  model: string;
}

export interface EditionRecord {
  publication: string;
  date: string;
  files: string[];
  publishedAt: string;
}

export interface Counts {
  items: number;
  stories: number;
  writeups: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages (a file path, a database URL without password). */
  readonly location: string;
  /** Apply pending migrations in order; returns the names applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** Run fn atomically: if it throws, nothing it wrote is kept. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  findItem(source: string, externalId: string): Promise<ItemRecord | null>;
  /** Insert or update the item identified by (source, externalId); returns its row id. */
  saveItem(item: Item, storyId: string, contentHash: string): Promise<number>;

  /** Ids of the stories holding any of these identity keys, oldest first. */
  storyIdsForKeys(keys: string[]): Promise<string[]>;
  getStory(id: string): Promise<Story | null>;
  createStory(story: Story): Promise<void>;
  /** Attach keys to a story; keys already on it are ignored. */
  addStoryKeys(storyId: string, keys: string[]): Promise<void>;
  setStoryDate(storyId: string, editionDate: string): Promise<void>;
  /** Merge story `from` into `into`: items, keys and writeups move; `from` is deleted. */
  absorbStory(into: string, from: string): Promise<void>;
  setDropped(storyId: string, dropped: boolean): Promise<void>;

  /** Every story of an edition day, with its items and writeups. */
  storiesOn(date: string): Promise<StoryView[]>;
  story(id: string): Promise<StoryView | null>;
  /** Edition days that have stories, newest first. */
  storyDates(): Promise<string[]>;
  counts(): Promise<Counts>;

  /** Upsert by (storyId, lang). A person's edit is never overwritten by a machine writeup. */
  putWriteup(writeup: Writeup): Promise<void>;

  cacheGet(key: CacheKey): Promise<unknown>;
  cachePut(key: CacheKey, value: unknown, tokens: number): Promise<void>;

  recordEdition(edition: EditionRecord): Promise<void>;
  editions(publication: string): Promise<EditionRecord[]>;
}
