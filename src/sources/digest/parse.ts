// Markdown text → DigestDocument, in format A (`paper-digest`) or B (`daily-report`), chosen or sniffed.
// Every failure is an InputError naming the input; entries that cannot be kept are listed with why.

import { InputError } from '../../errors.ts';
import { readPaperDigest } from './format-a.ts';
import { readDailyReport } from './format-b.ts';
import { prepareLines } from './lines.ts';
import { detectFormat } from './sniff.ts';
import type { DigestDocument, DigestFormat, DroppedEntry } from './wire.ts';

/** A daily is tens of kilobytes; a text this long is not one, and is refused before any work. */
export const MAX_DIGEST_CHARS = 16 * 1024 * 1024;

const SHAPES: Record<DigestFormat, string> = {
  'paper-digest': '"## English title", then "[中文标题](url)", then the abstract',
  'daily-report': '"### title" items with a link line, under "# 标题（M月D日）" and "#" sections',
};

export function parseDigest(
  text: string,
  origin: string,
  format: DigestFormat | 'auto' = 'auto',
): DigestDocument {
  if (text.length > MAX_DIGEST_CHARS) {
    throw new InputError(origin, `is ${mebibytes(text.length)} MiB of text; a digest over 16 MiB is refused`);
  }
  if (text.trim() === '') throw new InputError(origin, 'is empty');
  if (/^\s*<(?:!doctype\s+html|html|head|body)\b/i.test(text.replace(/^\uFEFF/, ''))) {
    throw new InputError(
      origin,
      'is an HTML page, not a Markdown digest (for a file on GitHub, use its raw URL)',
    );
  }
  const chosen = format === 'auto' ? detectFormat(text) : format;
  if (!chosen) {
    throw new InputError(
      origin,
      `is not a Markdown digest in format A, paper-digest (${SHAPES['paper-digest']}), or B, daily-report (${SHAPES['daily-report']})`,
    );
  }
  const lines = prepareLines(text);
  const document = chosen === 'paper-digest' ? readPaperDigest(lines) : readDailyReport(lines);
  dropRepeats(document);
  if (document.entries.length === 0) throw new InputError(origin, noEntries(document));
  return document;
}

/** The same link twice (a story listed under two sections) is one entry: the first is kept. */
function dropRepeats(document: DigestDocument): void {
  const first = new Map<string, number>();
  document.entries = document.entries.filter((entry) => {
    const seen = first.get(entry.url);
    if (seen === undefined) {
      first.set(entry.url, entry.line);
      return true;
    }
    document.dropped.push({
      line: entry.line,
      title: entry.title,
      reason: `repeats the link of line ${seen}`,
    });
    return false;
  });
}

function noEntries(document: DigestDocument): string {
  const none = `has no ${document.format} entries (expected ${SHAPES[document.format]})`;
  if (document.dropped.length === 0) return none;
  const shown = document.dropped.slice(0, 3).map(describeDropped).join('; ');
  const more = document.dropped.length > 3 ? `; and ${document.dropped.length - 3} more` : '';
  return `has no ${document.format} entry that could be kept: ${shown}${more}`;
}

/** `line 12 "标题": its link "javascript:…" is not an http(s) URL` */
export function describeDropped(dropped: DroppedEntry): string {
  const title = dropped.title.length > 40 ? `${dropped.title.slice(0, 39)}…` : dropped.title;
  return `line ${dropped.line} ${JSON.stringify(title)}: ${dropped.reason}`;
}

function mebibytes(chars: number): string {
  return (chars / 1024 / 1024).toFixed(1);
}
