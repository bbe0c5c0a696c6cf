// `ribao search`: the archive search (src/search/archive.ts) on the terminal or as JSON.
// Matches are shown in [brackets], or bold on a terminal; control characters in stored text never print.

import { UsageError } from '../../errors.ts';
import { isoDay } from '../../model/day.ts';
import { needsReindex, reindexAll, type Snippet, searchArchive } from '../../search/archive.ts';
import { publications } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'search the archive (Chinese and English) with filters',
  usage:
    'ribao search QUERY [-p P] [--section S] [--source S] [--lang L] [--from D] [--to D] [--limit N] [--json] [--reindex]',
  allowPositionals: true,
  options: {
    publication: { type: 'string', short: 'p' },
    section: { type: 'string' },
    source: { type: 'string' },
    contributor: { type: 'string' },
    lang: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string', default: '20' },
    offset: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    reindex: { type: 'boolean', default: false },
  },
  async run(ctx, { values, positionals }) {
    const query = positionals.join(' ').trim();
    if (!query && !values.reindex) throw new UsageError('search needs a QUERY (ribao search 混合专家)');
    const config = await ctx.config();
    const store = await ctx.store();
    if (values.publication !== undefined) publications(config, values.publication);
    if (values.reindex || (await needsReindex(store))) {
      ctx.progress('building the search index…');
      const n = await reindexAll(store, config);
      if (!query) {
        ctx.stdout.write(`indexed ${n} stories\n`);
        return 0;
      }
    }
    const result = await searchArchive(store, query, {
      publication: values.publication as string | undefined,
      section: values.section as string | undefined,
      source: values.source as string | undefined,
      contributor: values.contributor as string | undefined,
      lang: values.lang as string | undefined,
      from: day('--from', values.from),
      to: day('--to', values.to),
      limit: count('--limit', values.limit),
      offset: count('--offset', values.offset),
    });
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify({ query, ...result }, null, 2)}\n`);
      return 0;
    }
    const tty = (ctx.stdout as { isTTY?: boolean }).isTTY === true;
    ctx.stdout.write(`${result.total} stories for “${printable(query)}”\n`);
    for (const hit of result.hits) {
      const zh = hit.titleZh ? `  ${printable(hit.titleZh)}` : '';
      ctx.stdout.write(`\n${hit.date}  ${hit.storyId}  ${printable(hit.title)}${zh}\n`);
      ctx.stdout.write(`    ${highlight(hit.snippet, tty)}\n`);
    }
    return 0;
  },
} satisfies Command;

/** The snippet with its marks in [brackets], or bold yellow on a terminal. */
export function highlight(snippet: Snippet, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.marks) {
    out +=
      printable(snippet.text.slice(at, start)) + open + printable(snippet.text.slice(start, end)) + close;
    at = end;
  }
  return out + printable(snippet.text.slice(at));
}

/** Stored text without control characters (an escape sequence in a title must not drive the terminal). */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\x00-\x1f\x7f-\x9f]+/g, ' ');
}

function day(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (isoDay(text) !== text) throw new UsageError(`${flag} ${text}: expected a day as YYYY-MM-DD`);
  return text;
}

function count(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new UsageError(`${flag} ${value}: expected 0–1000`);
  return n;
}
