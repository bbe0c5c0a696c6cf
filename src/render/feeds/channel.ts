// Editions → one feed channel, the format-neutral shape rss.ts, atom.ts and json-feed.ts print: which
// items (newest edition first, one per story), their stable ids, links, dates and cleaned text.

import type { Edition, EditionEntry, EditionSection } from '../../model/edition.ts';
import type { FeedFormat, Permalinks } from '../permalinks.ts';
import { safeUrl } from '../sanitize.ts';
import { entryHtml, excerpt } from './content.ts';
import { cleanText, oneLine } from './xml.ts';

export interface FeedsInput {
  publication: { name: string; title: string; description: string };
  editions: Edition[];
  links: Permalinks;
  /** Only the entries under the section of this title (at any depth). */
  section?: string;
  /** At most this many items (default 50). */
  limit?: number;
  /** The time zone edition days are counted in (`timezone` in the config); default UTC. */
  timeZone?: string;
}

export interface FeedItem {
  /** `ribao:<publication>:<storyId>`: the same in every format and section, and after a correction. */
  id: string;
  url: string;
  title: string;
  originalTitle: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  language: string;
  contributor: string | null;
  sourceUrl: string | null;
  image: string | null;
  section: string;
}

export interface FeedChannel {
  id: string;
  title: string;
  description: string;
  homeUrl: string;
  feedUrls: Record<FeedFormat, string>;
  /** Who wrote the items: the publication. */
  author: string;
  language: string;
  updated: Date;
  items: FeedItem[];
}

export const DEFAULT_LIMIT = 50;
const LANGUAGE = 'zh-CN';

export function feedChannel(input: FeedsInput): FeedChannel {
  const { publication, links, section } = input;
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`feeds: limit ${limit} is not a positive integer`);
  const name = publication.name;
  const editions = [...input.editions].sort((a, b) => b.date.localeCompare(a.date));
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const edition of editions) {
    const published = dayStart(edition.date, input.timeZone ?? 'UTC');
    for (const { entry, sectionTitle } of placedEntries(edition, section)) {
      if (items.length >= limit || seen.has(entry.storyId)) continue;
      seen.add(entry.storyId);
      const url = links.absolute(links.story(name, entry.storyId));
      items.push(feedItem(name, entry, sectionTitle, url, published));
    }
  }
  const feedUrl = (format: FeedFormat) => links.absolute(links.feed(name, format, section));
  const newest = editions[0];
  return {
    id: section ? `ribao:${name}:section:${encodeURIComponent(section)}` : `ribao:${name}`,
    title: oneLine(section ? `${publication.title} · ${section}` : publication.title),
    description: oneLine(publication.description),
    homeUrl: links.absolute(section ? links.section(name, section) : `${encodeURIComponent(name)}/`),
    feedUrls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
    author: oneLine(publication.title),
    language: LANGUAGE,
    // From the data, never the clock, so publishing the same editions writes the same bytes.
    updated: new Date(
      Math.max(
        newest ? dayStart(newest.date, input.timeZone ?? 'UTC').getTime() : 0,
        ...items.map((item) => item.updated.getTime()),
      ),
    ),
    items,
  };
}

function feedItem(
  publication: string,
  entry: EditionEntry,
  section: string,
  url: string,
  published: Date,
): FeedItem {
  const corrected = entry.updatedAt ? new Date(entry.updatedAt) : null;
  const title = oneLine(entry.title ?? '') || oneLine(entry.originalTitle);
  return {
    id: `ribao:${publication}:${encodeURIComponent(entry.storyId)}`,
    url,
    title,
    originalTitle: oneLine(entry.originalTitle),
    summary: cleanText(excerpt(entry)),
    contentHtml: cleanText(entryHtml(entry, url)),
    published,
    // A correction after publishing moves `updated`; an earlier draft date never goes before `published`.
    updated: corrected && corrected > published ? corrected : published,
    language: entry.translated ? LANGUAGE : oneLine(entry.originalLang) || LANGUAGE,
    contributor: entry.contributor ? oneLine(entry.contributor) || null : null,
    sourceUrl: safeUrl(entry.url),
    image: safeUrl(entry.image),
    section: oneLine(section),
  };
}

/** Entries in reading order with the title of the section they sit in; under `section` only if given. */
function placedEntries(edition: Edition, section?: string): { entry: EditionEntry; sectionTitle: string }[] {
  const walk = (s: EditionSection, inside: boolean): { entry: EditionEntry; sectionTitle: string }[] => {
    const included = inside || section === undefined || s.title === section;
    return [
      ...(included ? s.entries.map((entry) => ({ entry, sectionTitle: s.title })) : []),
      ...s.children.flatMap((child) => walk(child, included && section !== undefined)),
    ];
  };
  return edition.sections.flatMap((s) => walk(s, false));
}

/** Every section title in these editions (at any depth), in first-seen order: the per-section feeds. */
export function sectionTitles(editions: Edition[]): string[] {
  const titles = new Set<string>();
  const walk = (s: EditionSection) => {
    if (s.title) titles.add(s.title);
    s.children.forEach(walk);
  };
  for (const edition of editions) edition.sections.forEach(walk);
  return [...titles];
}

/** The instant an edition day begins in `timeZone`: the item's publication time, stable across runs. */
export function dayStart(day: string, timeZone: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime())) throw new Error(`feeds: edition date "${day}" is not YYYY-MM-DD`);
  let zone: string | undefined;
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch (cause) {
    throw new Error(`feeds: time zone "${timeZone}" is not known`, { cause });
  }
  const offset = zone?.replace(/^GMT/, '') || 'Z';
  return new Date(`${day}T00:00:00${offset}`);
}
