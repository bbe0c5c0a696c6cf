// The Item: one entry as one source listed it, after normalization.
// Owns the shape only; identity keys are computed in stories/story-keys.ts, never here.

export const ITEM_KINDS = ['paper', 'article', 'post', 'repo'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Metrics {
  upvotes?: number;
  stars?: number;
  points?: number;
  comments?: number;
}

/** What a source adapter produces: the entry as listed, text not yet cleaned, no identity keys. */
export interface RawItem {
  /** Stable id within its source (a listing date + arXiv id, a feed guid, a URL). */
  externalId: string;
  kind: ItemKind;
  url: string;
  title: string;
  /** Abstract or description as plain text (HTML already reduced to text by the adapter). */
  summary: string;
  /** BCP 47 language of title and summary, e.g. `en`, `zh`. */
  lang: string;
  authors: string[];
  /** When the thing was published (ISO 8601, any offset). */
  publishedAt: string | null;
  /** The day the source listed it, when the source says so (HF daily-papers date, arXiv announcement day). */
  listedOn?: string | null;
  image?: string | null;
  metrics?: Metrics;
  /** Person who submitted it (a contributor handle), if any. */
  contributor?: string | null;
  /** Section the source put it in (an imported digest), if any. */
  section?: string | null;
  /** Source-specific facts kept for later stages: arXiv categories, linked repository, AI keywords. */
  extra?: Record<string, unknown>;
}

/** A normalized item, ready to merge. */
export interface Item extends Omit<RawItem, 'listedOn'> {
  /** Id of the configured source that produced it (`hf-daily`, `arxiv`, `openai-blog`, `import`). */
  source: string;
  /** The edition day (YYYY-MM-DD) in the configured time zone. */
  editionDate: string;
  publishedAt: string | null;
  image: string | null;
  metrics: Metrics;
  contributor: string | null;
  section: string | null;
  extra: Record<string, unknown>;
  /** Identity keys, strongest first (`arxiv:2506.08007`, `doi:…`, `github:owner/name`, `url:…`). */
  keys: string[];
  /** Keys this item cites (articles and posts): how commentary finds the story it is about. */
  cites: string[];
}
