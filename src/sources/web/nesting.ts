// How deeply a page's elements nest, measured on the text before parsing, so a page built to nest
// thousands deep (an HTML bomb) is refused before the parser spends quadratic time on it.
// Mirrors the open/close rules of htmlparser2 (linkedom's tokenizer), so the count is never lower.

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose text runs to their end tag without markup inside. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);
const INTEGRATION = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
]);

// Start tags that close open elements first (`<p>` after an unclosed `<p>`): the parser's own table.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      ['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM]),
    ),
    ...Object.fromEntries(
      [
        ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details'],
        ...['div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav'],
        ...['ol', 'pre', 'section', 'table', 'ul'],
      ].map((t) => [t, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);

const ALPHA = /[A-Za-z]/;

/** The deepest element nesting in `html`; stops counting once it passes `limit` (returns limit + 1). */
export function nestingDepth(html: string, limit: number): number {
  const open: string[] = [];
  const foreign: boolean[] = [];
  let deepest = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i)) {
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) i = after(html, '-->', i + 4);
    else if (html.startsWith('<![CDATA[', i)) i = after(html, ']]>', i + 9);
    else if (next === '!' || next === '?') i = after(html, '>', i + 2);
    else if (next === '/') {
      const name = tagName(html, i + 2);
      if (name) close(name.toLowerCase(), open, foreign);
      i = after(html, '>', i + 2);
    } else if (ALPHA.test(next)) {
      const name = tagName(html, i + 1).toLowerCase();
      const tag = readTag(html, i + 1 + name.length);
      if (tag.end < 0) break; // a tag cut off by the end of the text is dropped, as the parser does
      openTag(name, open, foreign);
      deepest = Math.max(deepest, open.length + (VOID.has(name) ? 1 : 0)); // a void element is a leaf below
      if (deepest > limit) return limit + 1;
      i = tag.end;
      // `<path/>` closes itself only in SVG or MathML; in HTML `<div/>` stays open.
      if (tag.selfClosing && foreign[foreign.length - 1] === true && open[open.length - 1] === name)
        open.pop();
      if (RAW_TEXT.has(name) && !tag.selfClosing) i = rawTextEnd(html, name, i);
    } else i++;
  }
  return deepest;
}

function openTag(name: string, open: string[], foreign: boolean[]): void {
  const closes = IMPLIES_CLOSE.get(name);
  while (closes && open.length > 0 && closes.has(open[open.length - 1] as string)) open.pop();
  if (VOID.has(name)) return;
  open.push(name);
  if (FOREIGN.has(name)) foreign.push(true);
  else if (INTEGRATION.has(name)) foreign.push(false);
}

function close(name: string, open: string[], foreign: boolean[]): void {
  if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
  if (VOID.has(name)) return;
  const at = open.lastIndexOf(name);
  if (at !== -1) open.length = at;
}

/** The name starting at `from` (ASCII letter first), or '' when none starts there. */
function tagName(html: string, from: number): string {
  if (!ALPHA.test(html[from] ?? '')) return '';
  let end = from + 1;
  while (end < html.length && !endsName(html.charCodeAt(end))) end++;
  return html.slice(from, end);
}

/** Reads attributes up to the closing `>` (quoted values may hold `>`); end is -1 when the text ends first. */
function readTag(html: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === GT) return { end: i + 1, selfClosing: false };
    if (c === SLASH && html.charCodeAt(i + 1) === GT) return { end: i + 2, selfClosing: true };
    if (isSpace(c) || c === SLASH) {
      i++;
      continue;
    }
    while (i < html.length && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== EQUALS) i++;
    while (isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== EQUALS) continue;
    i++;
    while (isSpace(html.charCodeAt(i))) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const closing = html.indexOf(quote, i + 1);
      if (closing < 0) return { end: -1, selfClosing: false };
      i = closing + 1;
    } else {
      while (i < html.length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== GT) i++;
    }
  }
  return { end: -1, selfClosing: false };
}

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** HTML whitespace: space, tab, line feed, form feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GT;
}

function after(html: string, marker: string, from: number): number {
  const at = html.indexOf(marker, from);
  return at < 0 ? html.length : at + marker.length;
}

/** Where the raw text of a `<script>`-like element ends: at its end tag, or at the end of the text. */
function rawTextEnd(html: string, name: string, from: number): number {
  const end = new RegExp(`</${name}[\\s/>]`, 'gi');
  end.lastIndex = from;
  const match = end.exec(html);
  return match ? match.index : html.length;
}
