// Inline placeholders for chunk.ts: code spans, autolinks, HTML tags, images, link targets and bare URLs
// become `⟦n⟧` so the LLM never sees them; link text stays translatable. No I/O.

import { labelOf } from './chunk-blocks.ts';

// Inline spans the LLM never sees (sticky: matched at a position).
const ANGLE =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?|!--[\s\S]*?--)>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>\u2018-\u201f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/iy;
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/y;
const LINK_LABEL = /\[(?:[^[\]\\]|\\.){0,999}\]/y;

/**
 * The paragraph with protected spans replaced by `⟦n⟧`, and their sources (originals[n - 1]).
 * `labels` are the document's reference definitions (see `labelOf`); `[label]` naming one is held whole.
 */
export function protect(text: string, labels: ReadonlySet<string>): { text: string; originals: string[] } {
  const originals: string[] = [];
  const hold = (source: string) => `⟦${originals.push(source)}⟧`;
  const walk = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; ) {
      const span = spanAt(s, i, labels);
      if (span.kind === 'link')
        out += `[${walk(s.slice(i + 1, span.close))}]${hold(s.slice(span.close + 1, span.end))}`;
      else out += span.kind === 'hold' ? hold(s.slice(i, span.end)) : s.slice(i, span.end);
      i = span.end;
    }
    return out;
  };
  return { text: walk(text), originals };
}

/** What starts at s[i]: text to copy, a span to hold, or a link whose text (i+1..close) stays translatable. */
type Span = { kind: 'copy' | 'hold'; end: number } | { kind: 'link'; close: number; end: number };

function spanAt(s: string, i: number, labels: ReadonlySet<string>): Span {
  const c = s.charAt(i);
  if (c === '\\') return { kind: 'copy', end: Math.min(i + 2, s.length) };
  if (c === '⟦' || c === '⟧') return { kind: 'hold', end: i + 1 }; // so the LLM text has only our placeholders
  if (c === '`') return codeSpanAt(s, i);
  if (c === '<') return holdMatch(ANGLE, s, i);
  if (c === '!' && s[i + 1] === '[') {
    const { close, end } = bracketedAt(s, i + 1);
    if (end > 0) return { kind: 'hold', end };
    if (close > 0 && labels.has(labelOf(s.slice(i + 2, close)))) return { kind: 'hold', end: close + 1 };
    return { kind: 'copy', end: i + 1 };
  }
  if (c === '[') {
    const footnote = holdMatch(FOOTNOTE_REF, s, i);
    if (footnote.kind === 'hold') return footnote;
    const { close, end } = bracketedAt(s, i);
    if (end > 0 && s.slice(close + 1, end) !== '[]') return { kind: 'link', close, end };
    // `[label][]` and `[label]` name a reference definition by their text, which must not change.
    if (close > 0 && (end > 0 || labels.has(labelOf(s.slice(i + 1, close)))))
      return { kind: 'hold', end: Math.max(end, close + 1) };
    return { kind: 'copy', end: i + 1 };
  }
  if (/[hw]/i.test(c) && !/[A-Za-z0-9]/.test(s.charAt(i - 1))) {
    const url = holdMatch(BARE_URL, s, i);
    let end = url.end;
    while (url.kind === 'hold' && end > i + 1 && isTrailingPunctuation(s.slice(i, end))) end--;
    return { ...url, end };
  }
  return { kind: 'copy', end: i + 1 };
}

function holdMatch(pattern: RegExp, s: string, i: number): Span {
  pattern.lastIndex = i;
  const match = pattern.exec(s);
  return match ? { kind: 'hold', end: i + match[0].length } : { kind: 'copy', end: i + 1 };
}

/** A URL's last character is sentence punctuation, or a closing bracket the URL did not open. */
function isTrailingPunctuation(url: string): boolean {
  const last = url.charAt(url.length - 1);
  if (/[.,:;!?'"*_~]/.test(last)) return true;
  const count = (ch: string) => url.split(ch).length - 1;
  return (last === ')' && count(')') > count('(')) || (last === ']' && count(']') > count('['));
}

/** A code span from s[i] to the next backtick run of the same length; an unmatched run is plain text. */
function codeSpanAt(s: string, i: number): Span {
  const run = (at: number) => {
    let n = 0;
    while (s[at + n] === '`') n++;
    return n;
  };
  const open = run(i);
  for (let j = s.indexOf('`', i + open); j >= 0; j = s.indexOf('`', j + run(j))) {
    if (run(j) === open) return { kind: 'hold', end: j + open };
  }
  return { kind: 'copy', end: i + open };
}

/** For the `[` at s[open]: its matching `]`, and the end of the destination or label right after it (-1: none). */
function bracketedAt(s: string, open: number): { close: number; end: number } {
  const close = bracketEnd(s, open);
  return { close, end: close < 0 ? -1 : destinationEnd(s, close + 1) };
}

/** Index of the `]` matching the `[` at s[open], skipping escapes and code spans; -1 when unbalanced. */
function bracketEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '`') i = codeSpanAt(s, i).end - 1;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** End of a link's `(destination "title")` or `[label]` starting at s[at]; -1 when there is none. */
function destinationEnd(s: string, at: number): number {
  if (s[at] === '[') {
    const label = holdMatch(LINK_LABEL, s, at);
    return label.kind === 'hold' ? label.end : -1;
  }
  if (s[at] !== '(') return -1;
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
