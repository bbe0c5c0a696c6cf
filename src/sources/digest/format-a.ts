// Format A (`paper-digest`) read back: `## English title`, `[中文标题](url)`, then the translated
// abstract. Lines before the first entry (a lead, a note, a `#` title) are not entries.

import { addLine, type Draft, finishDraft, startDraft } from './entry.ts';
import { heading, type Line } from './lines.ts';
import { readTitle } from './title.ts';
import type { DigestDocument } from './wire.ts';

export function readPaperDigest(lines: Line[]): DigestDocument {
  const document: DigestDocument = {
    format: 'paper-digest',
    title: null,
    day: null,
    entries: [],
    dropped: [],
  };
  let draft: Draft | null = null;
  let seenEntry = false;
  const close = () => {
    if (!draft) return;
    const finished = finishDraft(draft, 'paper-digest', null);
    if ('entry' in finished) document.entries.push(finished.entry);
    else document.dropped.push(finished.dropped);
    draft = null;
  };
  for (const line of lines) {
    const found = heading(line);
    if (found?.level === 2) {
      close();
      draft = startDraft(line.n, found.text, found.bold, true);
      seenEntry = true;
    } else if (found?.level === 1) {
      close();
      // A `# title（11月22日）` above the entries names the digest and its day.
      if (!seenEntry && document.title === null) Object.assign(document, readTitle(found.text));
    } else if (draft) {
      addLine(draft, line);
    }
  }
  close();
  return document;
}
