// Story, Writeup, Edition, Publication, Contributor: the nouns after merging.
// Owns shapes only; behaviour lives in pipeline/ and render/.

import type { Item, ItemKind } from './item.ts';

/** One real-world thing (a paper, an announcement), however many sources listed it. */
export interface Story {
  id: string;
  kind: ItemKind;
  /** The edition day the story belongs to: the earliest day any source listed it. */
  editionDate: string;
  keys: string[];
  /** Tombstone: an editor dropped it; it stays dropped on every later run. */
  dropped: boolean;
}

export type WriteupStatus = 'drafted' | 'extractive' | 'edited' | 'flagged';

/** Text for one story in one language, written by the LLM, extracted, or edited by a person. */
export interface Writeup {
  storyId: string;
  lang: string;
  title: string;
  body: string;
  status: WriteupStatus;
  task: string;
  model: string | null;
  promptVersion: string | null;
  /** Who edited it, when status is `edited`. */
  editedBy: string | null;
  updatedAt: string;
}

/** A story with everything later stages need to rank, assemble and render it. */
export interface StoryView extends Story {
  items: (Item & { id: number })[];
  writeups: Writeup[];
}

export interface Contributor {
  handle: string;
  name: string | null;
}
