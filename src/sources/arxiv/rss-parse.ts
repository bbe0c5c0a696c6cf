// XML text → ListingFeed for arXiv's listing RSS, through feedsmith after xml.ts's refusals.
// Owns the "is this an arXiv listing" errors; knows nothing of RawItem.

import { parseRssFeed, type RssFeed } from 'feedsmith';
import { InputError } from '../../errors.ts';
import type { ListingFeed } from './rss-wire.ts';
import { checkedXml } from './xml.ts';

/** True for an RSS document from arXiv's listing service (its `arxiv` namespace or its host). */
export function sniffListingRss(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /<rss[\s>]/.test(head) && /xmlns:arxiv="http:\/\/arxiv\.org\/schemas\/atom"|rss\.arxiv\.org\//.test(head)
  );
}

export function parseListingRss(text: string, origin: string): ListingFeed {
  const xml = checkedXml(text, origin, 'an arXiv listing RSS feed');
  if (!/<rss[\s>]/.test(xml.slice(0, 4096))) throw new InputError(origin, 'is XML but not an RSS feed');
  let rss: RssFeed.Feed<string>;
  try {
    rss = parseRssFeed(xml);
  } catch (error) {
    throw new InputError(origin, 'could not be read as an RSS feed', { cause: error });
  }
  return {
    title: asString(rss.title),
    items: (rss.items ?? []).map((item) => ({
      title: item.title ?? '',
      link: item.link?.trim() ?? '',
      description: item.description ?? '',
      guid: asString(item.guid?.value).trim(),
      categories: (item.categories ?? []).map((c) => asString(c.name).trim()).filter(Boolean),
      pubDate: typeof item.pubDate === 'string' ? item.pubDate.trim() || null : null,
      creators: item.dc?.creators ?? [],
      rights: item.dc?.rights?.[0]?.trim() || null,
    })),
  };
}

/** feedsmith types required fields as `T | {…}` for its strict mode; in our lax mode they are strings or absent. */
function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
