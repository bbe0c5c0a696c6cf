// Telling formats A and B apart, and from other Markdown (a README, an article), by the shape of the
// head of the text: which headings carry links where. Reads; builds no entries.

import { arxivIdOf, isPaperPage } from './kinds.ts';
import { creditLine, type Heading, heading, linkLine, prepareLines, readLink, webUrl } from './lines.ts';
import { readTitle } from './title.ts';
import type { DigestFormat } from './wire.ts';

/** Enough of a digest to know its shape; the rest is not read to sniff. */
const HEAD_CHARS = 256 * 1024;

interface Shape {
  firstHeading: Heading | null;
  level2: number;
  /** `##` headings with Latin words whose next line is a titled `[text](…)` link: format A's entries. */
  pairs: number;
  /** Of those, pairs that look like papers: a translated (Chinese) link text, or a paper page. */
  paperPairs: number;
  /** `###` headings with a link line (of any scheme) under them: format B's items. */
  items: number;
  /** A `贡献人：` or `链接：` line anywhere. */
  labels: boolean;
}

export function sniffPaperDigest(text: string): boolean {
  const shape = shapeOf(text);
  return shape.paperPairs > 0 && shape.pairs * 2 >= shape.level2 && shape.items === 0;
}

export function sniffDailyReport(text: string): boolean {
  const shape = shapeOf(text);
  const first = shape.firstHeading;
  return shape.items > 0 && first?.level === 1 && (readTitle(first.text).day !== null || shape.labels);
}

export function detectFormat(text: string): DigestFormat | null {
  if (sniffDailyReport(text)) return 'daily-report';
  if (sniffPaperDigest(text)) return 'paper-digest';
  return null;
}

function shapeOf(text: string): Shape {
  const shape: Shape = { firstHeading: null, level2: 0, pairs: 0, paperPairs: 0, items: 0, labels: false };
  if (/^\s*[<{]/.test(text)) return shape;
  const head = text.length > HEAD_CHARS ? text.slice(0, text.lastIndexOf('\n', HEAD_CHARS)) : text;
  let open: 'pair' | 'item' | null = null;
  let pairHeading = '';
  for (const line of prepareLines(head)) {
    if (line.text === '') continue;
    const found = heading(line);
    if (found) {
      shape.firstHeading ??= found;
      if (found.level === 2) shape.level2++;
      open = found.level === 2 ? 'pair' : found.level === 3 ? 'item' : null;
      pairHeading = found.text;
      continue;
    }
    const link = linkLine(line);
    shape.labels ||= creditLine(line) !== null || link?.labelled === true;
    if (open === 'pair') countPair(shape, pairHeading, line.text);
    // Structure, not validity: an item whose link is refused is still an item (parse says why).
    else if (open === 'item' && link) shape.items++;
    else continue;
    open = null;
  }
  return shape;
}

/** The line right after a `##` heading: a pair when the heading has Latin words, as format A prints
 * the original title, and the line is a titled link. A README's `## 安装` then a link is not. */
function countPair(shape: Shape, heading: string, text: string): void {
  const link = readLink(text);
  if (!link?.text || !/[A-Za-z]{2}/.test(heading)) return;
  shape.pairs++;
  const url = webUrl(link.target);
  if (/\p{Script=Han}/u.test(link.text) || (url && (arxivIdOf(url) || isPaperPage(url)))) shape.paperPairs++;
}
