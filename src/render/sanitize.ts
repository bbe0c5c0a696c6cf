// Sanitize last: every HTML fragment a channel publishes (feeds, pages, e-mail) passes through here
// at the very end, LLM output and source text alike. The allow-list is data in sanitize-allowlist.ts.

import { decodeHTML } from 'entities';
import sanitize from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  FORCED_ATTRIBUTES,
  RENAMED_TAGS,
  URL_ATTRIBUTES,
} from './sanitize-allowlist.ts';

export interface SanitizeOptions {
  /** Absolute URL relative links and images resolve against; without it they are dropped. */
  base?: string;
}

/** C0 controls (but tab, newline, carriage return) and DEL: never wanted, and NUL hides schemes.
 * Written as what is kept: everything else below U+0080. */
const CONTROLS = /[^\t\n\r\u0020-\u007e\u0080-\uffff]/g;

/** `fragment` reduced to the allow-list: safe to put inside any page or feed as HTML. */
export function sanitizeHtml(fragment: string, options: SanitizeOptions = {}): string {
  const base = options.base;
  if (base !== undefined && !URL.canParse(base)) {
    throw new Error(`sanitizeHtml: base "${base}" is not an absolute URL`);
  }
  return sanitize(fragment.replace(CONTROLS, ''), {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: Object.fromEntries(Object.entries(URL_ATTRIBUTES).map(([t, r]) => [t, r.schemes])),
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: {
      ...RENAMED_TAGS,
      ...Object.fromEntries(Object.keys(URL_ATTRIBUTES).map((tag) => [tag, resolveUrl(base)])),
    },
    // A link whose URL was refused keeps its text; an image without a picture goes entirely.
    exclusiveFilter: (frame) => {
      if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
      return frame.tag === 'img' && !frame.attribs.src;
    },
  });
}

/** The URL an element points at, resolved and checked: its one URL attribute is replaced by the
 * absolute form, or removed (with every other attribute) when the scheme is not allowed. */
function resolveUrl(base: string | undefined): sanitize.Transformer {
  return (tagName, attribs) => {
    const rule = URL_ATTRIBUTES[tagName];
    if (!rule) return { tagName, attribs };
    const { [rule.attribute]: given, ...rest } = attribs;
    const url = safeUrl(given, rule.schemes, base);
    if (!url) return { tagName, attribs: {} };
    return { tagName, attribs: { [rule.attribute]: url, ...rest, ...FORCED_ATTRIBUTES[tagName] } };
  };
}

/**
 * `value` as an absolute URL when its scheme is one of `schemes`, else null. Relative URLs resolve
 * against `base` and are refused without one. The WHATWG parser sees through the tricks browsers
 * accept (tabs and newlines inside `java\tscript:`, leading spaces, upper case); entities were already
 * decoded by the HTML parser.
 */
export function safeUrl(
  value: string | null | undefined,
  schemes: readonly string[] = ['http', 'https'],
  base?: string,
): string | null {
  const text = (value ?? '').replace(CONTROLS, '').trim();
  if (!text) return null;
  const url = base ? URL.parse(text, base) : URL.parse(text);
  if (!url) return null;
  return schemes.includes(url.protocol.slice(0, -1)) ? url.href : null;
}

const BLOCK_END = /<\/(?:p|li|h[2-6]|blockquote|pre|tr|table|caption|ul|ol)>|<(?:br|hr)\s*\/?>/g;
const CELL_END = /<\/t[dh]>/g;

/** The text a reader sees in `html`, one line per block, entities decoded. Runs the sanitizer first,
 * so the tags left are the allow-list's, in its normalized spelling, and a regex can take them off. */
export function plainText(html: string): string {
  const text = sanitizeHtml(html)
    .replace(BLOCK_END, '\n')
    .replace(CELL_END, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
