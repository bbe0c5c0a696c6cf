// One entry while it is read: the lines under its heading sorted into link, credit, image and text,
// then checked and finished into a DigestEntry, or a DroppedEntry saying why it cannot be kept.

import { creditLine, imageLine, type Line, type Link, linkLine, readLink, webUrl } from './lines.ts';
import type { DigestEntry, DigestFormat, DroppedEntry } from './wire.ts';

/** Longer titles are cut: no real title comes close. */
const MAX_TITLE = 500;
/** Longer summaries are cut with an ellipsis, so one hostile entry cannot bloat the store. */
const MAX_SUMMARY = 20_000;

export interface Draft {
  line: number;
  /** The heading text: format B's title, format A's English title. */
  heading: string;
  /** `### [title](url)`: a heading that is itself the link. */
  headingLink: Link | null;
  bold: boolean;
  link: Link | null;
  /** The link came after `链接：`, as format B prints papers. */
  labelled: boolean;
  contributors: string[];
  image: string | null;
  paragraphs: string[][];
  /** Format A: the link is the line under the heading, so a link-only line in the abstract is text. */
  linkFirst: boolean;
  /** The previous line was blank: the next text line starts a paragraph. */
  breakBefore: boolean;
  length: number;
}

export type Finished = { entry: DigestEntry } | { dropped: DroppedEntry };

export function startDraft(line: number, heading: string, bold: boolean, linkFirst = false): Draft {
  const headingLink = readLink(heading);
  return {
    line,
    heading: headingLink?.text ?? heading,
    headingLink,
    bold,
    link: null,
    labelled: false,
    contributors: [],
    image: null,
    paragraphs: [],
    linkFirst,
    breakBefore: true,
    length: 0,
  };
}

/** Sort one line under the heading: the first link-only line is the entry's link, the first image its
 * image, a `贡献人` line its credit; everything else is summary text, paragraphs kept. */
export function addLine(draft: Draft, line: Line): void {
  if (line.text === '') {
    draft.breakBefore = true;
    return;
  }
  const expectsLink = !draft.link && !(draft.linkFirst && draft.paragraphs.length > 0);
  const link = expectsLink ? linkLine(line) : null;
  if (link) {
    draft.link = link.link;
    draft.labelled = link.labelled;
    return;
  }
  const credit = draft.contributors.length === 0 ? creditLine(line) : null;
  if (credit) {
    draft.contributors = credit;
    return;
  }
  const image = imageLine(line);
  if (image !== null) {
    draft.image ??= webUrl(image);
    return;
  }
  addText(draft, line.text);
}

function addText(draft: Draft, text: string): void {
  if (draft.length > MAX_SUMMARY) return;
  draft.length += text.length + 1;
  const last = draft.paragraphs.at(-1);
  if (draft.breakBefore || !last) draft.paragraphs.push([text]);
  else last.push(text);
  draft.breakBefore = false;
}

export function finishDraft(draft: Draft, format: DigestFormat, section: string | null): Finished {
  const paper = format === 'paper-digest';
  // Format A links the translated title; format B's heading is the title.
  const printed = paper ? draft.link?.text || draft.heading : draft.heading;
  const title = clip(printed.replace(/\s+/g, ' ').trim(), MAX_TITLE);
  const drop = (reason: string): Finished => ({ dropped: { line: draft.line, title, reason } });
  if (!title) return drop('has no title');
  const link = draft.link ?? draft.headingLink;
  if (!link) return drop(paper ? 'has no [中文标题](url) line under its heading' : 'has no link');
  const url = webUrl(link.target);
  if (!url) return drop(`its link ${quote(link.target)} is not an http(s) URL`);
  const summary = clip(draft.paragraphs.map((lines) => lines.join('\n')).join('\n\n'), MAX_SUMMARY);
  return {
    entry: {
      title,
      originalTitle: paper ? clip(draft.heading, MAX_TITLE) : null,
      url,
      summary,
      contributor: draft.contributors[0] ?? null,
      contributors: draft.contributors,
      section,
      image: draft.image,
      isPaper: paper || draft.bold || draft.labelled,
      line: draft.line,
    },
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A link as shown in a reason: quoted, and short. */
function quote(target: string): string {
  return JSON.stringify(target.length > 60 ? `${target.slice(0, 59)}…` : target);
}
