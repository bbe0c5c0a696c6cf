// collect for Hacker News: the top/best lists (ids, then items, four at a time) and Algolia keyword
// searches over the edition day, deduplicated by id. A failing list or search is a warning, not the source.

import { describe, InputError, SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext, HttpResponse } from '../source.ts';
import { adaptStory, isSkip, type Skip, type Story, storyFromHit, storyFromItem } from './adapt.ts';
import { parseIdList, parseItem, parseSearch } from './parse.ts';

export const HN_LISTS = ['top', 'best'] as const;
export type HnList = (typeof HN_LISTS)[number];

export interface HackerNewsConfig {
  apiBase: string;
  searchBase: string;
  lists: HnList[];
  limit: number;
  keywords: string[];
  minPoints: number;
}

/** Item requests in flight at once. */
export const ITEM_CONCURRENCY = 4;
const DAY_SECONDS = 86_400;

interface Found {
  story: Story;
  lists: Set<string>;
  keywords: Set<string>;
}

/** The state of one collect: what was found so far, which lists and searches failed. */
interface Run {
  ctx: CollectContext;
  config: HackerNewsConfig;
  found: Map<number, Found>;
  failed: Error[];
}

export async function collectHackerNews(ctx: CollectContext, config: HackerNewsConfig): Promise<RawItem[]> {
  const run: Run = { ctx, config, found: new Map(), failed: [] };
  const lists = [...new Set(config.lists)];
  const keywords = [...new Set(config.keywords)];
  const listed = await readLists(run, lists);
  for (const keyword of keywords) await readSearch(run, keyword);

  if (run.failed.length > 0 && run.failed.length === lists.length + keywords.length) {
    throw new SourceError(ctx.sourceId, 'every list and search failed', { cause: run.failed[0] });
  }
  if (listed.ids > 0 && listed.unread === listed.ids && run.found.size === 0) {
    throw new SourceError(ctx.sourceId, `none of the ${listed.ids} listed stories could be fetched`);
  }
  const kept: RawItem[] = [];
  for (const { story, lists: on, keywords: matched } of run.found.values()) {
    if ((story.points ?? 0) < config.minPoints) continue;
    const item = adaptStory(story, { day: ctx.date, lists: [...on], keywords: [...matched] });
    if (isSkip(item)) note(ctx, item);
    else kept.push(item);
  }
  ctx.log.info(
    `${ctx.sourceId}: ${kept.length} stories (${run.found.size} found, minPoints ${config.minPoints})`,
  );
  return kept;
}

/** The first `limit` ids of each list, each item fetched once; counts of ids and of unreadable items. */
async function readLists(run: Run, lists: HnList[]): Promise<{ ids: number; unread: number }> {
  const listed = new Map<number, Set<string>>();
  for (const list of lists) {
    const ids = await attempt(run, () => fetchIds(run.ctx, run.config, list));
    for (const id of ids?.slice(0, run.config.limit) ?? []) {
      listed.set(id, (listed.get(id) ?? new Set()).add(list));
    }
  }
  const ids = [...listed.keys()];
  const stories = await mapLimit(ids, ITEM_CONCURRENCY, (id) => fetchStory(run.ctx, run.config, id));
  for (const [index, story] of stories.entries()) {
    const id = ids[index] ?? 0;
    if (!story) continue;
    if (isSkip(story)) note(run.ctx, story);
    else run.found.set(id, { story, lists: listed.get(id) ?? new Set(), keywords: new Set() });
  }
  return { ids: ids.length, unread: stories.filter((story) => story === null).length };
}

/** One keyword's hits over the edition day; a story already found only gains the keyword. */
async function readSearch(run: Run, keyword: string): Promise<void> {
  const hits = await attempt(run, () => search(run.ctx, run.config, keyword));
  for (const hit of hits ?? []) {
    const story = storyFromHit(hit);
    if (isSkip(story)) {
      note(run.ctx, story);
      continue;
    }
    const entry = run.found.get(story.id) ?? { story, lists: new Set(), keywords: new Set() };
    entry.keywords.add(keyword);
    run.found.set(story.id, entry);
  }
}

/** Skips worth an operator's attention are warnings; the ordinary ones (dead, jobs) are debug lines. */
function note(ctx: CollectContext, skip: Skip): void {
  if (skip.warn) ctx.log.warn(`${ctx.sourceId}: skipped ${skip.skip}`);
  else ctx.log.debug(`${ctx.sourceId}: skipped ${skip.skip}`);
}

/** The Algolia window for an edition day: the 24 hours before the day ends (UTC), in unix seconds. */
export function searchWindow(day: string): { from: number; to: number } {
  const to = Date.parse(`${day}T00:00:00Z`) / 1000 + DAY_SECONDS;
  return { from: to - DAY_SECONDS, to };
}

export function searchUrl(config: HackerNewsConfig, keyword: string, day: string): string {
  const { from, to } = searchWindow(day);
  const query = new URLSearchParams({
    query: keyword,
    tags: 'story',
    numericFilters: `created_at_i>=${from},created_at_i<${to}`,
    hitsPerPage: String(config.limit),
  });
  return `${config.searchBase.replace(/\/+$/, '')}/search?${query}`;
}

async function fetchIds(ctx: CollectContext, config: HackerNewsConfig, list: HnList): Promise<number[]> {
  const url = `${config.apiBase.replace(/\/+$/, '')}/${list}stories.json`;
  return parseIdList(await getOk(ctx, url), url);
}

/** One item as a story, a Skip, or null when it could not be read (warned). */
async function fetchStory(
  ctx: CollectContext,
  config: HackerNewsConfig,
  id: number,
): Promise<Story | Skip | null> {
  const url = `${config.apiBase.replace(/\/+$/, '')}/item/${id}.json`;
  try {
    const item = parseItem(await getOk(ctx, url), url);
    if (item === null) return { skip: `item ${id} does not exist` };
    if (item.id !== id) return { skip: `${url} answered item ${item.id}`, warn: true };
    return storyFromItem(item);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.log.warn(`${ctx.sourceId}: skipped ${describe(error)}`);
    return null;
  }
}

async function search(ctx: CollectContext, config: HackerNewsConfig, keyword: string) {
  const url = searchUrl(config, keyword, ctx.date);
  return parseSearch(await getOk(ctx, url), url, (bad) =>
    ctx.log.warn(`${ctx.sourceId}: skipped ${bad.message}`),
  );
}

/** The body of a 2xx answer; anything else (no answer, another status) is an InputError naming the URL. */
async function getOk(ctx: CollectContext, url: string): Promise<string> {
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: 'application/json' });
  } catch (error) {
    throw new InputError(url, 'request failed', { cause: error });
  }
  if (response.status < 200 || response.status >= 300) throw new InputError(url, `HTTP ${response.status}`);
  return response.text;
}

/** Run one list or search; a failure is warned about and recorded, and the others go on. */
async function attempt<T>(run: Run, request: () => Promise<T>): Promise<T | null> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    run.ctx.log.warn(`${run.ctx.sourceId}: ${describe(error)}; going on without it`);
    run.failed.push(error);
    return null;
  }
}

/** `run` over the inputs with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(
  inputs: T[],
  limit: number,
  run: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await run(inputs[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
