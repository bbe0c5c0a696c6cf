// What a feed item says: the Chinese text as HTML, then the picture, the source link, the 贡献人 line and
// the original title and abstract; sanitized last. And the short plain-text summary beside it.

import type { EditionEntry } from '../../model/edition.ts';
import { escapeHtml, markdownToHtml } from '../html.ts';
import { plainText, safeUrl, sanitizeHtml } from '../sanitize.ts';

/** BCP 47 as far as an HTML `lang` needs it; anything else is left off. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** The item's HTML. Relative links in the text resolve against `pageUrl`, the story's own page. */
export function entryHtml(entry: EditionEntry, pageUrl: string): string {
  const parts = [markdownToHtml(entry.body)];
  const image = safeUrl(entry.image);
  if (image) parts.push(`<p><img src="${escapeHtml(image)}" alt=""></p>`);
  const source = safeUrl(entry.url);
  if (source) parts.push(`<p>原文链接：<a href="${escapeHtml(source)}">${escapeHtml(source)}</a></p>`);
  if (entry.contributor) parts.push(`<p>贡献人：@${escapeHtml(entry.contributor)}</p>`);
  const original = originalHtml(entry);
  if (original) parts.push(original);
  return sanitizeHtml(parts.join('\n'), { base: pageUrl });
}

/**
 * The source-language title and abstract, for readers who want both languages. A plain blockquote
 * with `lang`, not `<details>`: feed readers often drop `details`/`summary`, and a collapsed block that
 * opens in one reader and shows flat in another is worse than one that always shows. The abstract is
 * text (TeX and underscores intact), not Markdown. Shown only when the body is a translation.
 */
function originalHtml(entry: EditionEntry): string | null {
  if (!entry.translated || entry.originalLang.toLowerCase().startsWith('zh')) return null;
  const paragraphs = entry.originalBody
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`);
  if (paragraphs.length === 0 && !entry.originalTitle) return null;
  const lang = LANGUAGE_TAG.test(entry.originalLang) ? ` lang="${entry.originalLang}"` : '';
  const title = entry.originalTitle ? `<p><strong>${escapeHtml(entry.originalTitle)}</strong></p>` : '';
  return `<hr>\n<blockquote${lang}>${title}${paragraphs.join('')}</blockquote>`;
}

/** At most `max` characters of the body's text, cut at a character (never inside a surrogate pair). */
export function excerpt(entry: EditionEntry, max = 200): string {
  const text = plainText(markdownToHtml(entry.body)).replace(/\s+/g, ' ');
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
