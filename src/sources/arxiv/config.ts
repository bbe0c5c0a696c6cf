// The arXiv source's configuration keys, each declared once with its default and validation.
// Three modes share the folder: `api` (the daily job), `oai` (backfills), `listing` (the daily RSS).

import { z } from 'zod';

export const ANNOUNCE_TYPES = ['new', 'cross', 'replace', 'replace-cross'] as const;
export type AnnounceType = (typeof ANNOUNCE_TYPES)[number];

export interface ArxivConfig {
  /** `api`: the export API, one listing day per run; `oai`: OAI-PMH harvest; `listing`: the listing RSS. */
  mode: 'api' | 'oai' | 'listing';
  /** api: the export API host. */
  baseUrl: string;
  /** api and listing: the categories asked for. */
  categories: string[];
  /** api: entries per request (the API's `max_results`). */
  maxResults: number;
  /** oai: the OAI-PMH endpoint. */
  oaiBase: string;
  /** oai: the sets harvested (`cs`, `physics:hep-th`, `cs:cs:AI`), one list each. */
  sets: string[];
  /** oai: `arXiv` (structured authors, license; latest version only) or `arXivRaw` (version history). */
  metadataPrefix: 'arXiv' | 'arXivRaw';
  /** oai: first datestamp harvested (YYYY-MM-DD); later runs continue from the last complete harvest. */
  from?: string | undefined;
  /** oai: last datestamp harvested; with it the window is harvested once. */
  until?: string | undefined;
  /** oai: pages (of up to a few thousand records) per run; the rest waits for the next run. */
  maxPages: number;
  /** listing: the listing RSS host path; the feed is `<rssBase>/cs.AI+cs.CL`. */
  rssBase: string;
  /** listing: the announce types kept; replacements are old papers, so only new and cross by default. */
  announceTypes: AnnounceType[];
}

const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;
const SET = /^[a-z]+(?:-[a-z]+)*(?::[a-z]+(?:-[a-z]+)*)?(?::[A-Za-z]+(?:-[A-Za-z]+)*)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const httpUrl = z.url({ protocol: /^https?$/ });
const day = z
  .string()
  .regex(DAY, 'a day as YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a real calendar day');

export const arxivConfig: z.ZodType<ArxivConfig> = z
  .object({
    mode: z.enum(['api', 'oai', 'listing']).default('api'),
    baseUrl: httpUrl.default('https://export.arxiv.org'),
    categories: z
      .array(z.string().regex(CATEGORY, 'an arXiv category such as cs.CL or hep-th'))
      .min(1)
      .default(['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG']),
    maxResults: z.number().int().min(1).max(2000).default(200),
    oaiBase: httpUrl.default('https://oaipmh.arxiv.org/oai'),
    sets: z
      .array(z.string().regex(SET, 'an OAI set such as cs, physics:hep-th or cs:cs:AI'))
      .min(1)
      .default(['cs']),
    metadataPrefix: z.enum(['arXiv', 'arXivRaw']).default('arXiv'),
    from: day.optional(),
    until: day.optional(),
    maxPages: z.number().int().min(1).max(1000).default(20),
    rssBase: httpUrl.default('https://rss.arxiv.org/rss'),
    announceTypes: z.array(z.enum(ANNOUNCE_TYPES)).min(1).default(['new', 'cross']),
  })
  .refine((c) => !c.from || !c.until || c.from <= c.until, {
    message: '`from` must not be after `until`',
    path: ['until'],
  });
