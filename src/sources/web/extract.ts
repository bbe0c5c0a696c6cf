// One page's HTML → its article as Markdown and plain text, with title, byline, date and picture.
// The pipeline as a sentence: refuse bombs → parse → read metadata → apply quirks → Readability →
// fall back to the site's container → Markdown. No network; the caller fetched the page.

import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { InputError } from '../../errors.ts';
import { applyQuirks, type QuirkFacts } from './apply-quirks.ts';
import { type DomDocument, type DomElement, parseDocument } from './dom.ts';
import { markCodeLanguages, toMarkdown } from './markdown.ts';
import { canonicalLink, documentBase, readMetadata } from './metadata.ts';
import { nestingDepth } from './nesting.ts';
import { plainText } from './plain-text.ts';

export interface Extracted {
  title: string | null;
  byline: string | null;
  /** As the page declares it (`en`, `zh-CN`), or null. */
  lang: string | null;
  /** As the page writes it (ISO 8601 mostly), or null. */
  publishedTime: string | null;
  siteName: string | null;
  /** The page's description, else the article's first paragraph. */
  excerpt: string | null;
  /** og:image (or twitter:image, JSON-LD image), absolute http(s). */
  image: string | null;
  /** `<link rel=canonical>`, absolute http(s). */
  canonical: string | null;
  markdown: string;
  /** The article as plain text, one line per block. */
  text: string;
  /** Readability's guess that the page is an article (isProbablyReaderable), before any cleaning. */
  readerable: boolean;
}

export interface ExtractOptions {
  /** Refuse longer input (characters); default MAX_HTML_CHARS. */
  maxChars?: number;
  /** Apply site quirks and generic boilerplate removal (default true). */
  quirks?: boolean;
  /** Resolve links against the page's `<link rel=canonical>` when it has one (a saved file). */
  preferCanonical?: boolean;
}

export const MAX_HTML_CHARS = 5_000_000;
/** Real pages nest a few dozen elements deep (the Readability corpus: 38); bombs nest thousands. */
export const MAX_NESTING = 1000;
/** Readability gives up on documents with more elements than this (bounded time). */
export const MAX_ELEMENTS = 200_000;

export function extract(html: string, url: string, options: ExtractOptions = {}): Extracted {
  const limit = options.maxChars ?? MAX_HTML_CHARS;
  if (html.length > limit) {
    throw new InputError(url, `the page is ${html.length} characters, over the ${limit}-character limit`);
  }
  if (nestingDepth(html, MAX_NESTING) > MAX_NESTING) {
    throw new InputError(
      url,
      `elements nest more than ${MAX_NESTING} deep; refusing what looks like an HTML bomb`,
    );
  }
  const document = parseDocument(html);
  const canonical = canonicalLink(document, documentBase(document, url));
  const pageUrl = options.preferCanonical && canonical ? canonical : url;
  const base = documentBase(document, pageUrl);
  const meta = readMetadata(document, base);
  const readerable = isProbablyReaderable(document as unknown as Parameters<typeof isProbablyReaderable>[0]);
  if (document.body) markCodeLanguages(document.body);
  const quirks: QuirkFacts =
    options.quirks === false
      ? { main: null, title: null, byline: null, siteName: null, publishedTime: null }
      : applyQuirks(document, pageUrl);
  const article = readArticle(document, url);
  const root = chooseRoot(article?.content ?? null, quirks.main);
  const text = root ? plainText(root) : '';
  return {
    title: quirks.title ?? (article?.title || meta.title),
    byline: quirks.byline ?? (article?.byline || meta.byline),
    lang: article?.lang || meta.lang,
    publishedTime: quirks.publishedTime ?? (article?.publishedTime || meta.publishedTime),
    siteName: quirks.siteName ?? (article?.siteName || meta.siteName),
    excerpt: article?.excerpt || meta.excerpt || text.split('\n')[0] || null,
    image: meta.image,
    canonical,
    markdown: root ? toMarkdown(root, base) : '',
    text,
    readerable,
  };
}

type Article = NonNullable<ReturnType<Readability<DomElement>['parse']>>;

function readArticle(document: DomDocument, url: string): Article | null {
  const reader = new Readability<DomElement>(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    {
      maxElemsToParse: MAX_ELEMENTS,
      classesToPreserve: ['caption'],
      // The article element itself, not its HTML: Markdown and text are made from the tree.
      serializer: (node) => node as unknown as DomElement,
    },
  );
  compareTitlesByCharacter(reader);
  try {
    return reader.parse();
  } catch (error) {
    if (error instanceof Error && /Aborting parsing document/.test(error.message)) {
      throw new InputError(url, `the page has more than ${MAX_ELEMENTS} elements`, { cause: error });
    }
    throw error;
  }
}

/** Readability drops the first h1/h2 that repeats the title, comparing words split on \W+ — which
 * discards every Chinese character, so "一、为什么需要 torch.compile" "repeats" a title that merely
 * mentions torch.compile. Same check, with each CJK character a word (identical for Latin text). */
function compareTitlesByCharacter(reader: object): void {
  const internals = reader as {
    _articleTitle?: string;
    _headerDuplicatesTitle?: (node: DomElement) => boolean;
  };
  if (typeof internals._headerDuplicatesTitle !== 'function') return;
  internals._headerDuplicatesTitle = (node) =>
    (node.tagName === 'H1' || node.tagName === 'H2') &&
    titleSimilarity(internals._articleTitle ?? '', node.textContent ?? '') > 0.75;
}

const TITLE_TOKEN = /[A-Za-z0-9_]+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Readability's _textSimilarity: 1 − (length of B's tokens missing from A) / (length of all B's tokens). */
function titleSimilarity(a: string, b: string): number {
  const tokensA: string[] = a.toLowerCase().match(TITLE_TOKEN) ?? [];
  const tokensB: string[] = b.toLowerCase().match(TITLE_TOKEN) ?? [];
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const missing = tokensB.filter((token) => !tokensA.includes(token));
  return 1 - missing.join(' ').length / tokensB.join(' ').length;
}

/** Readability's article, unless the site's own container holds more than twice its text. */
function chooseRoot(article: DomElement | null, main: DomElement | null): DomElement | null {
  if (!main) return article;
  if (!article) return main;
  return textLength(article) * 2 < textLength(main) ? main : article;
}

function textLength(element: DomElement): number {
  return (element.textContent ?? '').replace(/\s+/g, '').length;
}
