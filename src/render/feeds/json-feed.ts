// JSON Feed 1.1 (jsonfeed.org/version/1.1): the same channel as JSON. The 贡献人 and the original
// title have no field in the spec, so they ride in the `_ribao` extension object (spec: "Extensions").

import type { FeedChannel, FeedItem } from './channel.ts';
import { rfc3339 } from './xml.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export function renderJsonFeed(channel: FeedChannel): string {
  const author = { name: channel.author, url: channel.homeUrl };
  const feed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    ...(channel.description ? { description: channel.description } : {}),
    language: channel.language,
    authors: [author],
    items: channel.items.map((item) => jsonItem(item, author)),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

function jsonItem(item: FeedItem, author: { name: string; url: string }) {
  const extension = {
    ...(item.contributor ? { contributor: item.contributor } : {}),
    ...(item.originalTitle && item.originalTitle !== item.title
      ? { original_title: item.originalTitle }
      : {}),
  };
  return {
    id: item.id,
    url: item.url,
    ...(item.sourceUrl ? { external_url: item.sourceUrl } : {}),
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    ...(item.image ? { image: item.image } : {}),
    date_published: rfc3339(item.published),
    date_modified: rfc3339(item.updated),
    authors: [author],
    ...(item.section ? { tags: [item.section] } : {}),
    language: item.language,
    ...(Object.keys(extension).length > 0 ? { _ribao: extension } : {}),
  };
}
