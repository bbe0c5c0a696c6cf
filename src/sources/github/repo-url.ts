// Repository names: `owner/name` checked against GitHub's rules, and found in any github.com URL a paper,
// a README or a config might carry. Pure functions; no network.

/** First path segments of github.com that are GitHub's own pages, never an owner. Sorted. */
const RESERVED_OWNERS = new Set([
  'about',
  'account',
  'advisories',
  'apps',
  'blog',
  'codespaces',
  'collections',
  'contact',
  'customer-stories',
  'dashboard',
  'enterprise',
  'events',
  'explore',
  'features',
  'git-guides',
  'home',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'password_reset',
  'pricing',
  'pulls',
  'readme',
  'resources',
  'search',
  'security',
  'sessions',
  'settings',
  'signup',
  'site',
  'solutions',
  'sponsors',
  'stars',
  'team',
  'topics',
  'trending',
  'users',
  'watching',
]);

/** A user or organization login: letters, digits and single inner hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A repository name: letters, digits, `.`, `_`, `-`, at most 100 characters, not `.` or `..`. */
const NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/** True for `owner/name` as GitHub allows it (`openai/whisper`, `huggingface/transformers`). */
export function isRepoName(text: string): boolean {
  const [owner, name, ...rest] = text.split('/');
  return rest.length === 0 && owner !== undefined && name !== undefined && isRepo(owner, name);
}

function isRepo(owner: string, name: string): boolean {
  return OWNER.test(owner) && NAME.test(name) && !RESERVED_OWNERS.has(owner.toLowerCase());
}

/**
 * `owner/name` of the repository a GitHub URL points into, or null. Accepts `https://github.com/o/n`,
 * `http:`, `www.`, no scheme, `.git`, trailing paths (`/tree/main/src`, `/issues/3`), query and
 * fragment, `git+https:`, `git://`, `ssh://git@github.com/o/n` and `git@github.com:o/n.git`; a trailing
 * `.` (end of a sentence in a paper) is dropped. Rejects other hosts (gist., *.github.io) and GitHub's
 * own pages (`/features`, `/orgs/…`, `/topics/…`, `/sponsors/…`).
 */
export function repoFromUrl(url: string): string | null {
  const text = url
    .trim()
    .replace(/^git\+/i, '')
    .replace(/^git@github\.com:/i, 'https://github.com/')
    .replace(/^(?:ssh:\/\/git@|git:\/\/)/i, 'https://')
    .replace(/^(?:www\.)?github\.com\//i, 'https://github.com/');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.port !== '' || !/^(?:www\.)?github\.com$/.test(parsed.hostname)) return null;
  const [owner, rawName] = parsed.pathname.split('/').filter(Boolean);
  if (owner === undefined || rawName === undefined) return null;
  const name = rawName.replace(/\.+$/, '').replace(/\.git$/i, '');
  return isRepo(owner, name) ? `${owner}/${name}` : null;
}
