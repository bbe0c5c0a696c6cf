// The `feed` source: any RSS 2.0, Atom 1.0, RDF or JSON Feed 1.x, fetched by URL or imported from a file.
// Owns the descriptor and its config; parsing is parse.ts, mapping to RawItem is adapt.ts.

import { z } from 'zod';
import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, SourceDescriptor } from '../source.ts';
import { adaptFeed } from './adapt.ts';
import { parseFeedText, sniffFeed } from './parse.ts';

const config = z
  .object({
    /** The feed's address. */
    url: z.url({ protocol: /^https?$/ }),
    /** What the entries are: `article` (news, blogs) or `post` (a social account through a feed bridge).
     * Named itemKind because `kind` in a source entry is the source kind (`feed`). */
    itemKind: z.enum(['article', 'post']).default('article'),
    /** The entries' language when the feed does not say (or says wrongly), e.g. `zh`. */
    lang: z.string().trim().min(1).optional(),
  })
  .strict();

export type FeedConfig = z.output<typeof config>;

async function collect(ctx: CollectContext, settings: FeedConfig): Promise<RawItem[]> {
  let response: Awaited<ReturnType<CollectContext['http']['get']>>;
  try {
    response = await ctx.http.get(settings.url, {
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
    });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `could not fetch ${settings.url}`, { cause: error });
  }
  if (response.status < 200 || response.status >= 300) {
    throw new SourceError(ctx.sourceId, `${settings.url} answered HTTP ${response.status}`);
  }
  const documentUrl = response.url || settings.url;
  let wire: ReturnType<typeof parseFeedText>;
  try {
    wire = parseFeedText(response.text, documentUrl);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, 'the feed did not parse', { cause: error });
  }
  const { items, skipped } = adaptFeed(wire, { kind: settings.itemKind, lang: settings.lang, documentUrl });
  if (skipped > 0) ctx.log.warn(`${ctx.sourceId}: skipped ${skipped} entries with neither title nor link`);
  ctx.log.info(`${ctx.sourceId}: ${items.length} entries from ${settings.url}`);
  return items;
}

const descriptor: SourceDescriptor<FeedConfig> = {
  kind: 'feed',
  name: 'RSS / Atom / JSON Feed',
  description:
    'Any RSS 2.0, Atom 1.0, RSS 1.0 (RDF) or JSON Feed 1.x: blogs, news sites, lab announcements, and social ' +
    'accounts through a feed bridge (set itemKind: post).',
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
        return adaptFeed(parseFeedText(text, origin), { documentUrl }).items;
      },
    },
  ],
};

export default descriptor;
