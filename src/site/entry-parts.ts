// The pieces of a story every page prints the same way: its title in the right language, its text as
// sanitized HTML, the original one click away (a <details>, so it works without JavaScript), its picture.

import type { EditionEntry } from '../model/edition.ts';
import { markdownToHtml } from '../render/html.ts';
import { plainText, safeUrl, sanitizeHtml } from '../render/sanitize.ts';
import { type Html, html, trusted } from './html.ts';

/** BCP 47 as far as an HTML `lang` needs it; anything else is left off. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
export const CHINESE = 'zh-CN';

/** A `lang` value that is well formed, or null. */
export function langOf(tag: string): string | null {
  return LANGUAGE_TAG.test(tag) ? tag : null;
}

/** What the reader sees as the title, and its language. */
export function titleOf(entry: EditionEntry): { text: string; lang: string | null } {
  if (entry.title) return { text: entry.title, lang: CHINESE };
  return { text: entry.originalTitle, lang: langOf(entry.originalLang) };
}

/** The language the body is in: Chinese when translated, else the source's. */
export function bodyLang(entry: EditionEntry): string | null {
  return entry.translated ? CHINESE : langOf(entry.originalLang);
}

/** Markdown (from a source or the model) → HTML reduced to the allow-list; relative links resolve
 * against `pageUrl`. Pictures ask for https, the only scheme the site's CSP lets them load over. */
export function markdownFragment(text: string, pageUrl: string): Html {
  return trusted(httpsImages(sanitizeHtml(markdownToHtml(text), { base: pageUrl })));
}

/** Sanitizer output spells attributes one way: `src="http://…"`. */
function httpsImages(sanitized: string): string {
  return sanitized.replace(/(<img\b[^>]*\ssrc=")http:\/\//g, '$1https://');
}

/** The entry's text as sanitized HTML, in its language. */
export function bodyHtml(entry: EditionEntry, pageUrl: string): Html {
  const lang = bodyLang(entry);
  return html`<div class="body"${lang ? html` lang="${lang}"` : ''}>${markdownFragment(entry.body, pageUrl)}</div>`;
}

/** The story's picture (https only), described by its title: sources give pictures no alt text. */
export function pictureHtml(entry: EditionEntry): Html | null {
  const src = httpsUrl(entry.image);
  if (!src) return null;
  const title = titleOf(entry);
  return html`<figure class="picture"><img src="${src}" alt="${title.text}" loading="lazy" decoding="async" referrerpolicy="no-referrer"></figure>`;
}

/** An http(s) URL upgraded to https, or null. */
export function httpsUrl(url: string | null | undefined): string | null {
  const safe = safeUrl(url);
  return safe ? safe.replace(/^http:/, 'https:') : null;
}

/**
 * The source-language title and text behind one click, for translated entries. Plain text (TeX and
 * underscores intact), one paragraph per blank-line block, marked with its language.
 */
export function originalHtml(entry: EditionEntry): Html | null {
  if (!entry.translated || entry.originalLang.toLowerCase().startsWith('zh')) return null;
  const paragraphs = entry.originalBody
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0 && !entry.originalTitle) return null;
  const lang = langOf(entry.originalLang);
  const name = lang?.toLowerCase().startsWith('en') ? '英文原文' : '原文';
  return html`<details class="original">
<summary>${name}<span class="lang-code"> (${entry.originalLang})</span></summary>
<div class="original-text"${lang ? html` lang="${lang}"` : ''}>
${entry.originalTitle ? html`<p class="original-title">${entry.originalTitle}</p>\n` : ''}${paragraphs.map((p) => html`<p>${p}</p>\n`)}</div>
</details>`;
}

/** The external link to the source, checked, or null. */
export function sourceUrl(entry: EditionEntry): string | null {
  return safeUrl(entry.url);
}

/** At most `max` characters of the body's text, cut at a character. */
export function excerptOf(entry: EditionEntry, max = 120): string {
  const text = plainText(markdownToHtml(entry.body)).replace(/\s+/g, ' ');
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `2026年11月20日` */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

/** An instant as `2026-11-21 09:30 (UTC+8)` in the site's time zone. */
export function instant(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${get('timeZoneName').replace('GMT', 'UTC')})`;
}
