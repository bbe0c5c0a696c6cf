// Canonical URLs for identity: the same page reached through different spellings gets one key.
// Only syntax here (WHATWG parsing, tracking parameters); no network, no redirects.

/** Query parameters that only track the reader; sorted. Issue "Stories" extends this to ClearURLs rules. */
const TRACKING =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|spm|from|ref|ref_src|s|share_source|scene|srcid)$/i;

/** An absolute http(s) URL in canonical form, or null when the input is not one. */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.protocol = 'https:';
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/^(www|m|mobile)\./, '');
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** The URL as the reader should see it: same scheme and host, tracking parameters and fragment-free
 * otherwise untouched. Null when the input is not an absolute http(s) URL. */
export function withoutTracking(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.href;
}

/** True for an absolute http(s) URL: the only links ribao stores or renders. */
export function isWebUrl(input: string): boolean {
  return canonicalUrl(input) !== null;
}
