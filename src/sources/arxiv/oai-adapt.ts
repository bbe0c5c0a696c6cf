// OAI-PMH records → RawItems, one paper per live record; deleted records give none.
// Owns the field mapping for the arXiv and arXivRaw formats; no network, no paging.

import { InputError } from '../../errors.ts';
import { isoDay } from '../../model/day.ts';
import type { RawItem } from '../../model/item.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import { listingDay } from './announce.ts';
import { authorName, splitAuthors } from './authors.ts';
import { submittedAt } from './dates.ts';
import type { OaiRecord, OaiResponse } from './oai-wire.ts';
import { type PaperVersion, paperItem } from './paper.ts';

/** Every live record of a response; an OAI error in it is an InputError (saved files, not harvests). */
export function adaptOaiResponse(response: OaiResponse, origin: string): RawItem[] {
  const [error] = response.errors;
  if (error)
    throw new InputError(
      origin,
      `holds an OAI-PMH error instead of records: ${error.code}: ${error.message}`,
    );
  return response.records.flatMap((record, index) => adaptOaiRecord(record, origin, index) ?? []);
}

/** Null for a deleted record; an InputError naming `origin` and the record for one we cannot read. */
export function adaptOaiRecord(record: OaiRecord, origin: string, index: number): RawItem | null {
  if (record.header.deleted) return null;
  const where = `record ${index + 1} (${record.header.identifier || 'no identifier'})`;
  const metadata = record.metadata;
  if (!metadata) throw new InputError(origin, `${where}: no arXiv or arXivRaw metadata`);
  const arxiv = parseArxivId(metadata.id) ?? parseArxivId(record.header.identifier);
  if (!arxiv) throw new InputError(origin, `${where}: "${metadata.id}" is not an arXiv id`);
  const common = {
    arxivId: arxiv.id,
    title: metadata.title,
    abstract: metadata.abstract,
    categories: metadata.categories,
    doi: metadata.doi,
    comment: metadata.comments,
    journalRef: metadata.journalRef,
    license: metadata.license,
  };
  if (metadata.format === 'arXiv') {
    const created = isoDay(metadata.created);
    return paperItem({
      ...common,
      // The arXiv format names no version: one when never updated, unknown otherwise.
      version: metadata.updated ? null : 1,
      authors: metadata.authors.map(authorName).filter(Boolean),
      publishedAt: created,
      // A day without a time cannot place a paper either side of the 14:00 cutoff.
      listedOn: null,
      updatedAt: isoDay(metadata.updated) ?? created,
      versions: created ? [{ version: 1, submitted: created }] : [],
    });
  }
  const versions = metadata.versions.map(
    (v): PaperVersion => ({ version: v.version, submitted: submittedAt(v.date) }),
  );
  const first = versions.find((v) => v.version === 1)?.submitted ?? null;
  const last = versions.at(-1);
  return paperItem({
    ...common,
    version: last?.version ?? null,
    authors: splitAuthors(metadata.authors),
    publishedAt: first,
    listedOn: first ? listingDay(new Date(first)) : null,
    updatedAt: last?.submitted ?? null,
    versions,
  });
}
