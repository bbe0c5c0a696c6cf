// Where every published thing lives, relative to the site root and as an absolute URL: one layout for
// the site, the feeds, e-mail and webhooks, so a story's link is the same everywhere and never moves.

export interface Permalinks {
  /** `papers/2026-11-20.html` */
  edition(publication: string, date: string): string;
  /** `papers/story/3f2a9c1b7d2e.html` */
  story(publication: string, storyId: string): string;
  /** `papers/section/投融资.html` (the title, URL-encoded) */
  section(publication: string, section: string): string;
  /** `papers/feed.xml`, `papers/atom.xml`, `papers/feed.json`; per section under `papers/section/`. */
  feed(publication: string, format: FeedFormat, section?: string): string;
  /** The absolute URL of a path above. */
  absolute(path: string): string;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

export function permalinks(baseUrl: string): Permalinks {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const seg = (text: string) => encodeURIComponent(text);
  return {
    edition: (publication, date) => `${seg(publication)}/${date}.html`,
    story: (publication, storyId) => `${seg(publication)}/story/${seg(storyId)}.html`,
    section: (publication, section) => `${seg(publication)}/section/${seg(section)}.html`,
    feed: (publication, format, section) =>
      section
        ? `${seg(publication)}/section/${seg(section)}.${FEED_FILES[format].replace('feed.', '')}`
        : `${seg(publication)}/${FEED_FILES[format]}`,
    absolute: (path) => new URL(path, base).href,
  };
}
