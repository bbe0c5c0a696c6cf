// What every arXiv format tells about a paper → one RawItem, so the API, OAI-PMH, listing RSS and
// .abs adapters agree on ids, URLs and the `extra` keys. Owns that mapping only.

import type { RawItem } from '../../model/item.ts';
import { arxivAbsUrl } from '../../stories/arxiv-id.ts';

/** A version the source told us about; `submitted` (ISO 8601) when it said when. */
export interface PaperVersion {
  version: number;
  submitted: string | null;
}

export interface PaperFacts {
  /** The arXiv id without version: `2401.12345`, `hep-th/9901001`. */
  arxivId: string;
  /** The latest version the record describes; null when the format does not say. */
  version: number | null;
  title: string;
  abstract: string;
  /** One name per author, TeX already cleaned (normalize does not clean names). */
  authors: string[];
  /** When version 1 was submitted (ISO 8601), or the best date the format has. */
  publishedAt: string | null;
  /** The daily listing the paper appeared in (YYYY-MM-DD), when known. */
  listedOn: string | null;
  /** When the latest version was submitted or the record last changed. */
  updatedAt: string | null;
  versions: PaperVersion[];
  /** Primary first when the format says which is primary. */
  categories: string[];
  primaryCategory?: string | null;
  doi: string | null;
  comment: string | null;
  journalRef: string | null;
  /** The license URI (OAI, RSS `dc:rights`, .abs), when sent. */
  license?: string | null;
  /** Listing RSS only: `new`, `cross`, `replace`, `replace-cross`. */
  announceType?: string | null;
}

export function paperItem(facts: PaperFacts): RawItem {
  const extra: Record<string, unknown> = {
    arxivId: facts.arxivId,
    version: facts.version,
    versions: facts.versions,
    categories: facts.categories,
    primaryCategory: facts.primaryCategory ?? facts.categories[0] ?? null,
    doi: facts.doi,
    comment: facts.comment,
    journalRef: facts.journalRef,
    updatedAt: facts.updatedAt,
  };
  if (facts.license !== undefined) extra.license = facts.license;
  if (facts.announceType !== undefined) extra.announceType = facts.announceType;
  return {
    externalId: facts.arxivId,
    kind: 'paper',
    url: arxivAbsUrl(facts.arxivId),
    title: facts.title,
    summary: facts.abstract,
    lang: 'en',
    authors: facts.authors,
    publishedAt: facts.publishedAt,
    listedOn: facts.listedOn,
    extra,
  };
}

/** `[v1 at published]`, plus `vN at updated` when the id names a later version (the API's view). */
export function apiVersions(
  version: number | null,
  published: string | null,
  updated: string | null,
): PaperVersion[] {
  const first: PaperVersion = { version: 1, submitted: published };
  if (version === null || version <= 1) return [first];
  return [first, { version, submitted: updated }];
}
