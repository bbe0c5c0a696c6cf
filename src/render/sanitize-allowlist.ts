// The HTML allow-list every published fragment passes through, as data: which elements and attributes
// survive, which URL schemes, what is renamed, what goes with all its content. sanitize.ts applies it.

/** Elements kept (everything else is unwrapped: its text stays, the tag goes). */
export const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'caption',
  'code',
  'em',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
] as const;

/** Attributes kept, per element; none anywhere else (so no style, class, id or on*). */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  blockquote: ['lang'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'referrerpolicy'],
  ol: ['start'],
  p: ['lang'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** The one URL attribute of an element and the schemes it may use once resolved. */
export const URL_ATTRIBUTES: Record<string, { attribute: string; schemes: string[] }> = {
  a: { attribute: 'href', schemes: ['http', 'https', 'mailto'] },
  img: { attribute: 'src', schemes: ['http', 'https'] },
};

/** Set on every kept element of that name, whatever the input said. */
export const FORCED_ATTRIBUTES: Record<string, Record<string, string>> = {
  a: { rel: 'noopener noreferrer nofollow' },
  img: { loading: 'lazy', referrerpolicy: 'no-referrer' },
};

/** Spellings folded into the kept element (the page has its own `h1`). */
export const RENAMED_TAGS: Record<string, string> = {
  b: 'strong',
  del: 's',
  h1: 'h2',
  i: 'em',
  strike: 's',
};

/** Dropped together with everything inside: code, raw text, foreign content, embedded documents,
 * and the elements whose content a browser parses differently from us (the mutation-XSS family). */
export const DROPPED_WITH_CONTENT = [
  'applet',
  'audio',
  'canvas',
  'embed',
  'frame',
  'frameset',
  'head',
  'iframe',
  'math',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'option',
  'plaintext',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
  'xmp',
];
