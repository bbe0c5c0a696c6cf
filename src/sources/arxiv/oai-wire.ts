// arXiv's OAI-PMH responses (verb=ListRecords) as sent, with the `arXiv` and `arXivRaw` metadata
// formats, reduced to what we read. Owns the shape only: oai-parse.ts fills it, oai-adapt.ts maps it.

/** One `<OAI-PMH>` response. */
export interface OaiResponse {
  /** `<responseDate>`: the server's clock, ISO 8601 UTC. */
  responseDate: string | null;
  /** `<error code=…>` elements: `noRecordsMatch`, `badResumptionToken`, `badArgument`, … */
  errors: OaiError[];
  /** `<ListRecords><record>`s, deleted ones included. */
  records: OaiRecord[];
  /** `<resumptionToken>`; null when the element is absent (a list that fit in one response). */
  resumption: OaiResumption | null;
}

export interface OaiError {
  code: string;
  message: string;
}

export interface OaiResumption {
  /** The token for the next request; empty on the last page of a list. */
  token: string;
  /** Position of this page's first record in the whole list (0-based), when sent. */
  cursor: number | null;
  completeListSize: number | null;
  expirationDate: string | null;
}

export interface OaiRecord {
  header: OaiHeader;
  /** Null for deleted records and for metadata in a format other than arXiv/arXivRaw. */
  metadata: ArxivMetadata | ArxivRawMetadata | null;
}

export interface OaiHeader {
  /** `oai:arXiv.org:0704.0001`, `oai:arXiv.org:hep-th/9901001`. */
  identifier: string;
  /** Last change of the record (YYYY-MM-DD at arXiv's granularity). */
  datestamp: string;
  /** `cs`, `physics:hep-th`, `cs:cs:AI`. */
  setSpecs: string[];
  /** `<header status="deleted">`: the record is gone, no metadata follows. */
  deleted: boolean;
}

/** Fields both arXiv formats share, text as sent (TeX and hard wraps kept). */
interface ArxivCommon {
  /** `<id>`: `0704.0001`, `hep-th/9901001`, never a version. */
  id: string;
  title: string;
  abstract: string;
  /** `<categories>` split on spaces; the first is the primary. */
  categories: string[];
  comments: string | null;
  reportNo: string | null;
  journalRef: string | null;
  doi: string | null;
  license: string | null;
  mscClass: string | null;
  acmClass: string | null;
}

/** metadataPrefix=arXiv: structured authors, created/updated dates, latest version only. */
export interface ArxivMetadata extends ArxivCommon {
  format: 'arXiv';
  /** `<created>`: when version 1 was submitted (YYYY-MM-DD). */
  created: string | null;
  /** `<updated>`: when the latest version was submitted, absent for single-version papers. */
  updated: string | null;
  authors: OaiAuthor[];
}

export interface OaiAuthor {
  keyname: string;
  forenames: string | null;
  suffix: string | null;
  affiliations: string[];
}

/** metadataPrefix=arXivRaw: authors as one string, the whole version history. */
export interface ArxivRawMetadata extends ArxivCommon {
  format: 'arXivRaw';
  submitter: string | null;
  /** `<authors>`: `C. Bal\'azs, E. L. Berger and C.-P. Yuan`. */
  authors: string;
  versions: ArxivRawVersion[];
}

export interface ArxivRawVersion {
  /** From `version="v2"`. */
  version: number;
  /** `<date>`: `Mon, 2 Apr 2007 19:18:42 GMT`, as sent. */
  date: string;
  size: string | null;
}
