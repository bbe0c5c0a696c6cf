// Test support (imports jsdom, a dev dependency): what in an HTML string could run or load in a reader.
// Two independent looks: the string as written, and the tree a browser's parser (parse5) builds from it.

import { JSDOM } from 'jsdom';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_ATTRIBUTES } from './sanitize-allowlist.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Markup that must never appear in published HTML, whatever the allow-list says. Text is escaped
 * by the sanitizer, so a `<` here always opens a tag and these only match real markup. */
const FORBIDDEN: [string, RegExp][] = [
  [
    'dangerous element',
    /<\/?(?:script|svg|math|iframe|object|embed|style|meta|link|base|form|frame|applet)\b/i,
  ],
  ['event handler attribute', /<[^>]*\son[a-z]+\s*=/i],
  // An attribute value that starts with the scheme (an https URL may mention it in its path).
  ['script URL', /<[^>]*=\s*["'`]?\s*(?:javascript|vbscript|livescript)\s*:/i],
  ['data: document URL', /<[^>]*=\s*["'`]?\s*data\s*:\s*(?:text\/html|image\/svg|application)/i],
  ['comment', /<!--/],
];

const fragmentDom = new JSDOM('');

/** The problems found in `html`; empty when it is inert. */
export function unsafeParts(html: string): string[] {
  const problems = FORBIDDEN.filter(([, pattern]) => pattern.test(html)).map(([what]) => what);
  const template = fragmentDom.window.document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName;
    if (element.namespaceURI !== HTML_NS) problems.push(`foreign element <${tag}>`);
    if (!(ALLOWED_TAGS as readonly string[]).includes(tag)) problems.push(`element <${tag}>`);
    for (const { name, value } of element.attributes) {
      if (!ALLOWED_ATTRIBUTES[tag]?.includes(name)) problems.push(`attribute ${tag}[${name}]`);
      const rule = URL_ATTRIBUTES[tag];
      if (rule?.attribute === name && !rule.schemes.some((s) => value.startsWith(`${s}:`))) {
        problems.push(`URL ${tag}[${name}]="${value}"`);
      }
    }
  }
  return problems;
}
