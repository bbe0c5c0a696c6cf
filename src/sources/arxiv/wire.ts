// The arXiv API's Atom response (/api/query) as sent, in both serializations, reduced to what we read.
// Owns the shape only: parse.ts fills it from XML, adapt.ts turns it into RawItems.

/** One `<feed>`: a page of query results. */
export interface ArxivFeed {
  /** `<id>`: `http://arxiv.org/api/<hash>` (classic) or `https://arxiv.org/api/<hash>` (current). */
  id: string;
  /** `opensearch:totalResults`: matches for the whole query, null when absent. */
  totalResults: number | null;
  /** `opensearch:startIndex`: the 0-based index of this page's first entry. */
  startIndex: number | null;
  /** `opensearch:itemsPerPage`: the page size asked for. */
  itemsPerPage: number | null;
  entries: ArxivEntry[];
}

/** One `<entry>`: a paper at its latest version. Text is entity-decoded, otherwise as sent. */
export interface ArxivEntry {
  /** `<id>`: the versioned abs URL, `http://arxiv.org/abs/2410.19022v1` or `…/abs/hep-th/9901001v2`. */
  id: string;
  /** `<title>`: may carry TeX and (classic) hard line wraps. */
  title: string;
  /** `<summary>`: the abstract; classic responses wrap lines, current ones send one paragraph per line. */
  summary: string;
  /** `<published>`: when version 1 was submitted. */
  published: string | null;
  /** `<updated>`: when the latest version was submitted. */
  updated: string | null;
  authors: ArxivAuthor[];
  /** `<category term=…>`, in document order. */
  categories: string[];
  /** `<arxiv:primary_category term=…>`. */
  primaryCategory: string | null;
  /** `<arxiv:comment>`: pages, figures, venue, as the authors wrote it. */
  comment: string | null;
  /** `<arxiv:journal_ref>`. */
  journalRef: string | null;
  /** `<arxiv:doi>`. */
  doi: string | null;
  /** `<link>`s: `rel="alternate"` abs page, `title="pdf"`, `title="doi"`. */
  links: ArxivLink[];
}

export interface ArxivAuthor {
  name: string;
  /** `<arxiv:affiliation>`, when the authors gave one. */
  affiliation: string | null;
}

export interface ArxivLink {
  href: string;
  rel: string | null;
  type: string | null;
  title: string | null;
}
