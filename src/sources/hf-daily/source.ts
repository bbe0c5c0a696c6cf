// The `hf-daily` source: Hugging Face Daily Papers, fetched per listing day or imported from saved API
// responses. Declares config, collect() and the `hf-daily` import format; parsing and mapping live beside it.

import { z } from 'zod';
import { InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, ImportFormat, SourceDescriptor } from '../source.ts';
import { adaptDay } from './adapt.ts';
import { parseDay } from './parse.ts';

const config = z
  .object({
    /** The Hub to ask; a mirror or a test server may stand in. */
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://huggingface.co'),
    /** Papers with fewer upvotes are left out. */
    minUpvotes: z.number().int().min(0).default(0),
  })
  .strict();

export type HfDailyConfig = z.output<typeof config>;

async function collect(ctx: CollectContext, options: HfDailyConfig): Promise<RawItem[]> {
  const url = new URL(`/api/daily_papers?date=${encodeURIComponent(ctx.date)}`, options.baseUrl).href;
  const response = await ctx.http.get(url, { accept: 'application/json' });
  if (response.status >= 400) {
    throw new SourceError(ctx.sourceId, `${url} answered HTTP ${response.status}`);
  }
  let day: ReturnType<typeof parseDay>;
  try {
    day = parseDay(response.text, url, (bad) => ctx.log.warn(`${ctx.sourceId}: skipped ${bad.message}`));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, `the daily papers of ${ctx.date} did not parse`, { cause: error });
  }
  const entries = day.entries.filter((entry) => (entry.paper.upvotes ?? 0) >= options.minUpvotes);
  return adaptDay(entries, ctx.date);
}

/** Cheap look at the head: JSON whose entries carry "paper" (as JSON or in Python-repr strings). */
function sniff(text: string, fileName: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return false;
  if (/"paper"\s*:\s*\{/.test(head) || /[[,]\s*"\{'paper':/.test(head)) return true;
  // An empty day is `[]`; only its name (`2025-06-14.json`) says it is a daily-papers file.
  return /^\[\s*\]\s*$/.test(text) && /\d{4}-\d{2}-\d{2}[^/\\]*\.json$/i.test(fileName);
}

const hfDailyFormat: ImportFormat = {
  name: 'hf-daily',
  description:
    'Hugging Face Daily Papers API responses (/api/daily_papers?date=…), one day per file; the listing day ' +
    'comes from the file name (YYYY-MM-DD). Days saved as Python-repr strings are repaired.',
  sniff,
  parse(text, origin) {
    const day = parseDay(text, origin);
    return adaptDay(day.entries, day.date);
  },
};

const descriptor: SourceDescriptor<HfDailyConfig> = {
  kind: 'hf-daily',
  name: 'Hugging Face Daily Papers',
  description:
    'The papers listed on huggingface.co/papers for the edition day, with upvotes, code links and stars.',
  config,
  example: { id: 'hf-daily', kind: 'hf-daily', minUpvotes: 5 },
  sniffOrder: 10,
  collect,
  formats: [hfDailyFormat],
};

export default descriptor;
