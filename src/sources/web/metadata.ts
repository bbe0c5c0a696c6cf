// What a page says about itself before any cleaning: <meta> (Open Graph, article:, Dublin Core,
// itemprop), JSON-LD, <base>, <link rel=canonical>. Read-only; choosing between sources is extract.ts.

import type { DomDocument, DomElement } from './dom.ts';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  lang: string | null;
  publishedTime: string | null;
  siteName: string | null;
  excerpt: string | null;
  /** The page's picture (og:image, twitter:image, JSON-LD image), absolute http(s). */
  image: string | null;
}

/** The URL relative links resolve against: an http(s) or file `<base href>` read against the page URL,
 * else the page URL. */
export function documentBase(document: DomDocument, pageUrl: string): string {
  const href = first(document, 'base', (base) => base.hasAttribute('href'))?.getAttribute('href');
  const base = resolveUrl(href, pageUrl);
  // A `javascript:` or `data:` base would make every relative link unusable (or worse): ignored.
  return base && /^(?:https?|file):/.test(base) ? base : pageUrl;
}

/** `<link rel=canonical>` as an absolute http(s) URL, or null. */
export function canonicalLink(document: DomDocument, base: string): string | null {
  return webUrl(linkHref(document, 'canonical'), base);
}

export function readMetadata(document: DomDocument, base: string): PageMetadata {
  const meta = metaValues(document);
  const ld = jsonLdArticle(document);
  const pick = (...values: unknown[]): string | null => {
    for (const value of values) {
      const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
      if (text) return text;
    }
    return null;
  };
  const author = meta.get('article:author');
  return {
    title: pick(meta.get('og:title'), meta.get('twitter:title'), ld?.headline, ld?.name, titleText(document)),
    byline: pick(
      meta.get('author'),
      author && !/^https?:/i.test(author) ? author : null,
      names(ld?.author).join(', '),
      meta.get('dc.creator'),
    ),
    lang: pick(
      document.documentElement.getAttribute('lang'),
      meta.get('content-language'),
      meta.get('og:locale')?.replace('_', '-'),
      ld?.inLanguage,
    ),
    publishedTime: pick(
      meta.get('article:published_time'),
      ld?.datePublished,
      meta.get('datepublished'),
      first(document, 'time', (time) => time.getAttribute('itemprop') === 'datePublished')?.getAttribute(
        'datetime',
      ),
      meta.get('pubdate'),
      meta.get('publishdate'),
      meta.get('dc.date'),
      meta.get('dcterms.created'),
    ),
    siteName: pick(meta.get('og:site_name'), names(ld?.publisher)[0], meta.get('application-name')),
    excerpt: pick(
      meta.get('og:description'),
      meta.get('description'),
      meta.get('twitter:description'),
      ld?.description,
    ),
    image:
      [
        meta.get('og:image'),
        meta.get('og:image:secure_url'),
        meta.get('og:image:url'),
        meta.get('twitter:image'),
        meta.get('twitter:image:src'),
        ...imageUrls(ld?.image),
        linkHref(document, 'image_src'),
      ]
        .map((ref) => webUrl(ref, base))
        .find((url) => url !== null) ?? null,
  };
}

/** An absolute http(s) URL for a reference read against `base`, or null (no javascript:, data:, …). */
export function webUrl(ref: string | null | undefined, base: string): string | null {
  const url = resolveUrl(ref, base);
  return url && /^https?:/.test(url) ? url : null;
}

function resolveUrl(ref: string | null | undefined, base: string): string | null {
  const text = ref?.trim();
  if (!text) return null;
  try {
    return new URL(text, base).href;
  } catch {
    return null;
  }
}

/** `<meta>` content by lower-cased property, name, itemprop or http-equiv; the first one wins. */
function metaValues(document: DomDocument): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of document.getElementsByTagName('meta')) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (element.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !values.has(key)) values.set(key, content);
      }
    }
  }
  return values;
}

function titleText(document: DomDocument): string | null {
  return first(document, 'title', () => true)?.textContent ?? null;
}

/** The first element named `tag` that passes `test` (a tag walk: cheaper than a selector on big pages). */
function first(
  document: DomDocument,
  tag: string,
  test: (element: DomElement) => boolean,
): DomElement | undefined {
  return Array.from(document.getElementsByTagName(tag)).find(test);
}

/** The href of the first `<link>` whose rel lists `rel`. */
function linkHref(document: DomDocument, rel: string): string | null {
  const hasRel = (link: DomElement) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes(rel);
  return (
    first(document, 'link', (link) => hasRel(link) && link.hasAttribute('href'))?.getAttribute('href') ?? null
  );
}

type LdNode = Record<string, unknown>;
const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|Posting|WebPage/;
/** JSON-LD blocks larger than this are data dumps, not page metadata. */
const MAX_JSON_LD_CHARS = 200_000;

/** The first JSON-LD node typed as an article (or web page), looking through arrays and @graph. */
function jsonLdArticle(document: DomDocument): LdNode | undefined {
  for (const script of document.getElementsByTagName('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const found = ldNodes(value).find((node) =>
      [node['@type']].flat().some((t) => ARTICLE_TYPE.test(String(t))),
    );
    if (found) return found;
  }
  return undefined;
}

function ldNodes(value: unknown): LdNode[] {
  const nodes: LdNode[] = [];
  const pending = [value];
  while (pending.length > 0 && nodes.length < 200) {
    const next = pending.shift();
    if (Array.isArray(next)) pending.push(...next);
    else if (next && typeof next === 'object') {
      nodes.push(next as LdNode);
      if ('@graph' in next) pending.push((next as LdNode)['@graph']);
    }
  }
  return nodes;
}

/** Person or organization names from a JSON-LD value: a string, `{name}`, or a list of either. */
function names(value: unknown): string[] {
  return [value]
    .flat()
    .map((entry) => (typeof entry === 'string' ? entry : (entry as LdNode | null)?.name))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => name.trim());
}

function imageUrls(value: unknown): string[] {
  return [value]
    .flat()
    .map((entry) => (typeof entry === 'string' ? entry : (entry as LdNode | null)?.url))
    .filter((url): url is string => typeof url === 'string');
}
