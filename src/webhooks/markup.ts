// The text of a chat message, written once through a small Markup (escape, bold, link) that each
// platform implements for its own syntax. All edition text is treated as hostile; URLs are checked here.

import type { Block, Draft } from './platform.ts';

export interface Markup {
  /** Untrusted text made inert: no markup, links, mentions or HTML survive. */
  text(text: string): string;
  bold(markup: string): string;
  /** A link from already-escaped markup to a URL `safeUrl` accepted. */
  link(markup: string, url: string): string;
}

/** An http(s) URL, normalized, with the characters that could end a Markdown link percent-encoded; else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()[\]|<>"'`*\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The first `max` code points of `text` (surrogate pairs never split). */
export function codePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `(2/3)` when an edition takes several messages, else ''. */
export function partLabel(draft: Draft): string {
  return draft.total > 1 ? ` (${draft.part}/${draft.total})` : '';
}

/** The heading line of a message: the edition's title and date, linked to its page. */
export function headline(draft: Draft, m: Markup): string {
  return `${m.bold(m.link(m.text(draft.title), draft.editionUrl))}${partLabel(draft)}`;
}

/** One block as paragraphs of markup: heading, title (linked), 贡献人, text, and the story link when cut. */
export function blockParagraphs(block: Block, m: Markup): string[] {
  if (block.kind === 'lead') return [m.text(block.text)];
  const { entry, heading } = block;
  const title = entry.url ? m.link(m.text(entry.title), entry.url) : m.text(entry.title);
  const more = entry.truncated ? ` ${m.link(m.text('阅读全文'), entry.storyUrl)}` : '';
  return [
    ...(heading ? [m.bold(m.text(`【${heading}】`))] : []),
    m.bold(title),
    ...(entry.contributor ? [m.text(`贡献人：@${entry.contributor}`)] : []),
    ...(entry.body || more ? [`${m.text(entry.body)}${more}`.trim()] : []),
  ];
}

/** Lookalike characters for the ones Markdown-ish chat markup reacts to, where no escape is documented. */
const LOOKALIKES: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  '[': '［',
  ']': '］',
  '*': '＊',
  _: '＿',
  '~': '～',
  '`': '｀',
  '\\': '＼',
  '#': '＃',
  '|': '｜',
};

/** A bare link in text: up to whitespace, quotes, angle brackets or CJK punctuation. */
const BARE_URL = /https?:\/\/[^\s<>"'`\u3000-\u303f\uff00-\uffef]+/g;

/**
 * Text with `inert` applied outside its bare links; a link keeps its characters (so the platform still
 * links it) except those that could open or close link syntax, which are percent-encoded.
 */
export function outsideUrls(text: string, inert: (plain: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    out += inert(text.slice(last, match.index));
    out += match[0].replace(/[()[\]|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    last = match.index + match[0].length;
  }
  return out + inert(text.slice(last));
}

/** For DingTalk and WeCom markdown, which document no escape: markup characters become lookalikes. */
export function lookalikes(text: string): string {
  return outsideUrls(text, (plain) => plain.replace(/[<>[\]*_~`\\#|]/g, (c) => LOOKALIKES[c] ?? c));
}
