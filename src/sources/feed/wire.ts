// The feed formats as sent, in the shapes feedsmith parses them into (it keeps each format's own
// structure). Only types here: parsing is parse.ts, mapping to RawItem is adapt.ts.

import type { AnyFeed, AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';

/** One parsed document: `format` says which of the four shapes `feed` has. */
export type WireFeed = AnyFeed<string>;

export type RssChannel = RssFeed.Feed<string>;
export type RssItem = RssFeed.Item<string>;
export type AtomDocument = AtomFeed.Feed<string>;
export type AtomEntry = AtomFeed.Entry<string>;
export type AtomLink = AtomFeed.Link<string>;
export type AtomText = AtomFeed.Text;
export type RdfChannel = RdfFeed.Feed<string>;
export type RdfItem = RdfFeed.Item<string>;
export type JsonDocument = JsonFeed.Feed<string>;
export type JsonItem = JsonFeed.Item<string>;
export type Media = MediaNs.ItemOrFeed;
