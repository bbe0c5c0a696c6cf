// XML text → ArxivFeed, for both the classic and the current arXiv API serialization.
// Owns the "is this an arXiv API response" errors (xml.ts the XML safety); knows nothing of RawItem.

import type { AtomFeed } from 'feedsmith';
import { DetectError, parseAtomFeed } from 'feedsmith';
import { InputError } from '../../errors.ts';
import type { ArxivEntry, ArxivFeed } from './wire.ts';
import { checkedXml } from './xml.ts';

/** The API answered with its error feed (a bad query, an id in the wrong format). */
export class ArxivApiError extends InputError {
  readonly apiMessage: string;
  constructor(origin: string, apiMessage: string) {
    super(origin, `the arXiv API returned an error: ${apiMessage}`);
    this.apiMessage = apiMessage;
  }
}

/**
 * Parse one arXiv API response. feedsmith reads the Atom, resolving the `arxiv:` and `opensearch:`
 * elements by namespace URI (classic responses declare them inline on each element, current ones
 * on `<feed>`), after checkedXml's refusals (DOCTYPE, HTML, malformed XML).
 */
export function parseArxivFeed(text: string, origin: string): ArxivFeed {
  const xml = checkedXml(text, origin, 'an arXiv API Atom response');
  let atom: AtomFeed.Feed<string>;
  try {
    atom = parseAtomFeed(xml);
  } catch (error) {
    const reason =
      error instanceof DetectError ? 'is XML but not an Atom feed' : 'could not be read as an Atom feed';
    throw new InputError(origin, `${reason}; expected an arXiv API response`, { cause: error });
  }
  const entries = (atom.entries ?? []).map(toEntry);
  const apiError = errorMessage(entries);
  if (apiError !== null) throw new ArxivApiError(origin, apiError);
  return {
    id: asString(atom.id),
    totalResults: atom.opensearch?.totalResults ?? null,
    startIndex: atom.opensearch?.startIndex ?? null,
    itemsPerPage: atom.opensearch?.itemsPerPage ?? null,
    entries,
  };
}

/** The API reports a bad query as a feed with one entry titled "Error" whose summary says why. */
function errorMessage(entries: ArxivEntry[]): string | null {
  const [only] = entries;
  if (entries.length !== 1 || !only || only.title.trim() !== 'Error') return null;
  return only.summary.trim() || only.id || 'no message';
}

function toEntry(entry: AtomFeed.Entry<string>): ArxivEntry {
  const categories = (entry.categories ?? []).map((c) => asString(c.term)).filter(Boolean);
  return {
    id: asString(entry.id).trim(),
    title: entry.title?.value ?? '',
    summary: entry.summary?.value ?? '',
    published: entry.published?.trim() || null,
    updated: entry.updated?.trim() || null,
    authors: (entry.authors ?? [])
      .map((a) => ({ name: asString(a.name).trim(), affiliation: a.arxiv?.affiliation?.trim() || null }))
      .filter((a) => a.name),
    categories: [...new Set(categories)],
    primaryCategory: entry.arxiv?.primaryCategory?.term?.trim() || null,
    comment: entry.arxiv?.comment?.trim() || null,
    journalRef: entry.arxiv?.journalRef?.trim() || null,
    doi: entry.arxiv?.doi?.trim() || null,
    links: (entry.links ?? []).map((l) => ({
      href: asString(l.href),
      rel: l.rel ?? null,
      type: l.type ?? null,
      title: l.title ?? null,
    })),
  };
}

/** feedsmith types required fields as `T | {…}` for its strict mode; in our lax mode they are strings or absent. */
function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
