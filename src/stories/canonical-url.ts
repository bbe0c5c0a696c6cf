// Canonical URLs for identity: the same page reached through different spellings gets one key.
// Only syntax here (WHATWG parsing, tracking parameters, AMP and mobile copies); no network, no redirects.

import { isTracking } from './tracking-rules.ts';

/** Parameters feeds and newsletters add on any site, beyond the tracking table: where a link came from. */
const REFERRAL = /^(from|ref)$/i;

/** The URL as the reader should see it: tracking parameters removed, otherwise untouched.
 * Null when the input is not an absolute http(s) URL. */
export function withoutTracking(input: string): string | null {
  return parseWebUrl(input)?.href ?? null;
}

/** An absolute http(s) URL in canonical form (https, no www./m., no fragment, sorted query), or null. */
export function canonicalUrl(input: string): string | null {
  const url = parseWebUrl(input);
  if (!url) return null;
  url.protocol = 'https:';
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/^(www|m|mobile|amp)\./, '');
  // AMP copies of an article: `/amp`, `/amp/` or `.amp` at the end of the path, `?amp=1`, `?outputType=amp`.
  url.pathname = url.pathname.replace(/(?:\/amp\/?|\.amp)$/i, '') || '/';
  url.searchParams.delete('amp');
  if (url.searchParams.get('outputType') === 'amp') url.searchParams.delete('outputType');
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** True for an absolute http(s) URL: the only links ribao stores or renders. */
export function isWebUrl(input: string): boolean {
  return parseWebUrl(input) !== null;
}

function parseWebUrl(input: string): URL | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const name of [...url.searchParams.keys()]) {
    if (REFERRAL.test(name) || isTracking(url.hostname, name)) url.searchParams.delete(name);
  }
  return url;
}
