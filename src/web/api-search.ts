// `GET /api/search`: the archive search as JSON, and the query-string parsing the search page shares.
// Answers highlight ranges, never markup: whoever shows a snippet escapes it.

import { z } from 'zod';
import { isoDay } from '../model/day.ts';
import { type ArchiveFilters, searchArchive } from '../search/archive.ts';
import { json, route } from './router.ts';

export const SEARCH_PAGE_SIZE = 20;
const MAX_LIMIT = 100;
const MAX_QUERY = 200;

export interface SearchRequest {
  q: string;
  filters: ArchiveFilters;
}

/** `?q=…&publication=…&section=…&source=…&contributor=…&lang=…&from=…&to=…&limit=…&offset=…`. */
export function searchRequest(url: URL): SearchRequest | { error: string } {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const q = get('q') ?? '';
  if (q.length > MAX_QUERY) return { error: `q: at most ${MAX_QUERY} characters` };
  for (const name of ['from', 'to']) {
    const value = get(name);
    if (value !== undefined && isoDay(value) !== value)
      return { error: `${name} ${value}: expected YYYY-MM-DD` };
  }
  const limit = Number(get('limit') ?? SEARCH_PAGE_SIZE);
  const offset = Number(get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { error: `limit: 1–${MAX_LIMIT}` };
  if (!Number.isInteger(offset) || offset < 0) return { error: 'offset: a whole number, 0 or more' };
  return {
    q,
    filters: {
      publication: get('publication'),
      section: get('section'),
      source: get('source'),
      contributor: get('contributor'),
      lang: get('lang'),
      from: get('from'),
      to: get('to'),
      limit,
      offset,
    },
  };
}

const hitSchema = z.object({
  storyId: z.string(),
  title: z.string(),
  titleZh: z.string().nullable(),
  date: z.string(),
  score: z.number(),
  snippet: z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) }),
});

export const searchApi = [
  route({
    method: 'GET',
    path: '/api/search',
    kind: 'api',
    role: 'contributor',
    summary:
      'Search the archive (Chinese and English): `q`, filters `publication`, `section`, `source`, `contributor`, `lang`, `from`, `to`; `limit`, `offset`. Snippet marks are [start, end) UTF-16 ranges.',
    response: z.object({ query: z.string(), total: z.number(), hits: z.array(hitSchema) }),
    errors: { 400: 'a parameter is not valid' },
    async handle(rc) {
      const request = searchRequest(rc.url);
      if ('error' in request) return json(400, { error: request.error });
      const result = await searchArchive(rc.web.store, request.q, request.filters);
      return json(200, { query: request.q, ...result });
    },
  }),
];
