// RSSHub routes: a route URL is a plain RSS feed; `rsshub:/zhihu/hotlist` is shorthand for the route on
// the configured RSSHub instance. Owns the shorthand's validation and resolution, nothing else.

/** The public instance, used when a source sets no `rsshub` base. */
export const RSSHUB_DEFAULT = 'https://rsshub.app';

// A route path: starts with one slash, then URL path and query characters. No `//` (a host would
// follow), no backslash, no dot segments (they would climb out of a base like https://host/rsshub/).
const ROUTE = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/** True for `rsshub:` followed by a route path. */
export function isRsshubShorthand(url: string): boolean {
  return url.startsWith('rsshub:') && routeProblem(url.slice('rsshub:'.length)) === undefined;
}

/** Why the text after `rsshub:` is not a route path, or undefined when it is one. */
export function routeProblem(path: string): string | undefined {
  if (!ROUTE.test(path)) return 'must be a path starting with one "/", e.g. rsshub:/zhihu/hotlist';
  const segments = path.split(/[?#]/)[0]?.split('/') ?? [];
  if (segments.some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment)))
    return 'must not contain "." or ".." segments';
  return undefined;
}

/** The feed URL to fetch: an http(s) URL as it is, or the shorthand's route on the RSSHub base. */
export function resolveFeedUrl(url: string, base: string = RSSHUB_DEFAULT): string {
  if (!url.startsWith('rsshub:')) return url;
  const path = url.slice('rsshub:'.length);
  const problem = routeProblem(path);
  if (problem) throw new Error(`${url}: an RSSHub shorthand ${problem}`);
  const root = new URL(base);
  const resolved = new URL(`${root.origin}${root.pathname.replace(/\/+$/, '')}${path}`);
  // The route stays on the instance: same origin, under its path.
  if (resolved.origin !== root.origin) throw new Error(`${url}: resolves outside ${base}`);
  return resolved.href;
}
