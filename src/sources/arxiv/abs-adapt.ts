// AbsRecords → RawItems, for the `arxiv-abs` import format (arXiv's own .abs metadata files).
// Owns the field mapping; the record layout is abs.ts's.

import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import type { AbsRecord } from './abs.ts';
import { listingDay } from './announce.ts';
import { splitAuthors } from './authors.ts';
import { paperItem } from './paper.ts';

export function adaptAbs(record: AbsRecord, origin: string): RawItem {
  const arxiv = parseArxivId(record.id);
  if (!arxiv) throw new InputError(origin, `"${record.id}" is not an arXiv id`);
  const first = record.versions[0];
  const last = record.versions.at(-1);
  return paperItem({
    arxivId: arxiv.id,
    version: last?.version ?? null,
    title: record.title,
    abstract: record.abstract,
    authors: splitAuthors(record.authors),
    publishedAt: first?.submitted ?? null,
    listedOn: first ? listingDay(new Date(first.submitted)) : null,
    updatedAt: last?.submitted ?? null,
    versions: record.versions.map((v) => ({ version: v.version, submitted: v.submitted })),
    categories: record.categories,
    doi: record.doi,
    comment: record.comments,
    journalRef: record.journalRef,
    license: record.license,
  });
}
