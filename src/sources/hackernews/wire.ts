// Hacker News as sent: the official Firebase API's item (`/v0/item/{id}.json`) and the Algolia search
// API's response (`/api/v1/search`). Tolerant of drift; knows nothing of RawItem (adapt.ts).

import { z } from 'zod';

/** A field that drifts: absent, null or of another type, it reads as undefined instead of failing. */
function drifting<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const text = z.string();

/** An item of any type: story, comment, job, poll, pollopt. Only `id` is always present. */
export const hnItem = z.object({
  id: z.number().int().positive(),
  /** `story`, `comment`, `job`, `poll` or `pollopt`. */
  type: drifting(text),
  deleted: drifting(z.boolean()),
  /** Flagged or killed; still served, not shown on the site by default. */
  dead: drifting(z.boolean()),
  /** The submitter's handle. */
  by: drifting(text),
  /** Unix seconds. */
  time: drifting(z.number()),
  /** Plain text as sent: titles are never HTML. */
  title: drifting(text),
  /** The linked article; absent on Ask HN and other text posts. */
  url: drifting(text),
  /** HTML: Ask/Show HN text, comments, job descriptions. */
  text: drifting(text),
  score: drifting(z.number()),
  /** The total comment count of a story or poll. */
  descendants: drifting(z.number()),
});

/** One search hit (`tags=story`). `objectID` is the item id as a string. */
export const algoliaHit = z.object({
  objectID: z.string().regex(/^\d{1,12}$/, 'is not an item id'),
  title: drifting(text),
  url: drifting(text),
  author: drifting(text),
  points: drifting(z.number()),
  num_comments: drifting(z.number()),
  /** HTML, on text posts only. */
  story_text: drifting(text),
  /** ISO 8601, UTC. */
  created_at: drifting(text),
  /** Unix seconds: what numericFilters compare. */
  created_at_i: drifting(z.number()),
  /** `story`, `author_pg`, `story_8863`, and `ask_hn`/`show_hn` for those posts. */
  _tags: drifting(z.array(text)),
});

export const algoliaSearch = z.object({
  hits: z.array(z.unknown()),
  nbHits: drifting(z.number()),
  hitsPerPage: drifting(z.number()),
});

export type HnItem = z.output<typeof hnItem>;
export type AlgoliaHit = z.output<typeof algoliaHit>;
