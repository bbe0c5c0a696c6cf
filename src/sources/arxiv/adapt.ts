// ArxivFeed entries → RawItems: one paper per entry, keyed by its arXiv id without version.
// Owns the field mapping; text stays raw (normalize cleans TeX and whitespace), no network.

import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import { arxivAbsUrl, parseArxivId } from '../../stories/arxiv-id.ts';
import { listingDay } from './announce.ts';
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
  return {
    externalId: arxiv.id,
    kind: 'paper',
    url: arxivAbsUrl(arxiv.id),
    title: entry.title,
    summary: entry.summary,
    lang: 'en',
    authors: entry.authors.map((a) => a.name),
    publishedAt: entry.published,
    listedOn: listingDay(published),
    extra: {
      arxivId: arxiv.id,
      version: arxiv.version,
      categories: entry.categories,
      primaryCategory: entry.primaryCategory ?? entry.categories[0] ?? null,
      doi: entry.doi,
      comment: entry.comment,
      journalRef: entry.journalRef,
      updatedAt: entry.updated,
    },
  };
}
