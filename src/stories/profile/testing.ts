// For ranking tests only: a StoryView built from a few facts, with items as merge would store them,
// and a Profile made directly (no files).

import type { Item } from '../../model/item.ts';
import type { StoryView } from '../../model/story.ts';
import type { Profile } from './profile.ts';

export type TestItem = Partial<Item> & { title: string };

/** A story of one day whose items default to a paper listed by `hf-daily`. */
export function storyOf(id: string, items: TestItem[], options: Partial<StoryView> = {}): StoryView {
  const editionDate = options.editionDate ?? '2026-11-20';
  return {
    id,
    kind: items[0]?.kind ?? 'paper',
    editionDate,
    keys: [...new Set(items.flatMap((i) => i.keys ?? []))],
    dropped: false,
    writeups: [],
    placements: [],
    orders: [],
    ...options,
    items: items.map((item, n) => ({
      id: n + 1,
      source: 'hf-daily',
      externalId: `${id}-${n}`,
      kind: 'paper',
      url: `https://example.org/${id}/${n}`,
      summary: '',
      lang: 'en',
      authors: [],
      publishedAt: `${editionDate}T08:00:00.000Z`,
      editionDate,
      image: null,
      metrics: {},
      contributor: null,
      section: null,
      extra: {},
      keys: [],
      cites: [],
      ...item,
    })),
  };
}

export function profileOf(overrides: Partial<Profile>): Profile {
  return { keywords: [], negativeKeywords: [], seeds: [], weight: 1, ...overrides };
}
