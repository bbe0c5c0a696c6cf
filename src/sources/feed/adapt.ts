// WireFeed (RSS 2.0, Atom 1.0, RDF, JSON Feed) → RawItem[]: links resolved, HTML reduced to text,
// dates in UTC, language from the feed or guessed. Reading each format's fields is entries.ts.

import { createHash } from 'node:crypto';
import type { RawItem } from '../../model/item.ts';
import { toIsoUtc } from './dates.ts';
import { type Entry, readFeed, type TextField } from './entries.ts';
import { firstImage, htmlToText, looksLikeHtml } from './html.ts';
import type { WireFeed } from './wire.ts';

export interface AdaptOptions {
  /** `article` for news and blog feeds, `post` for social feeds. */
  kind?: 'article' | 'post';
  /** The configured language; wins over what the feed says. */
  lang?: string;
  /** Where the feed was fetched from: the last base for relative links. */
  documentUrl?: string;
}

export interface Adapted {
  items: RawItem[];
  /** Entries with neither a title nor a link, left out. */
  skipped: number;
}

export function adaptFeed(wire: WireFeed, options: AdaptOptions = {}): Adapted {
  const feed = readFeed(wire);
  const doc = options.documentUrl;
  // xml:base is authoritative; otherwise relative entry links are read against the site's own link.
  const base = resolveUrl(feed.base, doc) ?? resolveUrl(feed.link, doc) ?? doc;
  const items: RawItem[] = [];
  let skipped = 0;
  for (const entry of feed.entries) {
    const item = toRawItem(entry, {
      base: resolveUrl(entry.base, base) ?? base,
      lang: options.lang ?? primaryLanguage(entry.lang) ?? primaryLanguage(feed.lang),
      kind: options.kind ?? 'article',
    });
    if (item) items.push(item);
    else skipped++;
  }
  return { items, skipped };
}

interface EntryContext {
  base: string | undefined;
  lang: string | undefined;
  kind: 'article' | 'post';
}

function toRawItem(entry: Entry, context: EntryContext): RawItem | undefined {
  const url = entry.links.map((link) => httpUrl(link, context.base)).find(Boolean) ?? '';
  const summary = entry.summaries.map(plainText).find(Boolean) ?? '';
  const published = entry.title ? plainText(entry.title) : '';
  if (!published && !url) return undefined;
  const title = published || snippet(summary);
  const publishedAt = entry.dates.map(toIsoUtc).find(Boolean) ?? null;
  const image =
    [...entry.images, ...entry.html.map(firstImage)].map((src) => httpUrl(src, context.base)).find(Boolean) ??
    null;
  const item: RawItem = {
    // Identity: the entry's own guid/id; else its link; else a hash of title and date, which stays
    // stable across fetches as long as the publisher does not edit either.
    externalId: entry.id?.trim() || url || `sha256:${hash(`${title}\n${publishedAt ?? ''}`)}`,
    kind: context.kind,
    url,
    title,
    summary,
    lang: context.lang ?? guessLanguage(`${title} ${summary}`),
    authors: unique(entry.authors),
    publishedAt,
    image,
    contributor: null,
  };
  const categories = unique(entry.categories);
  if (categories.length > 0) item.extra = { categories };
  return item;
}

/** Plain text of a title or summary: HTML reduced, and markup in a "text" field treated as HTML too. */
function plainText(field: TextField | undefined): string {
  if (!field?.value) return '';
  return field.html || looksLikeHtml(field.value)
    ? htmlToText(field.value)
    : field.value.replace(/\s+/g, ' ').trim();
}

/** A stand-in title for entries that have none (social posts): the start of the text. */
function snippet(summary: string): string {
  if (summary.length <= 100) return summary;
  const cut = summary.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
}

/** `zh` when most letters are Han characters, else `en`. */
export function guessLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters > 0 && han * 2 > letters ? 'zh' : 'en';
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
  return url && /^https?:/i.test(url) ? url : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
