// The Edition: one dated issue of one publication, as assembled; every renderer reads only this.
// Owns the shape only.

import type { ItemKind } from './item.ts';

export const TEMPLATES = ['paper-digest', 'daily-report'] as const;

export interface EditionEntry {
  storyId: string;
  kind: ItemKind;
  /** English (or source-language) title as published. */
  originalTitle: string;
  /** Chinese title, or null when no translation exists yet. */
  title: string | null;
  /** Chinese text (translation or summary); the source text when `translated` is false. */
  body: string;
  /** The source-language text (abstract or summary), for the bilingual view. */
  originalBody: string;
  /** Language of `originalTitle`/`originalBody` (BCP 47). */
  originalLang: string;
  /** When the thing was published, and when its text last changed (a correction moves it). */
  publishedAt: string | null;
  updatedAt: string | null;
  /** Who wrote the Chinese: the model (with its name) or an editor. */
  writtenBy: string | null;
  translated: boolean;
  /** Edited by a person (shown in provenance). */
  edited: boolean;
  url: string;
  image: string | null;
  /** The `贡献人` credit, without the `@`, or null to omit the line. */
  contributor: string | null;
  score: number;
  links: { source: string; url: string }[];
}

export interface EditionSection {
  title: string;
  entries: EditionEntry[];
  children: EditionSection[];
}

export interface Edition {
  publication: string;
  title: string;
  template: (typeof TEMPLATES)[number];
  date: string;
  /** The lead paragraph (Chinese), when the publication asks for one and it has been written. */
  lead: string | null;
  sections: EditionSection[];
  /** Entries printed with source-language text: no endpoint, the budget ran out, or a draft awaits an editor. */
  untranslated: number;
  /** Of those, drafts the quality gate flagged for an editor. */
  flagged: number;
}

/** Every entry of an edition in reading order (sections, then their sub-sections). */
export function allEntries(edition: Edition): EditionEntry[] {
  const walk = (s: EditionSection): EditionEntry[] => [...s.entries, ...s.children.flatMap(walk)];
  return edition.sections.flatMap(walk);
}
