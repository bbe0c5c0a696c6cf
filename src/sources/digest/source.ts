// The `digest` source: another publisher's daily in ribao's Markdown formats A (`paper-digest`) and
// B (`daily-report`), fetched from a URL per edition day or imported from a file. Declares; the work is beside it.

import { z } from 'zod';
import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, HttpResponse, ImportFormat, SourceDescriptor } from '../source.ts';
import { adaptDigest } from './adapt.ts';
import { describeDropped, parseDigest } from './parse.ts';
import { sniffDailyReport, sniffPaperDigest } from './sniff.ts';
import { DIGEST_FORMATS, type DigestFormat } from './wire.ts';

/** `{date}` (YYYY-MM-DD), `{year}`, `{month}`, `{day}` (two digits) in a URL, filled with the edition day. */
export function fillDate(template: string, date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  const values: Record<string, string> = { date, year, month, day };
  return template.replace(/\{(date|year|month|day)\}/g, (_all, name: string) => values[name] ?? '');
}

const config = z
  .object({
    /** The raw Markdown of the publisher's daily, e.g. a GitHub raw file; `{date}` etc. are filled in. */
    url: z
      .string()
      .trim()
      .refine(
        (value) => /^https?:\/\/[^/\s]/i.test(value) && URL.canParse(fillDate(value, '2000-01-01')),
        'an http(s) URL; {date}, {year}, {month} and {day} are filled in with the edition day',
      ),
    /** Which of ribao's formats the daily is in; `auto` sniffs it. */
    format: z.enum(['auto', ...DIGEST_FORMATS]).default('auto'),
  })
  .strict();

export type DigestConfig = z.output<typeof config>;

async function collect(ctx: CollectContext, settings: DigestConfig): Promise<RawItem[]> {
  const url = fillDate(settings.url, ctx.date);
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, {
      accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5',
      conditional: true,
    });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `could not fetch ${url}`, { cause: error });
  }
  if (response.notModified) {
    ctx.log.info(`${ctx.sourceId}: ${url} is unchanged since the last run`);
    return [];
  }
  if (response.status < 200 || response.status >= 300) {
    throw new SourceError(ctx.sourceId, `${url} answered HTTP ${response.status}`);
  }
  let document: ReturnType<typeof parseDigest>;
  try {
    document = parseDigest(response.text, url, settings.format);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, `the digest of ${ctx.date} did not parse`, { cause: error });
  }
  for (const dropped of document.dropped)
    ctx.log.warn(`${ctx.sourceId}: dropped ${describeDropped(dropped)}`);
  const items = adaptDigest(document, { origin: url, date: ctx.date });
  ctx.log.info(`${ctx.sourceId}: ${items.length} ${document.format} entries from ${url}`);
  return items;
}

function importFormat(
  name: DigestFormat,
  description: string,
  sniff: (text: string) => boolean,
): ImportFormat {
  return {
    name,
    description,
    sniff: (text) => sniff(text),
    parse: (text, origin) => adaptDigest(parseDigest(text, origin, name), { origin }),
  };
}

const descriptor: SourceDescriptor<DigestConfig> = {
  kind: 'digest',
  name: 'Markdown digests (formats A and B)',
  description:
    "Another publisher's daily in ribao's own Markdown formats: A (paper-digest: English title, linked " +
    'Chinese title, translated abstract) or B (daily-report: sections and ### items with 贡献人, link, ' +
    'summary, image). Their translations merge with the originals by arXiv id and URL.',
  config,
  example: {
    id: 'friends-daily',
    kind: 'digest',
    url: 'https://raw.githubusercontent.com/example/ai-daily/main/daily/{date}.md',
    format: 'daily-report',
  },
  sniffOrder: 40,
  collect,
  formats: [
    importFormat(
      'paper-digest',
      'A paper digest in format A: "## English title", "[中文标题](url)", translated abstract',
      sniffPaperDigest,
    ),
    importFormat(
      'daily-report',
      'A daily in format B: "# 标题（M月D日）", # sections, ### items with 贡献人, link, summary, image',
      sniffDailyReport,
    ),
  ],
};

export default descriptor;
