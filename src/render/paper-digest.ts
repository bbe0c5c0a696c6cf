// Format A (`paper-digest`), exactly as DESIGN.md shows it: heading, link line, translated abstract.
// Text only; the HTML and feed renderers read the same Edition.

import { allEntries, type Edition } from '../model/edition.ts';
import { linkText, linkUrl, opening } from './markdown-text.ts';

export function renderPaperDigest(edition: Edition): string {
  const entries = allEntries(edition);
  const blocks = entries.map(
    (e) => `## ${e.originalTitle}\n[${linkText(e.title ?? e.originalTitle)}](${linkUrl(e.url)})\n\n${e.body}`,
  );
  return `${[...opening(edition), ...blocks].join('\n\n')}\n`;
}
