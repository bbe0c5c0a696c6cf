// arXiv's listing RSS (rss.arxiv.org/rss/cs.AI, RSS 2.0 since 2024) as sent, reduced to what we read.
// Owns the shape only: rss-parse.ts fills it, rss-adapt.ts turns it into RawItems.

export interface ListingFeed {
  /** `<channel><title>`: `cs.AI updates on arXiv.org`. */
  title: string;
  items: ListingItem[];
}

/** One `<item>`: a paper in today's listing, as new, cross-list or replacement. */
export interface ListingItem {
  title: string;
  /** `<link>`: the abs page, without version. */
  link: string;
  /** `<description>`: `arXiv:2404.03708v1 Announce Type: new \nAbstract: …`. */
  description: string;
  /** `<guid>`: `oai:arXiv.org:2404.03708v1`. */
  guid: string;
  categories: string[];
  /** `<pubDate>`: the listing's date, midnight New York time (`Mon, 08 Apr 2024 00:00:00 -0400`). */
  pubDate: string | null;
  /** `<dc:creator>`: all authors in one comma-separated string. */
  creators: string[];
  /** `<dc:rights>`: the license URI. */
  rights: string | null;
}
