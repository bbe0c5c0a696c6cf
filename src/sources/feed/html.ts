// HTML fragments from feed entries → plain text, and the first image they show.
// Tolerant regex reduction, no DOM: never returns tags. Sanitizing HTML for output is render's job.

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

// Latin-1 named entities in code-point order from U+00A0, then the typographic ones feeds use most.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml';

const ENTITIES: Record<string, string> = {
  ...Object.fromEntries(LATIN1.split(' ').map((name, i) => [name, String.fromCodePoint(0xa0 + i)])),
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  lsaquo: '‹',
  rsaquo: '›',
  hellip: '…',
  bull: '•',
  prime: '′',
  Prime: '″',
  trade: '™',
  euro: '€',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  minus: '−',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  fnof: 'ƒ',
  circ: 'ˆ',
  tilde: '˜',
  dagger: '†',
  Dagger: '‡',
  permil: '‰',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
};

/** Decode numeric and common named character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (all: string, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return ENTITIES[name] ?? all;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    },
  );
}
