// Another publisher's digest as printed, in ribao's formats A (`paper-digest`) and B (`daily-report`):
// the entries with their fields as they appear on the page. Only types here; parse.ts fills them.

export const DIGEST_FORMATS = ['paper-digest', 'daily-report'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** A calendar day as a digest heading prints it: `（11月22日）` has no year, `2025年11月22日` has one. */
export interface PrintedDay {
  year: number | null;
  month: number;
  day: number;
}

export interface DigestEntry {
  /** The title as printed: format B's `###` heading (bold stripped), format A's linked (Chinese) title. */
  title: string;
  /** Format A's `## ` heading: the English title as published. Null in format B. */
  originalTitle: string | null;
  /** The link as printed (tracking parameters kept; normalize strips them). Always http(s). */
  url: string;
  /** The printed text under the entry, paragraphs separated by a blank line. */
  summary: string;
  /** `贡献人：@name` without the `@`, or null when the line is missing. */
  contributor: string | null;
  /** Every credited name, when the line credits more than one. */
  contributors: string[];
  /** The leaf section the entry sits under (`## 研究` inside `# 资讯` → `研究`); null in format A. */
  section: string | null;
  /** The first `![](url)` image of the entry, http(s) only. */
  image: string | null;
  /** Marked as a paper by the publisher: every format A entry; in format B a bold title or `链接：`. */
  isPaper: boolean;
  /** 1-based line of the entry's heading, for messages. */
  line: number;
}

/** An entry that could not be kept, and why (a `javascript:` link, no link at all, a repeat). */
export interface DroppedEntry {
  line: number;
  title: string;
  reason: string;
}

export interface DigestDocument {
  format: DigestFormat;
  /** The digest's own title without its date (`AI 日报`), when it prints one. */
  title: string | null;
  /** The day its title heading prints, when it does. */
  day: PrintedDay | null;
  entries: DigestEntry[];
  dropped: DroppedEntry[];
}
