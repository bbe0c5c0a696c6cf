// Atom 1.0 (RFC 4287): the feed's author is the publication; entries carry their stable id, published
// and updated (a correction moves updated), the 贡献人 as `contributor`, and sanitized `type="html"`.

import type { FeedChannel, FeedItem } from './channel.ts';
import { rfc3339, type XmlNode, xmlDocument } from './xml.ts';

export function renderAtom(channel: FeedChannel): string {
  return xmlDocument({
    name: 'feed',
    attrs: { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': channel.language },
    children: [
      { name: 'id', text: channel.id },
      { name: 'title', attrs: { type: 'text' }, text: channel.title },
      channel.description ? { name: 'subtitle', attrs: { type: 'text' }, text: channel.description } : null,
      { name: 'link', attrs: { rel: 'alternate', type: 'text/html', href: channel.homeUrl } },
      { name: 'link', attrs: { rel: 'self', type: 'application/atom+xml', href: channel.feedUrls.atom } },
      { name: 'updated', text: rfc3339(channel.updated) },
      { name: 'author', children: [{ name: 'name', text: channel.author }] },
      { name: 'generator', text: 'ribao' },
      ...channel.items.map(atomEntry),
    ],
  });
}

function atomEntry(item: FeedItem): XmlNode {
  return {
    name: 'entry',
    attrs: { 'xml:lang': item.language },
    children: [
      { name: 'id', text: item.id },
      { name: 'title', attrs: { type: 'text' }, text: item.title },
      { name: 'link', attrs: { rel: 'alternate', type: 'text/html', href: item.url } },
      item.sourceUrl ? { name: 'link', attrs: { rel: 'related', href: item.sourceUrl } } : null,
      { name: 'published', text: rfc3339(item.published) },
      { name: 'updated', text: rfc3339(item.updated) },
      item.contributor ? { name: 'contributor', children: [{ name: 'name', text: item.contributor }] } : null,
      item.section ? { name: 'category', attrs: { term: item.section } } : null,
      { name: 'summary', attrs: { type: 'text' }, text: item.summary },
      { name: 'content', attrs: { type: 'html' }, text: item.contentHtml },
    ],
  };
}
