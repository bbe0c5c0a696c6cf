// What is wrong with a feed that is still read: bytes invalid in its encoding, an encoding nobody knows,
// a non-feed Content-Type, undeclared namespace prefixes. Each is one line for the log (feedparser's
// "bozo"); parse.ts adds what it repaired. Nothing here refuses a document.

import { charsetParameter, encodingOf } from '../../fetch/charset.ts';

const FEED_MEDIA_TYPE = /(?:xml|rss|atom|rdf|json)\b/i;

/** Warnings about a decoded feed document; `contentType` is the response's, when it was fetched. */
export function documentWarnings(text: string, contentType?: string | null): string[] {
  const warnings: string[] = [];
  if (text.includes('\uFFFD')) warnings.push('has bytes that are invalid in its encoding (read as U+FFFD)');
  const declared = /^\uFEFF?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(text.slice(0, 512))?.[1];
  if (declared !== undefined && !knownEncoding(declared))
    warnings.push(`declares an unknown encoding "${declared.slice(0, 40)}"`);
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType && !FEED_MEDIA_TYPE.test(mediaType)) {
    const charset = charsetParameter(contentType ?? null);
    warnings.push(`was served as ${mediaType}${charset ? ` (charset ${charset})` : ''}, not as a feed type`);
  }
  const undeclared = undeclaredPrefixes(text);
  if (undeclared.length) warnings.push(`uses undeclared XML namespace prefixes (${undeclared.join(', ')})`);
  return warnings;
}

/** A label the Encoding Standard knows, or a Unicode one spelled Python's way (`utf_16`, `u16`). */
function knownEncoding(label: string): boolean {
  return encodingOf(label) !== null || /^u(?:tf)?[-_]?(?:8|16|32)(?:[-_]?[bl]e)?$/i.test(label.trim());
}

/** Element prefixes with no `xmlns:prefix` declaration, outside CDATA sections and comments. */
function undeclaredPrefixes(text: string): string[] {
  if (!text.trimStart().startsWith('<')) return [];
  const prefixes = new Set<string>();
  for (const [, prefix] of text.matchAll(
    /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g,
  ))
    if (prefix && prefix !== 'xml' && prefix !== 'xmlns') prefixes.add(prefix);
  return [...prefixes]
    .filter((prefix) => !new RegExp(`\\sxmlns:${prefix.replace(/\./g, '\\.')}\\s*=`).test(text))
    .slice(0, 5);
}
