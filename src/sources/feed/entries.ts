// Reads each feed format's own fields into one Entry shape, in order of preference, untouched
// (raw links, raw dates, raw HTML). Choosing, resolving and cleaning the values is adapt.ts.

import { base64Text } from './atom-base64.ts';
import type {
  AtomDocument,
  AtomEntry,
  AtomLink,
  AtomText,
  JsonDocument,
  JsonItem,
  Media,
  RdfChannel,
  RssChannel,
  RssItem,
  WireFeed,
} from './wire.ts';

export interface TextField {
  value: string;
  /** Declared or conventionally HTML (RSS description, Atom type="html"). */
  html: boolean;
  /** Declared plain text (Atom type="text"): `<b>` in it is text, never markup to strip. */
  literal?: boolean;
}

/** An HTML body to search for a first <img>, with the xml:base its relative URLs are written against. */
export interface HtmlBody {
  value: string;
  base?: string;
}

export interface Entry {
  id?: string;
  /** Link candidates, best first; relative ones still relative. */
  links: (string | undefined)[];
  title?: TextField;
  /** Summary candidates, best first: short description before full content. */
  summaries: (TextField | undefined)[];
  lang?: string;
  base?: string;
  authors: string[];
  /** Date candidates, best first, as written. */
  dates: (string | undefined)[];
  /** Images the feed names explicitly (media:thumbnail, media:content, enclosures, JSON image). */
  images: (string | undefined)[];
  /** HTML bodies to search for a first <img>. */
  html: HtmlBody[];
  categories: string[];
}

export interface FeedFacts {
  title?: TextField;
  /** The site the feed belongs to (RSS <link>, Atom alternate link, JSON Feed home_page_url). */
  link?: string;
  base?: string;
  lang?: string;
  entries: Entry[];
}

export function readFeed(wire: WireFeed): FeedFacts {
  switch (wire.format) {
    case 'rss':
      return readRss(wire.feed);
    case 'atom':
      return readAtom(wire.feed);
    case 'rdf':
      return readRdf(wire.feed);
    case 'json':
      return readJson(wire.feed);
  }
}

const html = (value: string | undefined): TextField | undefined =>
  value ? { value, html: true } : undefined;
const plain = (value: string | undefined): TextField | undefined =>
  value ? { value, html: false } : undefined;
const defined = <T>(values: (T | undefined)[]): T[] =>
  values.filter((value): value is T => value !== undefined);
const bodies = (values: (string | undefined)[]): HtmlBody[] => defined(values).map((value) => ({ value }));

function readRss(channel: RssChannel): FeedFacts {
  return {
    title: html(channel.title ?? channel.dc?.titles?.[0]),
    link: channel.link ?? atomLink(channel.atom?.links),
    base: channel.xml?.base,
    lang: channel.language ?? channel.dc?.languages?.[0] ?? channel.xml?.lang,
    entries: (channel.items ?? []).map(readRssItem),
  };
}

function readRssItem(item: RssItem): Entry {
  const guid = item.guid?.value;
  // A guid is a permalink unless it says otherwise; only an absolute URL is trusted as one.
  const permalink = item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid ?? '') ? guid : undefined;
  return {
    id: guid,
    links: [item.link, atomLink(item.atom?.links), permalink],
    title: html(item.title ?? item.dc?.titles?.[0] ?? item.atom?.title?.value ?? item.media?.title?.value),
    summaries: [
      html(item.description),
      html(item.content?.encoded),
      html(item.dc?.descriptions?.[0]),
      html(item.media?.description?.value),
      html(item.itunes?.summary),
      atomText(item.atom?.summary),
      item.atom?.content?.value
        ? atomText({ ...item.atom.content, value: item.atom.content.value })
        : undefined,
    ],
    lang: item.dc?.languages?.[0] ?? item.xml?.lang,
    base: item.xml?.base,
    authors: [
      ...(item.authors ?? []).map((person) => person.name ?? person.email ?? ''),
      ...(item.dc?.creators ?? []),
      ...names(item.atom?.authors),
      ...(item.itunes?.author ? [item.itunes.author] : []),
    ],
    dates: [
      item.pubDate,
      ...(item.dc?.dates ?? []),
      ...(item.dcterms?.issued ?? []),
      ...(item.dcterms?.created ?? []),
      item.atom?.published,
      ...(item.dcterms?.modified ?? []),
      item.atom?.updated,
    ],
    images: [
      ...mediaImages(item.media),
      ...(item.enclosures ?? []).filter(isImage).map((e) => e.url),
      item.itunes?.image,
    ],
    html: bodies([item.description, item.content?.encoded]),
    categories: [
      ...defined((item.categories ?? []).map((category) => category.name)),
      ...(item.itunes?.keywords ?? []),
      ...(item.dc?.subjects ?? []),
      ...defined((item.atom?.categories ?? []).map((category) => category.label ?? category.term)),
    ],
  };
}

function readAtom(feed: AtomDocument): FeedFacts {
  const feedAuthors = names(feed.authors);
  return {
    title: atomText(feed.title),
    link: atomLink(feed.links),
    base: feed.xml?.base,
    lang: feed.xml?.lang ?? feed.dc?.languages?.[0],
    entries: (feed.entries ?? []).map((entry) => readAtomEntry(entry, feedAuthors)),
  };
}

