// The `feed` source: any RSS 2.0, Atom 1.0, RDF or JSON Feed 1.x (RSSHub routes included), fetched by URL
// with a conditional GET, or imported from a file. Owns the descriptor and its config; parsing is
// parse.ts, mapping to RawItem is adapt.ts, the RSSHub shorthand is rsshub.ts.

import { z } from 'zod';
import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, HttpResponse, SourceDescriptor } from '../source.ts';
import { adaptFeed } from './adapt.ts';
import { type ParsedFeed, parseFeed, sniffFeed } from './parse.ts';
import { isRsshubShorthand, RSSHUB_DEFAULT, resolveFeedUrl } from './rsshub.ts';

const httpUrl = z.url({ protocol: /^https?$/ });

const config = z
  .object({
    /** The feed's address, or `rsshub:/route/path` for a route on the `rsshub` instance. */
    url: z.union([httpUrl, z.string().refine(isRsshubShorthand)], {
      error: 'url must be an http(s) URL or an RSSHub route such as rsshub:/zhihu/hotlist',
    }),
    /** The RSSHub instance `rsshub:` URLs resolve against (self-hosting is kinder to the public one). */
    rsshub: httpUrl.default(RSSHUB_DEFAULT),
    /** What the entries are: `article` (news, blogs) or `post` (a social account through a feed bridge).
     * Named itemKind because `kind` in a source entry is the source kind (`feed`). */
    itemKind: z.enum(['article', 'post']).default('article'),
    /** The entries' language when the feed does not say (or says wrongly), e.g. `zh`. */
    lang: z.string().trim().min(1).optional(),
  })
  .strict();

export type FeedConfig = z.output<typeof config>;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8';

async function collect(ctx: CollectContext, settings: FeedConfig): Promise<RawItem[]> {
  let url: string;
  try {
    url = resolveFeedUrl(settings.url, settings.rsshub);
  } catch (error) {
    throw new SourceError(ctx.sourceId, (error as Error).message);
  }
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: ACCEPT, conditional: true });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `could not fetch ${url}`, { cause: error });
  }
  if (response.notModified || response.status === 304) {
    ctx.log.info(`${ctx.sourceId}: ${url} not modified since the last fetch`);
    return [];
  }
  if (response.status < 200 || response.status >= 300) {
    throw new SourceError(ctx.sourceId, `${url} answered HTTP ${response.status}`);
  }
  const documentUrl = response.url || url;
  let parsed: ParsedFeed;
  try {
    parsed = parseFeed(response.text, documentUrl, response.headers.get('content-type'));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, 'the feed did not parse', { cause: error });
  }
  for (const warning of parsed.warnings) ctx.log.warn(`${ctx.sourceId}: ${documentUrl} ${warning}`);
  const { items, skipped } = adaptFeed(parsed.wire, {
    kind: settings.itemKind,
    lang: settings.lang,
    documentUrl,
  });
  if (skipped > 0) ctx.log.warn(`${ctx.sourceId}: skipped ${skipped} entries with neither title nor link`);
  if (items.length === 0 && skipped === 0) ctx.log.warn(`${ctx.sourceId}: ${url} has no entries`);
  ctx.log.info(`${ctx.sourceId}: ${items.length} entries from ${url}`);
  return items;
}

const descriptor: SourceDescriptor<FeedConfig> = {
  kind: 'feed',
  name: 'RSS / Atom / JSON Feed',
  description:
    'Any RSS 2.0, Atom 1.0, RSS 1.0 (RDF) or JSON Feed 1.x: blogs, news sites, lab announcements, RSSHub ' +
    'routes (url: rsshub:/route), and social accounts through a feed bridge (set itemKind: post).',
  config,
  example: { id: 'openai-blog', kind: 'feed', url: 'https://openai.com/news/rss.xml' },
  sniffOrder: 30,
  collect,
  formats: [
    {
      name: 'feed',
      description: 'An RSS 2.0, Atom 1.0, RSS 1.0 (RDF) or JSON Feed 1.x document',
      sniff: (text) => sniffFeed(text),
      parse(text, origin) {
        const documentUrl = /^https?:\/\//i.test(origin) ? origin : undefined;
        return adaptFeed(parseFeed(text, origin).wire, { documentUrl }).items;
      },
    },
  ],
};

export default descriptor;
