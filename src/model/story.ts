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
  /** What the model call cost (null when no call was made: extractive, edited, from an import). */
  tokens: number | null;
  cost: number | null;
  /** The quality gate's reasons for `flagged`; empty when it passed. */
  gate: string[];
}

/** Where a story goes in one publication, when neither its source nor a rule decides. */
export interface Placement {
  storyId: string;
  publication: string;
  section: string;
  tags: string[];
  /** `llm` (classification) or the editor's handle; an editor's placement is never overwritten. */
  by: string;
  updatedAt: string;
}

/** An editor's order for a story in one publication: pinned stories first, then by position. */
export interface StoryOrder {
  publication: string;
  pinned: boolean;
  /** Explicit place in the edition (1 = first), or null to follow the score. */
  position: number | null;
  by: string;
  updatedAt: string;
}

/** One entry of the revision history: who did what to which story, when. */
export interface Decision {
  at: string;
  by: string;
  action: 'pin' | 'unpin' | 'drop' | 'restore' | 'move' | 'order' | 'split' | 'merge' | 'edit';
  storyId: string | null;
  publication: string | null;
  /** What changed, for the history (the section moved to, the new story of a split, the old text). */
  detail: Record<string, unknown>;
}

/** An edition's lead paragraph: written by the model or an editor. */
export interface EditionLead {
  publication: string;
  date: string;
  body: string;
  status: WriteupStatus;
  model: string | null;
  promptVersion: string | null;
  gate: string[];
  editedBy: string | null;
  updatedAt: string;
}

/** A story with everything later stages need to rank, assemble and render it. */
export interface StoryView extends Story {
  items: (Item & { id: number })[];
  writeups: Writeup[];
  placements: Placement[];
  orders: StoryOrder[];
}

export interface Contributor {
  handle: string;
  name: string | null;
}