function readAtomEntry(entry: AtomEntry, feedAuthors: string[]): Entry {
  const content = entry.content?.src ? undefined : entry.content;
  const contentField = content?.value ? atomText({ ...content, value: content.value }) : undefined;
  // An entry without authors inherits its source's, then the feed's (RFC 4287 §4.2.1).
  const authors = [names(entry.authors), names(entry.source?.authors), feedAuthors].find(
    (list) => list.length,
  );
  return {
    id: entry.id,
    links: [atomLink(entry.links)],
    title: atomText(entry.title),
    summaries: [atomText(entry.summary), contentField, html(entry.media?.description?.value)],
    lang: entry.xml?.lang ?? entry.dc?.languages?.[0],
    base: entry.xml?.base,
    authors: [...(authors ?? []), ...(entry.dc?.creators ?? [])],
    dates: [entry.published, entry.updated, ...(entry.dc?.dates ?? [])],
    images: [
      ...mediaImages(entry.media),
      ...(entry.links ?? [])
        .filter((link) => link.rel === 'enclosure' && isImage(link))
        .map((link) => link.href),
    ],
    html: defined([
      contentField?.html ? { value: contentField.value, base: content?.xml?.base } : undefined,
      entry.summary?.value ? { value: entry.summary.value, base: entry.summary.xml?.base } : undefined,
    ]),
    categories: defined((entry.categories ?? []).map((category) => category.label ?? category.term)),
  };
}

function readRdf(channel: RdfChannel): FeedFacts {
  return {
    title: html(channel.title ?? channel.dc?.titles?.[0]),
    link: channel.link,
    base: channel.xml?.base,
    lang: channel.dc?.languages?.[0] ?? channel.xml?.lang,
    entries: (channel.items ?? []).map((item) => ({
      id: item.rdf?.about,
      links: [item.link, item.rdf?.about],
      title: html(item.title ?? item.dc?.titles?.[0]),
      summaries: [html(item.description), html(item.content?.encoded), html(item.dc?.descriptions?.[0])],
      lang: item.dc?.languages?.[0] ?? item.xml?.lang,
      base: item.xml?.base,
      authors: item.dc?.creators ?? [],
      dates: [...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated],
      images: mediaImages(item.media),
      html: bodies([item.description, item.content?.encoded]),
      categories: item.dc?.subjects ?? [],
    })),
  };
}

function readJson(feed: JsonDocument): FeedFacts {
  const feedAuthors = defined((feed.authors ?? []).map((author) => author.name));
  return {
    title: plain(feed.title),
    link: feed.home_page_url,
    lang: feed.language,
    entries: (feed.items ?? []).map((item: JsonItem) => {
      const itemAuthors = defined((item.authors ?? []).map((author) => author.name));
      return {
        id: item.id === undefined ? undefined : String(item.id),
        links: [item.url, item.external_url],
        title: plain(item.title),
        summaries: [plain(item.summary), plain(item.content_text), html(item.content_html)],
        lang: item.language,
        authors: itemAuthors.length ? itemAuthors : feedAuthors,
        dates: [item.date_published, item.date_modified],
        images: [
          item.image,
          item.banner_image,
          ...(item.attachments ?? []).filter((a) => a.mime_type?.startsWith('image/')).map((a) => a.url),
        ],
        html: bodies([item.content_html]),
        categories: item.tags ?? [],
      };
    }),
  };
}

/** Atom text constructs: `html` and `xhtml` carry markup (as does Atom 0.3's `text/html`); a declared
 * `text` (or `text/plain`) is literal. Undeclared text is the default, but feeds put markup in it. */
function atomText(text: AtomText | undefined): TextField | undefined {
  if (!text?.value) return undefined;
  const type = text.type?.toLowerCase();
  // RFC 4287 §4.1.3.3: any other media type that is neither text nor XML is base64.
  if (type?.includes('/') && !/^text\/|[/+]xml$|html/.test(type)) {
    const decoded = base64Text(text.value) || undefined;
    return decoded ? { value: decoded, html: false } : undefined;
  }
  return {
    value: text.value,
    html: type !== undefined && /html/.test(type),
    literal: type === 'text' || type === 'text/plain',
  };
}

/** The entry's page: rel="alternate" (the default) as HTML first, then any alternate, then any plain link. */
function atomLink(links: AtomLink[] | undefined): string | undefined {
  const usable = (links ?? []).filter((link) => link.href);
  const alternate = usable.filter((link) => (link.rel ?? 'alternate') === 'alternate');
  const page =
    alternate.find((link) => !link.type || /html/i.test(link.type)) ??
    alternate[0] ??
    usable.find((link) => !['self', 'edit', 'enclosure', 'replies', 'via', 'hub'].includes(link.rel ?? ''));
  return page?.href;
}

/** People by name, or by address when that is all a feed gives. */
function names(people: { name?: string; email?: string }[] | undefined): string[] {
  return defined((people ?? []).map((person) => person.name ?? person.email));
}

/** media:thumbnail first, then image media:content (and its thumbnails), at the top and in groups. */
function mediaImages(media: Media | undefined): (string | undefined)[] {
  if (!media) return [];
  const scopes = [media, ...(media.groups ?? [])];
  const thumbnails = scopes.flatMap((scope) => (scope.thumbnails ?? []).map((thumbnail) => thumbnail.url));
  const contents = scopes.flatMap((scope) => scope.contents ?? []);
  return [
    ...thumbnails,
    ...contents.filter(isImage).map((content) => content.url),
    ...contents.flatMap((content) => (content.thumbnails ?? []).map((thumbnail) => thumbnail.url)),
  ];
}

function isImage(media: { type?: string; medium?: string; url?: string; href?: string }): boolean {
  if (media.medium) return media.medium === 'image';
  if (media.type) return media.type.startsWith('image/');
  return /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(media.url ?? media.href ?? '');
}
