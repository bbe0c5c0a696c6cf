// WireFeed (RSS 2.0, Atom 1.0, RDF, JSON Feed) → RawItem[]: links resolved, HTML reduced to text,
// dates in UTC, language from the feed or guessed. Reading each format's fields is entries.ts.

import { createHash } from 'node:crypto';
import type { RawItem } from '../../model/item.ts';
import { toIsoUtc } from '../../text/dates.ts';
import { firstImage, htmlToText, looksLikeHtml, windows1252Controls } from '../../text/html-text.ts';
import { guessLanguage } from '../../text/language.ts';
import { type Entry, readFeed, type TextField } from './entries.ts';
import type { WireFeed } from './wire.ts';

export interface AdaptOptions {
  /** `article` for news and blog feeds, `post` for social feeds. */
  kind?: 'article' | 'post';
  /** The configured language; wins over what the feed says. */
  lang?: string;
  /** Where the feed was fetched from: the last base for relative links. */
  documentUrl?: string;
}

/** The feed itself, as far as a source list (OPML) and the conformance tests need it. */
export interface FeedInfo {
  /** Plain text; '' when the feed has no title. */
  title: string;
  /** The site the feed belongs to, absolute http(s), or null. */
  link: string | null;
}

export interface Adapted {
  feed: FeedInfo;
  items: RawItem[];
  /** Entries with neither a title nor a link, left out. */
  skipped: number;
}

/** Every entry as a RawItem, except those with neither a title nor a link (nothing to show or open). */
export function adaptFeed(wire: WireFeed, options: AdaptOptions = {}): Adapted {
  const { feed, entries } = adaptEntries(wire, options);
  const items = entries.filter((entry) => entry.titled || entry.item.url).map((entry) => entry.item);
  return { feed, items, skipped: entries.length - items.length };
}

/** The feed and every one of its entries, none left out; for checking against other parsers' goldens. */
export function adaptDocument(
  wire: WireFeed,
  options: AdaptOptions = {},
): { feed: FeedInfo; items: RawItem[] } {
  const { feed, entries } = adaptEntries(wire, options);
  return { feed, items: entries.map((entry) => entry.item) };
}

function adaptEntries(wire: WireFeed, options: AdaptOptions) {
  const facts = readFeed(wire);
  // Only a web address is a base: a file path or a `javascript:` Content-Location resolves nothing.
  const doc = options.documentUrl && isHttp(options.documentUrl) ? options.documentUrl : undefined;
  // Relative references resolve against, in order: the feed's xml:base (itself resolved against the
  // document), the site's own link (relative item links usually mean the site, also when the feed is
  // served from elsewhere, e.g. FeedBurner), then the address the feed was fetched from.
  const feedBase = httpUrl(facts.base, doc);
  const feed: FeedInfo = {
    title: plainText(facts.title),
    link: httpUrl(facts.link, feedBase ?? doc) ?? null,
  };
  const base = feedBase ?? feed.link ?? doc;
  const entries = facts.entries.map((entry) =>
    toRawItem(entry, {
      // Nested xml:base: an entry's is relative to the feed's; a `javascript:` base is no base.
      base: httpUrl(entry.base, base) ?? base,
      configuredLang: options.lang,
      declaredLang: primaryLanguage(entry.lang) ?? primaryLanguage(facts.lang),
      kind: options.kind ?? 'article',
    }),
  );
  return { feed, entries };
}

interface EntryContext {
  base: string | undefined;
  configuredLang: string | undefined;
  declaredLang: string | undefined;
  kind: 'article' | 'post';
}

function toRawItem(entry: Entry, context: EntryContext): { item: RawItem; titled: boolean } {
  const url = entry.links.map((link) => httpUrl(link, context.base)).find(Boolean) ?? '';
  const summary = entry.summaries.map(plainText).find(Boolean) ?? '';
  const published = plainText(entry.title);
  const title = published || snippet(summary);
  const publishedAt = entry.dates.map(toIsoUtc).find(Boolean) ?? null;
  // Images inside content are relative to the content's own xml:base, nested in the entry's.
  const inBodies = entry.html.map((body) =>
    httpUrl(firstImage(body.value), httpUrl(body.base, context.base) ?? context.base),
  );
  const image = [...entry.images.map((src) => httpUrl(src, context.base)), ...inBodies].find(Boolean) ?? null;
  const item: RawItem = {
    // Identity: the entry's own guid/id; else its link; else a hash of title and date, which stays
    // stable across fetches as long as the publisher does not edit either.
    externalId: entry.id?.trim() || url || `sha256:${hash(`${title}\n${publishedAt ?? ''}`)}`,
    kind: context.kind,
    url,
    title,
    summary,
    lang: context.configuredLang ?? language(context.declaredLang, `${title} ${summary}`),
    authors: unique(entry.authors.map(personName)),
    publishedAt,
    image,
    contributor: null,
  };
  const categories = unique(entry.categories);
  if (categories.length > 0) item.extra = { categories };
  return { item, titled: published !== '' };
}

/** Plain text of a title or summary: HTML reduced, and markup in a "text" field treated as HTML too. */
function plainText(field: TextField | undefined): string {
  if (!field?.value) return '';
  const text =
    field.html || (!field.literal && looksLikeHtml(field.value))
      ? htmlToText(field.value)
      : field.value.replace(/\s+/g, ' ').trim();
  return windows1252Controls(text);
}

/** A stand-in title for entries that have none (social posts): the start of the text. */
function snippet(summary: string): string {
  if (summary.length <= 100) return summary;
  const cut = summary.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
}

/** The declared language, unless it is a generator's default `en` over Chinese text (RSSHub writes
 * `<language>en</language>` for every route); with none declared, the guess. */
function language(declared: string | undefined, text: string): string {
  const guessed = guessLanguage(text);
  return declared && !(declared === 'en' && guessed === 'zh') ? declared : guessed;
}

/** The primary language subtag of a declared language (`zh-CN` → `zh`, `en_US` → `en`). */
function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function resolveUrl(ref: string | undefined, base: string | undefined): string | undefined {
  const text = ref?.trim();
  if (!text) return undefined;
  try {
    return new URL(text, base).href;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL for a link, resolved against the entry's base; anything else is no link. */
function httpUrl(ref: string | undefined, base: string | undefined): string | undefined {
  const url = resolveUrl(ref, base);
  return url && isHttp(url) ? url : undefined;
}

const isHttp = (url: string) => /^https?:/i.test(url);

/** A person as feeds write them: `me@x.org (Name)`, `Name (me@x.org)` and `Name <me@x.org>` are Name. */
function personName(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  const isEmail = (value: string) => /^[^\s@()<>]+@[^\s@()<>]+$/.test(value.trim());
  const [, outside = '', inside = ''] = /^(.*?) ?\(([^()]*)\)$/.exec(text) ?? [];
  if (outside && inside && isEmail(outside)) return inside.trim();
  if (outside && inside && isEmail(inside)) return outside.trim();
  return text.replace(/ ?<[^<>\s]+@[^<>\s]+>$/, '') || text;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
