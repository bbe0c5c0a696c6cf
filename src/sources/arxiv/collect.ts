// collect in `api` mode: page through the API's newest submissions and keep one listing day.
// Owns the query, paging and stop rules; reads the network only through ctx.http, waits through pace.ts.

import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, HttpResponse } from '../source.ts';
import { adaptEntry } from './adapt.ts';
import { isListingDay, windowStart } from './announce.ts';
import type { ArxivConfig } from './config.ts';
import { type Politeness, pacer } from './pace.ts';
import { ArxivApiError, parseArxivFeed } from './parse.ts';
import type { ArxivFeed } from './wire.ts';

export type ApiConfig = Pick<ArxivConfig, 'baseUrl' | 'categories' | 'maxResults'>;

const DAY_MS = 86_400_000;
/** A guard against a server that never runs out of pages; 100 pages of 200 is far more than a day. */
const MAX_PAGES = 100;

/**
 * The papers of the listing dated ctx.date, newest submissions first. Stops at an empty page, at
 * totalResults, or once a page reaches back more than a day before the listing's window opened
 * (the day of slack covers the API's loose ordering). Weekend dates have no listing: nothing to fetch.
 */
export async function collectListing(
  ctx: CollectContext,
  config: ApiConfig,
  politeness: Politeness = {},
): Promise<RawItem[]> {
  if (!isListingDay(ctx.date)) {
    ctx.log.info(`${ctx.sourceId}: ${ctx.date} is a weekend day, arXiv has no listing for it`);
    return [];
  }
  const stopBefore = windowStart(ctx.date).getTime() - DAY_MS;
  const kept = new Map<string, RawItem>();
  const wait = pacer(politeness);
  let start = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    await wait();
    const url = queryUrl(config, start);
    const feed = await fetchPage(ctx, url);
    let oldest = Number.POSITIVE_INFINITY;
    for (const [index, entry] of feed.entries.entries()) {
      const item = adaptOrWarn(ctx, entry, url, index);
      if (!item) continue;
      oldest = Math.min(oldest, Date.parse(item.publishedAt ?? ''));
      if (item.listedOn === ctx.date && !kept.has(item.externalId)) kept.set(item.externalId, item);
    }
    start += feed.entries.length;
    const exhausted = feed.totalResults !== null && start >= feed.totalResults;
    if (feed.entries.length === 0 && feed.totalResults !== null && !exhausted) {
      ctx.log.warn(`${ctx.sourceId}: empty page at ${start} of ${feed.totalResults}; stopping there`);
    }
    if (feed.entries.length === 0 || exhausted || oldest < stopBefore) return [...kept.values()];
  }
  ctx.log.warn(`${ctx.sourceId}: stopped after ${MAX_PAGES} pages without reaching ${ctx.date}'s window`);
  return [...kept.values()];
}

/** `search_query=cat:cs.AI+OR+cat:cs.CL…`: the API wants `+` for spaces and the colons as they are. */
export function queryUrl(config: ApiConfig, start: number): string {
  const query = config.categories.map((c) => `cat:${encodeURIComponent(c)}`).join('+OR+');
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/api/query?search_query=${query}&sortBy=submittedDate&sortOrder=descending&start=${start}&max_results=${config.maxResults}`;
}

async function fetchPage(ctx: CollectContext, url: string): Promise<ArxivFeed> {
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: 'application/atom+xml' });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `${url}: request failed`, { cause: error });
  }
  let feed: ArxivFeed;
  try {
    feed = parseArxivFeed(response.text, url);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The API sends its error feed with HTTP 400: the API's message says more than the status.
    const says = response.status === 200 || error instanceof ArxivApiError ? error.message : '';
    throw new SourceError(ctx.sourceId, says || `${url}: HTTP ${response.status}`, { cause: error });
  }
  if (response.status !== 200) throw new SourceError(ctx.sourceId, `${url}: HTTP ${response.status}`);
  return feed;
}

/** One odd entry must not lose the listing: warn and skip it. */
function adaptOrWarn(ctx: CollectContext, entry: ArxivFeed['entries'][number], url: string, index: number) {
  try {
    return adaptEntry(entry, url, index);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.log.warn(`${ctx.sourceId}: skipped ${error.message}`);
    return null;
  }
}
