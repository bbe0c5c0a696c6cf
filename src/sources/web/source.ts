// The `web` source: a list of pages fetched each run, each reduced to its article (extract.ts) and
// kept as one `article` item with its Markdown. fetchPage() serves single submitted URLs too.

import { z } from 'zod';
import { describe, InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, Http, SourceDescriptor } from '../source.ts';
import { toRawItem } from './adapt.ts';
import { extract } from './extract.ts';

const config = z
  .object({
    /** The pages to fetch on every run (http or https). */
    urls: z.array(z.url({ protocol: /^https?$/ })).min(1),
    /** The pages' language when they do not say (or say wrongly), e.g. `zh`. */
    lang: z.string().trim().min(1).optional(),
  })
  .strict();

export type WebConfig = z.output<typeof config>;

export const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/** Fetches one page (obeying robots.txt) and returns it as an article item. Throws an InputError
 * for a non-2xx answer, a body that is not HTML, or a page with no text; network errors pass through. */
export async function fetchPage(http: Http, url: string, options: { lang?: string } = {}): Promise<RawItem> {
  const response = await http.get(url, { robots: true, accept: PAGE_ACCEPT });
  if (response.status < 200 || response.status >= 300) {
    throw new InputError(url, `answered HTTP ${response.status}`);
  }
  const type = response.headers.get('content-type');
  if (type ? !HTML_TYPE.test(type) : !/^\s*</.test(response.text)) {
    throw new InputError(url, `is ${type ? type.split(';')[0]?.trim() : 'not markup'}, not an HTML page`);
  }
  const served = response.url || url;
  const page = extract(response.text, served);
  if (!page.text && !page.title) throw new InputError(url, 'has neither a title nor any article text');
  return toRawItem(page, { requested: url, served, lang: options.lang });
}

async function collect(ctx: CollectContext, settings: WebConfig): Promise<RawItem[]> {
  const urls = [...new Set(settings.urls)];
  const items: RawItem[] = [];
  const failures: unknown[] = [];
  for (const url of urls) {
    try {
      items.push(await fetchPage(ctx.http, url, { lang: settings.lang }));
    } catch (error) {
      failures.push(error);
      ctx.log.warn(`${ctx.sourceId}: ${describe(error)}`);
    }
  }
  if (items.length === 0 && failures.length > 0) {
    throw new SourceError(ctx.sourceId, `none of ${urls.length} pages could be read`, { cause: failures[0] });
  }
  ctx.log.info(`${ctx.sourceId}: ${items.length} of ${urls.length} pages extracted`);
  return items;
}

const descriptor: SourceDescriptor<WebConfig> = {
  kind: 'web',
  name: 'Web pages',
  description:
    'Individual pages (blog posts, announcements, 公众号 articles) fetched by URL and reduced to their ' +
    'article: Readability plus site quirks for Chinese platforms, kept as Markdown.',
  config,
  example: {
    id: 'lab-posts',
    kind: 'web',
    urls: ['https://lab.example.com/blog/sparse-attention-at-scale', 'https://mp.weixin.qq.com/s/Xy12AbCdEf'],
  },
  collect,
};

export default descriptor;
