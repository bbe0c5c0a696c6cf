// An extracted page → one `article` RawItem: summary as plain text, authors from the byline, the date in
// UTC, the language reduced to its primary subtag (or guessed), the full Markdown kept in `extra`.

import type { RawItem } from '../../model/item.ts';
import { toIsoUtc } from '../../text/dates.ts';
import { guessLanguage } from '../../text/language.ts';
import type { Extracted } from './extract.ts';

/** Summaries longer than this are cut at a sentence or word boundary. */
const MAX_SUMMARY = 600;

export interface PageOrigin {
  /** The URL asked for: the item's stable id within the source. */
  requested: string;
  /** Where the page was finally served from (after redirects): the item's link. */
  served: string;
  /** The configured language, which wins over the page's. */
  lang?: string | undefined;
}

export function toRawItem(page: Extracted, origin: PageOrigin): RawItem {
  const firstLine = page.text.split('\n')[0] ?? '';
  const title = page.title?.trim() || firstLine.slice(0, 200) || origin.served;
  const summary = cut(page.excerpt?.trim() || firstParagraph(page.text));
  const extra: Record<string, unknown> = { markdown: page.markdown, readerable: page.readerable };
  if (page.byline) extra.byline = page.byline;
  if (page.siteName) extra.siteName = page.siteName;
  if (page.canonical && page.canonical !== origin.served) extra.canonical = page.canonical;
  return {
    externalId: origin.requested,
    kind: 'article',
    url: origin.served,
    title,
    summary,
    lang: origin.lang ?? primaryLanguage(page.lang) ?? guessLanguage(`${title} ${page.text.slice(0, 2000)}`),
    authors: authorsOf(page.byline),
    publishedAt: toIsoUtc(page.publishedTime),
    image: page.image,
    contributor: null,
    extra,
  };
}

/** People named in a byline: `By A and B`, `作者：甲、乙`, `A, B`. A byline that is a sentence names nobody. */
export function authorsOf(byline: string | null): string[] {
  if (!byline) return [];
  const names = byline
    .replace(/^\s*(?:by|written by|作者|文|撰文|编辑)\s*[:：|｜/]?\s*/i, '')
    .split(/\s*(?:[,，、;；/|｜&]|\band\b|和|与)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.length <= 60);
  return names.length <= 10 ? [...new Set(names)] : [];
}

function firstParagraph(text: string): string {
  return text.split('\n').find((line) => line.length >= 40) ?? text.split('\n')[0] ?? '';
}

function cut(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const head = text.slice(0, MAX_SUMMARY);
  const stop = Math.max(
    head.lastIndexOf('。'),
    head.lastIndexOf('. '),
    head.lastIndexOf('！'),
    head.lastIndexOf('？'),
  );
  if (stop > MAX_SUMMARY / 2) return head.slice(0, stop + 1);
  const space = head.lastIndexOf(' ');
  return `${space > MAX_SUMMARY / 2 ? head.slice(0, space) : head}…`;
}

/** `zh-CN` → `zh`, `en_US` → `en`; null for anything that is not a language tag. */
function primaryLanguage(tag: string | null): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
