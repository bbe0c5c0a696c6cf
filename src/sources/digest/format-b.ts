// Format B (`daily-report`) read back: a dated `#` title, `#` sections, `##` sub-sections, `###` items
// whose fields are paragraphs (title, 贡献人, link, summary, image). The `# 声明` section is not news.

import { addLine, type Draft, finishDraft, startDraft } from './entry.ts';
import { heading, type Line } from './lines.ts';
import { readTitle } from './title.ts';
import type { DigestDocument } from './wire.ts';

const DISCLAIMER = /^(?:免责)?声明$|^disclaimer$/i;

export function readDailyReport(lines: Line[]): DigestDocument {
  const document: DigestDocument = {
    format: 'daily-report',
    title: null,
    day: null,
    entries: [],
    dropped: [],
  };
  let current: { draft: Draft; section: string | null } | null = null;
  let top: string | null = null;
  let sub: string | null = null;
  let ignoring = false;
  let firstHeading = true;
  const close = () => {
    if (!current) return;
    const finished = finishDraft(current.draft, 'daily-report', current.section);
    if ('entry' in finished) document.entries.push(finished.entry);
    else document.dropped.push(finished.dropped);
    current = null;
  };
  for (const [index, line] of lines.entries()) {
    const found = heading(line);
    if (!found || found.level > 3) {
      // Deeper headings inside an item are part of its text; text outside items (a lead, a note) is not news.
      if (current) addLine(current.draft, line);
      continue;
    }
    close();
    if (firstHeading && found.level === 1 && isTitleHeading(found.text, lines, index)) {
      firstHeading = false;
      Object.assign(document, readTitle(found.text));
      continue;
    }
    firstHeading = false;
    if (found.level === 1) {
      top = found.text;
      sub = null;
      ignoring = DISCLAIMER.test(top);
    } else if (found.level === 2) {
      sub = found.text;
    } else if (!ignoring) {
      current = { draft: startDraft(line.n, found.text, found.bold), section: sub ?? top };
    }
  }
  close();
  return document;
}

/** The first `#` heading is the digest's title when it prints a day, or when a `#` section follows it. */
function isTitleHeading(text: string, lines: Line[], index: number): boolean {
  if (readTitle(text).day) return true;
  for (const line of lines.slice(index + 1)) {
    const next = heading(line);
    if (next) return next.level === 1;
  }
  return false;
}
