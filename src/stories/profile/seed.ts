// A seed paper of an interest profile: text to compare stories with, and identity keys so that a story
// that is the paper, or cites it, is recognised. Built from BibTeX, CSL-JSON or a bare arXiv id.

import { parseArxivId } from '../arxiv-id.ts';

export interface Seed {
  /** Where it came from, for explanations: `seeds.bib#vaswani2017`, `arxiv:2611.01234`. */
  origin: string;
  title: string;
  /** Title and abstract, cleaned; empty for a bare arXiv id. */
  text: string;
  /** Identity keys as story-keys.ts writes them (`arxiv:2506.08007`, `doi:10.1145/…`). */
  keys: string[];
}

/** arXiv ids written inside free text: Google Scholar's `arXiv preprint arXiv:2506.08007`, URLs. */
const ARXIV_IN_TEXT =
  /(?:arxiv[:\s]\s*|arxiv\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/gi;
const DOI = /^10\.\d{4,9}\/\S+$/;

/**
 * Identity keys from what a reference manager records: `ids` are values that may be arXiv ids
 * (eprint, arxivId, a URL), `texts` free text that may mention one (journal, note), `doi` a DOI.
 * A DOI arXiv minted (10.48550/arXiv.…) becomes the arXiv key, as it does for stories.
 */
export function seedKeys(source: { ids?: string[]; texts?: string[]; doi?: string | undefined }): string[] {
  const keys: string[] = [];
  const arxiv = (value: string) => {
    const id = parseArxivId(value);
    if (id) keys.push(`arxiv:${id.id}`);
  };
  for (const value of source.ids ?? []) arxiv(value);
  for (const text of source.texts ?? []) for (const m of text.matchAll(ARXIV_IN_TEXT)) arxiv(m[1] ?? '');
  if (source.doi) {
    const doi = source.doi
      .trim()
      .toLowerCase()
      .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/, '');
    arxiv(doi);
    if (!doi.startsWith('10.48550/') && DOI.test(doi)) keys.push(`doi:${doi}`);
  }
  return [...new Set(keys)];
}

/** A seed from a title and abstract already cleaned. */
export function seed(origin: string, title: string, abstract: string, keys: string[]): Seed {
  return { origin, title, text: [title, abstract].filter(Boolean).join('\n'), keys };
}
