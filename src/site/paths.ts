// Where the site's pages live: the shared layout of render/permalinks.ts (editions, stories, sections,
// feeds) plus the pages only the site has. Paths are relative to the site root, URL-encoded.

import { type Permalinks, permalinks } from '../render/permalinks.ts';

export interface SitePaths extends Permalinks {
  home: string;
  archive: string;
  about: string;
  search: string;
  sitemap: string;
  /** `papers/index.html`: the publication's editions. */
  publication(publication: string): string;
  /** `papers/2026-11-20.md` */
  markdown(publication: string, date: string): string;
  /** `papers/tag/长上下文.html` */
  tag(publication: string, tag: string): string;
  /** `assets/style.css` */
  asset(name: string): string;
}

export function sitePaths(baseUrl: string): SitePaths {
  const links = permalinks(baseUrl);
  const seg = (text: string) => encodeURIComponent(text);
  return {
    ...links,
    home: 'index.html',
    archive: 'archive.html',
    about: 'about.html',
    search: 'search.html',
    sitemap: 'sitemap.xml',
    publication: (publication) => `${seg(publication)}/index.html`,
    markdown: (publication, date) => `${seg(publication)}/${date}.md`,
    tag: (publication, tag) => `${seg(publication)}/tag/${seg(tagSlug(tag))}.html`,
    asset: (name) => `assets/${seg(name)}`,
  };
}

/**
 * A tag as a file name. Tags come from the model, so nothing in one may leave its folder or hide:
 * separators, `%`, `?`, `#`, characters Windows refuses, controls and leading dots become `-`.
 */
export function tagSlug(tag: string): string {
  const slug = tag
    .trim()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what this removes
    .replace(/[\u0000-\u001f\u007f/\\%?#<>:"|*]+/g, '-')
    .replace(/^\.+/, '-')
    .slice(0, 80);
  return slug || '-';
}

/** `to` (a path from the site root) as seen from the page at `from`: the site works under any base path. */
export function relative(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to || './';
}

/** The file a site path is written to, below the output folder (segments decoded). */
export function fileSegments(path: string): string[] {
  return path.split('/').map(decodeURIComponent);
}
