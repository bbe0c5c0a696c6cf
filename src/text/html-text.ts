// HTML fragments from feeds and APIs (entries, HN text, release notes) → plain text, and the first image.
// Tolerant regex reduction, no DOM: never returns tags. Sanitizing HTML for output is render's job.

import { decodeHTML as decodeEntities } from 'entities';

/** Character references decoded as HTML5 does (numeric, and every named reference). */
export { decodeEntities };

/** A closed start or end tag, e.g. `<p>`, `</a>`, `<img src="x"/>`. */
const TAG_LIKE = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/;
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|blockquote|pre|section|article|header|footer|figure|figcaption)\b[^<>]*>/gi;

/** True when the text carries markup (a plain-text field that is really HTML). */
export function looksLikeHtml(text: string): boolean {
  return TAG_LIKE.test(text);
}

/** Plain text of an HTML fragment: tags removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  let text = stripMarkup(html);
  // Feeds that escape their HTML twice reveal tags only after one decoding; one more pass removes them.
  if (looksLikeHtml(text)) text = stripMarkup(text);
  return text.replace(/\s+/g, ' ').trim();
}

function stripMarkup(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|template|noscript|iframe|object|svg)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1')
    .replace(BLOCK_TAG, '\n')
    // Quote-aware first, so `<a title="a>b">` goes whole; then anything tag-shaped that is left.
    .replace(/<\/?[A-Za-z](?:[^<>"']|"[^"]*"|'[^']*')*>/g, '')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/<[!?][^<>]*>/g, '')
    // A tag cut off by a truncated description: a bare name, or a name with an attribute begun.
    .replace(/<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=[^<>]*)?$/, '');
  return decodeEntities(text);
}

/** The first `<img src>` that is a real picture (no data: URI, no 1×1 tracking pixel), entities decoded. */
export function firstImage(html: string): string | undefined {
  for (const match of html.matchAll(/<img\b(?:[^<>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = match[0];
    if (/\s(?:width|height)\s*=\s*["']?[01]["'\s/>]/i.test(tag)) continue;
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag);
    const url = decodeEntities((src?.[1] ?? src?.[2] ?? src?.[3] ?? '').trim());
    if (url && !/^data:/i.test(url)) return url;
  }
  return undefined;
}

// Windows-1252's printable characters at 0x80–0x9F, which Unicode has as C1 controls.
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Text with C1 control characters read as the Windows-1252 punctuation they were meant to be
 * (`don\u0092t` → `don’t`): a Windows-1252 file declared or served as Latin-1. */
export function windows1252Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80] ?? c);
}
