// The feeds of a publication (or one of its sections) from its editions: RSS 2.0, Atom 1.0 and JSON
// Feed 1.1 of one channel, so the three always list the same items with the same ids and dates.

import { renderAtom } from './atom.ts';
import { type FeedsInput, feedChannel } from './channel.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';

export { DEFAULT_LIMIT, type FeedsInput, sectionTitles } from './channel.ts';

export interface Feeds {
  rss: string;
  atom: string;
  json: string;
}

export function renderFeeds(input: FeedsInput): Feeds {
  const channel = feedChannel(input);
  return { rss: renderRss(channel), atom: renderAtom(channel), json: renderJsonFeed(channel) };
}
