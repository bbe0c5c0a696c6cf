// Turning the common flags (--publication, --date, --out) into checked values, and the pipeline
// context a command needs. Shared by the commands so each one stays a few lines.

import type { Config } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import { createHttp } from '../fetch/http.ts';
import { dayIn, isoDay } from '../model/day.ts';
import { checkpoint } from '../pipeline/checkpoint.ts';
import type { RunContext } from '../pipeline/run.ts';
import type { Store } from '../store/store.ts';
import { parseArxivId } from '../stories/arxiv-id.ts';
import { canonicalUrl } from '../stories/canonical-url.ts';
import { createBudget } from '../writer/budget.ts';
import { createWriter } from '../writer/draft.ts';
import { openLlm } from '../writer/llm.ts';
import type { CliContext } from './command.ts';

export function publications(config: Config, wanted: unknown): string[] {
  const names = Object.keys(config.publications);
  const list = (Array.isArray(wanted) ? wanted : wanted ? [wanted] : names) as string[];
  const unknown = list.find((p) => !names.includes(p));
  if (unknown)
    throw new UsageError(`--publication ${unknown}: no such publication (configured: ${names.join(', ')})`);
  return list;
}

export function date(config: Config, value: unknown): string {
  if (value === undefined) return dayIn(new Date(), config.timezone);
  const text = String(value);
  if (isoDay(text) !== text) throw new UsageError(`--date ${text}: expected a day as YYYY-MM-DD`);
  return text;
}

export async function runContext(ctx: CliContext, out?: unknown): Promise<RunContext> {
  const config = await ctx.config();
  const store = await ctx.store();
  const llm = openLlm(config.llm);
  const { budget, currency, prices } = config.llm;
  const held = checkpoint(store);
  return {
    config,
    store,
    checkpoint: held,
    writer: llm && createWriter(llm, store, createBudget({ ...budget, currency, prices })),
    http: createHttp({ userAgent: config.userAgent, ...config.http, validators: held.validators }),
    log: ctx.log,
    out: typeof out === 'string' ? out : config.out,
  };
}

/**
 * A story named on the command line: its id or a unique prefix of it, an arXiv id (`2611.01234`,
 * `arXiv:2611.01234v2`, an arxiv.org URL), a URL it holds, or an identity key (`github:owner/name`).
 */
export async function storyRef(store: Store, ref: string): Promise<string> {
  if (await store.getStory(ref)) return ref;
  const arxiv = parseArxivId(ref);
  const url = canonicalUrl(ref);
  const key = arxiv ? `arxiv:${arxiv.id}` : url ? `url:${url}` : /^[a-z]+:\S/.test(ref) ? ref : null;
  if (key) {
    const [found] = await store.storyIdsForKeys([key]);
    if (!found) throw new UsageError(`${ref}: no story holds the key ${key}`);
    return found;
  }
  if (!/^[0-9a-f]{3,}$/i.test(ref))
    throw new UsageError(`${ref}: no such story (give a story id, an arXiv id or a URL)`);
  const matches: string[] = [];
  for (const date of await store.storyDates()) {
    for (const s of await store.storiesOn(date)) if (s.id.startsWith(ref.toLowerCase())) matches.push(s.id);
  }
  if (matches.length === 1) return matches[0] as string;
  if (matches.length === 0) throw new UsageError(`${ref}: no story id starts with this`);
  throw new UsageError(
    `${ref}: ambiguous, ${matches.length} stories start with it (${matches.sort().slice(0, 5).join(', ')})`,
  );
}
