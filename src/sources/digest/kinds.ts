// What a printed link points at, read from its host and path: a paper page (and its arXiv id), a social
// post, a code repository. Quirks as sorted tables; no network.

import { parseArxivId } from '../../stories/arxiv-id.ts';

/** Sites that show an arXiv paper under its id: the id is the paper's identity wherever it is linked. */
const ARXIV_MIRRORS: [host: string, path: RegExp][] = [
  ['alphaxiv.org', /^\/(?:abs|overview)\/([^/?#]+)/],
  ['hf.co', /^\/papers\/([^/?#]+)/],
  ['huggingface.co', /^\/papers\/([^/?#]+)/],
  ['papers.cool', /^\/arxiv\/([^/?#]+)/],
];

/** Other paper pages: a publisher marking an item as a paper (bold, `链接：`) is believed here. */
const PAPER_PAGES: [host: string, path: RegExp][] = [
  ['aclanthology.org', /^\/[\w.-]+\/?$/],
  ['dl.acm.org', /^\/doi\//],
  ['doi.org', /^\/10\.\d{4,9}\//],
  ['ieeexplore.ieee.org', /^\/(?:abstract\/)?document\//],
  ['openaccess.thecvf.com', /\.(?:html|pdf)$/],
  ['openreview.net', /^\/(?:forum|pdf)$/],
  ['papers.nips.cc', /^\/paper/],
  ['proceedings.mlr.press', /\.(?:html|pdf)$/],
  ['proceedings.neurips.cc', /^\/paper/],
  ['nature.com', /^\/articles\//],
];

const POST_HOSTS = ['twitter.com', 'weibo.cn', 'weibo.com', 'x.com'];

/** github.com/<name> pages that are GitHub's own, not an owner's. */
const GITHUB_SITE_PAGES = new Set([
  'about',
  'apps',
  'collections',
  'enterprise',
  'events',
  'explore',
  'features',
  'login',
  'marketplace',
  'orgs',
  'pricing',
  'search',
  'settings',
  'sponsors',
  'topics',
  'trending',
]);

/** The arXiv id (no version) of an arXiv page or a mirror that shows one, else null. */
export function arxivIdOf(url: string): string | null {
  const direct = parseArxivId(url);
  if (direct) return direct.id;
  const parsed = parse(url);
  if (!parsed) return null;
  const host = bareHost(parsed.hostname);
  for (const [mirror, path] of ARXIV_MIRRORS) {
    const id = mirror === host ? path.exec(parsed.pathname)?.[1] : undefined;
    if (id) return parseArxivId(decodeURIComponent(id))?.id ?? null;
  }
  return null;
}

/** A paper page other than arXiv (OpenReview, ACL Anthology, a DOI, proceedings). */
export function isPaperPage(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return PAPER_PAGES.some(([host, path]) => bareHost(parsed.hostname) === host && path.test(parsed.pathname));
}

export function isSocialPost(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && POST_HOSTS.includes(bareHost(parsed.hostname));
}

/** `github.com/<owner>/<repo>` itself (not a file, an issue or an owner's page). */
export function isGithubRepo(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || bareHost(parsed.hostname) !== 'github.com') return false;
  const parts = parsed.pathname.split('/').filter(Boolean);
  return parts.length === 2 && !GITHUB_SITE_PAGES.has((parts[0] as string).toLowerCase());
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '');
}
