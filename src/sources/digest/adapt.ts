// DigestDocument → RawItem[]: kind from the link and the publisher's paper marks, language from the
// printed text, the digest's day as listedOn (a printed month and day placed in the nearest year).

import { dayInName, isoDay } from '../../model/day.ts';
import type { ItemKind, RawItem } from '../../model/item.ts';
import { arxivIdOf, isGithubRepo, isPaperPage, isSocialPost } from './kinds.ts';
import type { DigestDocument, DigestEntry, DigestFormat, PrintedDay } from './wire.ts';

export interface AdaptOptions {
  /** The file name or URL the digest came from: a YYYY-MM-DD in it dates the digest. */
  origin: string;
  /** The edition day being collected (ctx.date); absent when importing a file. */
  date?: string;
  /** Today (YYYY-MM-DD), the last reference for a printed month and day without a year. */
  today?: string;
}

/**
 * These entries are another publisher's translations and summaries. Each item is kept as printed
 * (title, summary and language agree: usually Chinese); the English title of format A is kept in
 * extra.originalTitle. Merging with the original paper or page happens by arXiv id and URL, and the
 * lead item of a story stays the English original when there is one (stories/lead-item.ts).
 */
export function adaptDigest(document: DigestDocument, options: AdaptOptions): RawItem[] {
  const named = dayInName(options.origin);
  const reference = named ?? options.date ?? options.today ?? new Date().toISOString().slice(0, 10);
  const listedOn = (document.day && nearestDay(document.day, reference)) ?? named ?? options.date ?? null;
  return document.entries.map((entry) => toRawItem(entry, document, listedOn));
}

function toRawItem(entry: DigestEntry, document: DigestDocument, listedOn: string | null): RawItem {
  const arxivId = arxivIdOf(entry.url);
  const extra: Record<string, unknown> = { digestFormat: document.format };
  if (document.title) extra.digestTitle = document.title;
  if (entry.originalTitle) extra.originalTitle = entry.originalTitle;
  if (arxivId) extra.arxivId = arxivId;
  if (entry.contributors.length > 1) extra.contributors = entry.contributors;
  return {
    externalId: `digest:${listedOn ?? 'undated'}:${entry.url}`,
    kind: kindOf(entry, document.format, arxivId),
    url: entry.url,
    title: entry.title,
    summary: entry.summary,
    lang: looksChinese(`${entry.title}\n${entry.summary}`) ? 'zh' : 'en',
    authors: [],
    publishedAt: null,
    listedOn,
    image: entry.image,
    contributor: entry.contributor,
    section: entry.section,
    extra,
  };
}

/**
 * 1. Format A lists papers only. 2. An arXiv page (or a mirror showing an arXiv id) is a paper wherever
 * it is listed. 3. Another paper page is a paper when the publisher marked it as one (bold, `链接：`).
 * 4. Social posts and 5. repositories by their host; 6. anything else is an article.
 */
function kindOf(entry: DigestEntry, format: DigestFormat, arxivId: string | null): ItemKind {
  if (format === 'paper-digest' || arxivId) return 'paper';
  if (entry.isPaper && isPaperPage(entry.url)) return 'paper';
  if (isSocialPost(entry.url)) return 'post';
  if (isGithubRepo(entry.url)) return 'repo';
  return 'article';
}

/** Chinese when Han characters are at least as many as Latin words: a Chinese summary naming
 * models and companies in English is still Chinese, an English abstract citing one name is not. */
export function looksChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return han > 0 && han >= words;
}

/** A printed day as YYYY-MM-DD: its own year, else the year that puts it nearest the reference day
 * (`12月31日` read on 2026-01-01 is 2025-12-31). Null when no year makes it a real day. */
export function nearestDay(printed: PrintedDay, reference: string): string | null {
  const referenceTime = Date.parse(`${reference}T00:00:00Z`);
  const year = Number(reference.slice(0, 4));
  const years = printed.year !== null ? [printed.year] : [year - 1, year, year + 1];
  const days = years
    .map((y) => `${String(y).padStart(4, '0')}-${pad(printed.month)}-${pad(printed.day)}`)
    .filter((day) => isoDay(day) === day);
  days.sort((a, b) => Math.abs(Date.parse(a) - referenceTime) - Math.abs(Date.parse(b) - referenceTime));
  return days[0] ?? null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
