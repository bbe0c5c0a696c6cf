// ArxivFeed entries → RawItems: one paper per entry, keyed by its arXiv id without version.
// Owns the API's field mapping; titles and abstracts stay raw (normalize cleans TeX and whitespace).

import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import { cleanText } from '../../text/clean.ts';
import { listingDay } from './announce.ts';
import { apiVersions, paperItem } from './paper.ts';
import type { ArxivEntry } from './wire.ts';

/** One RawItem per entry; throws an InputError naming `origin` for an entry that is not an arXiv paper. */
export function adaptEntries(entries: ArxivEntry[], origin: string): RawItem[] {
  return entries.map((entry, index) => adaptEntry(entry, origin, index));
}

/** `index` (0-based) only names the entry in an error message. */
export function adaptEntry(entry: ArxivEntry, origin: string, index: number): RawItem {
  const arxiv = parseArxivId(entry.id);
  if (!arxiv) throw new InputError(origin, `entry ${index + 1}: id "${entry.id}" is not an arXiv abs URL`);
  const published = entry.published ? new Date(entry.published) : null;
  if (!published || Number.isNaN(published.getTime())) {
    throw new InputError(origin, `entry ${index + 1} (${arxiv.id}): no valid <published> date`);
  }
  return paperItem({
    arxivId: arxiv.id,
    version: arxiv.version,
    title: entry.title,
    abstract: entry.summary,
    authors: entry.authors.map((a) => cleanText(a.name)).filter(Boolean),
    publishedAt: entry.published,
    listedOn: listingDay(published),
    updatedAt: entry.updated,
    versions: apiVersions(arxiv.version, entry.published, entry.updated),
    categories: entry.categories,
    primaryCategory: entry.primaryCategory,
    doi: entry.doi,
    comment: entry.comment,
    journalRef: entry.journalRef,
  });
}
