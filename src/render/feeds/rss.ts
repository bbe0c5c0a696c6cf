// RSS 2.0: a channel with `atom:link rel="self"`, items with a permanent non-link guid, the excerpt as
// `description` (HTML, so escaped twice) and the sanitized HTML as `content:encoded`.

import { escapeHtml } from '../html.ts';
import type { FeedChannel, FeedItem } from './channel.ts';
import { rfc822, type XmlNode, xmlDocument } from './xml.ts';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
};

export function renderRss(channel: FeedChannel): string {
  return xmlDocument({
    name: 'rss',
    attrs: { version: '2.0', ...NAMESPACES },
    children: [
      {
        name: 'channel',
        children: [
          { name: 'title', text: channel.title },
          { name: 'link', text: channel.homeUrl },
          { name: 'description', text: channel.description || channel.title },
          { name: 'language', text: channel.language },
          { name: 'generator', text: 'ribao' },
          { name: 'lastBuildDate', text: rfc822(channel.updated) },
          {
            name: 'atom:link',
            attrs: { href: channel.feedUrls.rss, rel: 'self', type: 'application/rss+xml' },
          },
          ...channel.items.map((item) => rssItem(item, channel)),
        ],
      },
    ],
  });
}

/**
 * The title is plain text, escaped once (feedparser and most readers read an RSS title as text).
 * `dc:creator` names the publication, which wrote the Chinese; the 贡献人 is a `dc:contributor`
 * (and a line in the content), since they found the story but did not write it.
 */
function rssItem(item: FeedItem, channel: FeedChannel): XmlNode {
  return {
    name: 'item',
    children: [
      { name: 'title', text: item.title },
      { name: 'link', text: item.url },
      { name: 'guid', attrs: { isPermaLink: 'false' }, text: item.id },
      { name: 'pubDate', text: rfc822(item.published) },
      { name: 'dc:creator', text: channel.author },
      item.contributor ? { name: 'dc:contributor', text: item.contributor } : null,
      item.section ? { name: 'category', text: item.section } : null,
      { name: 'description', text: escapeHtml(item.summary) },
      { name: 'content:encoded', text: item.contentHtml },
    ],
  };
}
