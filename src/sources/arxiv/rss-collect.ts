// collect in `listing` mode: today's listing RSS for the configured categories, filtered by announce type.
// Owns the feed URL, HTTP status handling and the filter; reads the network only through ctx.http.

import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, HttpResponse } from '../source.ts';
import type { ArxivConfig } from './config.ts';
import { adaptListingItem } from './rss-adapt.ts';
import { parseListingRss } from './rss-parse.ts';
import type { ListingFeed } from './rss-wire.ts';

export type ListingConfig = Pick<ArxivConfig, 'rssBase' | 'categories' | 'announceTypes'>;

/** One feed for all categories: `https://rss.arxiv.org/rss/cs.AI+cs.CL` (arXiv joins them, once each). */
export function listingUrl(config: ListingConfig): string {
  return `${config.rssBase.replace(/\/+$/, '')}/${config.categories.join('+')}`;
}

/**
 * The papers of the latest listing whose announce type is configured. Items without the listing
 * prefix (no announce type) are kept: nothing says they are replacements. The feed is asked for
 * conditionally; an unchanged feed (304) gives no items, since they were stored the first time.
 */
export async function collectRssListing(ctx: CollectContext, config: ListingConfig): Promise<RawItem[]> {
  const url = listingUrl(config);
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: 'application/rss+xml, application/xml', conditional: true });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `${url}: request failed`, { cause: error });
  }
  if (response.notModified) {
    ctx.log.info(`${ctx.sourceId}: ${url} is unchanged since the last run`);
    return [];
  }
  if (response.status !== 200) {
    const retryAfter = response.headers.get('retry-after');
    const asked = retryAfter ? `; the server asked to retry after ${retryAfter}` : '';
    throw new SourceError(ctx.sourceId, `${url}: HTTP ${response.status}${asked}`);
  }
  let feed: ListingFeed;
  try {
    feed = parseListingRss(response.text, url);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, error.message, { cause: error });
  }
  const wanted = new Set<string>(config.announceTypes);
  const kept = new Map<string, RawItem>();
  let filtered = 0;
  for (const [index, entry] of feed.items.entries()) {
    let item: RawItem;
    try {
      item = adaptListingItem(entry, url, index);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.log.warn(`${ctx.sourceId}: skipped ${error.message}`);
      continue;
    }
    const type = item.extra?.announceType;
    if (typeof type === 'string' && !wanted.has(type)) filtered++;
    else if (!kept.has(item.externalId)) kept.set(item.externalId, item);
  }
  ctx.log.info(
    `${ctx.sourceId}: ${kept.size} of ${feed.items.length} listing items kept (${filtered} of other announce types)`,
  );
  return [...kept.values()];
}
