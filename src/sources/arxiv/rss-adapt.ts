// ListingFeed items → RawItems: the listing prefix stripped from the abstract, its announce type kept.
// Owns the field mapping and the listing day; the prefix pattern itself is text/arxiv-listing.ts's.

import { InputError } from '../../errors.ts';
import { dayIn } from '../../model/day.ts';
import type { RawItem } from '../../model/item.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import { hasListingPrefix, stripListingPrefix } from '../../text/arxiv-listing.ts';
import { splitAuthors } from './authors.ts';
import { paperItem } from './paper.ts';
import type { ListingFeed, ListingItem } from './rss-wire.ts';

export function adaptListing(feed: ListingFeed, origin: string): RawItem[] {
  return feed.items.map((item, index) => adaptListingItem(item, origin, index));
}

/** `index` (0-based) only names the item in an error message. */
export function adaptListingItem(item: ListingItem, origin: string, index: number): RawItem {
  const { abstract, announceType, id: prefixId } = readPrefix(item.description);
  const arxiv = prefixId ?? parseArxivId(item.guid) ?? parseArxivId(item.link);
  if (!arxiv)
    throw new InputError(origin, `item ${index + 1}: no arXiv id in its guid "${item.guid}" or link`);
  const version = arxiv.version ?? parseArxivId(item.guid)?.version ?? null;
  const listed = item.pubDate ? new Date(item.pubDate) : null;
  const valid = listed && !Number.isNaN(listed.getTime()) ? listed : null;
  return paperItem({
    arxivId: arxiv.id,
    version,
    title: item.title,
    abstract,
    authors: item.creators.flatMap(splitAuthors),
    publishedAt: valid?.toISOString() ?? null,
    // pubDate is the listing's midnight in New York: its New York calendar day is the listing day.
    listedOn: valid ? dayIn(valid, 'America/New_York') : null,
    updatedAt: null,
    versions: version ? [{ version, submitted: null }] : [],
    categories: item.categories,
    doi: null,
    comment: null,
    journalRef: null,
    license: item.rights,
    announceType,
  });
}

/** The abstract without `arXiv:ID Announce Type: T Abstract:`, and what that prefix said. */
function readPrefix(description: string) {
  if (!hasListingPrefix(description)) return { abstract: description, announceType: null, id: null };
  const abstract = stripListingPrefix(description);
  const prefix = description.slice(0, description.length - abstract.length);
  return {
    abstract,
    announceType: /Announce Type:\s*([\w-]+)/i.exec(prefix)?.[1]?.toLowerCase() ?? null,
    id: parseArxivId(/arXiv:\s*(\S+)/i.exec(prefix)?.[1] ?? ''),
  };
}
