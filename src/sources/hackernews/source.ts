// The `hackernews` source: Hacker News top/best stories (official Firebase API) and keyword searches over
// the edition day (Algolia HN Search). Declares config and collect(); the work is in the modules beside it.

import { z } from 'zod';
import type { SourceDescriptor } from '../source.ts';
import { collectHackerNews, type HackerNewsConfig, HN_LISTS } from './collect.ts';

const config: z.ZodType<HackerNewsConfig> = z
  .object({
    /** The Firebase API root; a test server may stand in. */
    apiBase: z.url({ protocol: /^https?$/ }).default('https://hacker-news.firebaseio.com/v0'),
    /** The Algolia HN Search API root. */
    searchBase: z.url({ protocol: /^https?$/ }).default('https://hn.algolia.com/api/v1'),
    /** Which front lists to read: `top` (the front page ranking) and/or `best` (recent highest voted). */
    lists: z.array(z.enum(HN_LISTS)).default(['top']),
    /** Stories read per list, and hits per keyword search. */
    limit: z.number().int().min(1).max(500).default(30),
    /** Searched in the stories posted during the edition day (UTC), e.g. `LLM`, `"open weights"`. */
    keywords: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    /** Stories with fewer points are left out. */
    minPoints: z.number().int().min(0).default(0),
  })
  .strict()
  .refine((c) => c.lists.length > 0 || c.keywords.length > 0, {
    message: 'name at least one list (top, best) or one keyword',
    path: ['lists'],
  });

const descriptor: SourceDescriptor<HackerNewsConfig> = {
  kind: 'hackernews',
  name: 'Hacker News',
  description:
    'Hacker News front-page (top) and best stories, and stories of the day matching keywords (Algolia ' +
    'search), with points and comment counts; the discussion link is kept with each article.',
  config,
  example: { id: 'hn', kind: 'hackernews', lists: ['top'], limit: 30, keywords: ['LLM'], minPoints: 100 },
  collect: collectHackerNews,
};

export default descriptor;
