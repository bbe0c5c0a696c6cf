// collect in `oai` mode: OAI-PMH ListRecords per set, paged by resumptionToken, resumable across runs.
// Owns the window, paging, the saved position and which OAI errors end a list; parsing is oai-parse.ts's.

import { InputError, SourceError } from '../../errors.ts';
import { addDays, isoDay } from '../../model/day.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext } from '../source.ts';
import type { ArxivConfig } from './config.ts';
import { adaptOaiRecord } from './oai-adapt.ts';
import { fetchOaiPage, listRecordsUrl, type Window } from './oai-fetch.ts';
import type { OaiResponse } from './oai-wire.ts';
import { type Politeness, pacer } from './pace.ts';

export type OaiConfig = Pick<
  ArxivConfig,
  'oaiBase' | 'sets' | 'metadataPrefix' | 'from' | 'until' | 'maxPages'
>;

/** Saved under `oai:<set>` after every page of an unfinished list; cleared when the list completes. */
export interface HarvestPosition extends Window {
  set: string;
  metadataPrefix: string;
  /** The resumption token for the next page. */
  token: string;
  /** Records of the list before that page (the page's cursor plus its records). */
  cursor: number;
  completeListSize: number | null;
}

/** Saved under `oai-done:<set>` when a list completes: where the next incremental harvest starts. */
export interface HarvestDone extends Window {
  metadataPrefix: string;
  /** The last datestamp day covered: `until`, or the day of the final response. */
  through: string;
}

interface Run {
  ctx: CollectContext;
  config: OaiConfig;
  wait: () => Promise<void>;
  items: Map<string, RawItem>;
  /** Requests made (the page budget counts these). */
  pages: number;
  /** Pages read without error: a failure after the first is no longer the whole run's failure. */
  harvested: number;
}

/**
 * Harvest every configured set. A page that fails after others succeeded in this run ends the run
 * early with what was harvested (warned), so the items and the saved position are stored together
 * and the next collect resumes at the failed page; a failure before any page is the source's error.
 */
export async function harvestOai(
  ctx: CollectContext,
  config: OaiConfig,
  politeness: Politeness = {},
): Promise<RawItem[]> {
  const run: Run = { ctx, config, wait: pacer(politeness), items: new Map(), pages: 0, harvested: 0 };
  for (const set of config.sets) {
    if (run.pages >= config.maxPages) {
      ctx.log.info(`${ctx.sourceId}: ${config.maxPages} pages harvested; set ${set} waits for the next run`);
      break;
    }
    try {
      await harvestSet(run, set);
    } catch (error) {
      if (!(error instanceof SourceError) || run.harvested === 0) throw error;
      ctx.log.warn(
        `${error.message}; keeping the ${run.items.size} records harvested before it, the next collect resumes there`,
      );
      break;
    }
  }
  return [...run.items.values()];
}

async function harvestSet(run: Run, set: string): Promise<void> {
  const { ctx, config } = run;
  const done = await ctx.state.get<HarvestDone>(`oai-done:${set}`);
  const window = nextWindow(config, done?.metadataPrefix === config.metadataPrefix ? done : null, ctx.date);
  const saved = await ctx.state.get<HarvestPosition>(`oai:${set}`);
  const resume = saved && fits(saved, set, config, window) ? saved : null;
  if (saved && !resume)
    ctx.log.info(`${ctx.sourceId}: set ${set}: the saved position is for another list; starting anew`);
  if (!window && !resume) {
    ctx.log.info(`${ctx.sourceId}: set ${set}: ${config.from ?? '…'} to ${config.until} already harvested`);
    return;
  }
  const list: Window = resume ? { from: resume.from, until: resume.until } : (window as Window);
  let token = resume?.token ?? null;
  let restarted = false;
  let added = 0;
  let cursor = resume?.cursor ?? 0;
  while (run.pages < config.maxPages) {
    await run.wait();
    const url = listRecordsUrl(
      config.oaiBase,
      token ? { token } : { set, metadataPrefix: config.metadataPrefix, ...list },
    );
    const page = await fetchOaiPage(ctx, url);
    run.pages++;
    const [error] = page.errors;
    if (error?.code === 'noRecordsMatch') {
      run.harvested++;
      return finish(run, set, list, page, added);
    }
    if (error?.code === 'badResumptionToken' && resume && !restarted && token === resume.token) {
      // Tokens expire; a saved one from an earlier run may be refused. Start the list again.
      ctx.log.warn(
        `${ctx.sourceId}: set ${set}: the saved resumption token was refused (${error.message}); restarting the list`,
      );
      restarted = true;
      token = null;
      continue;
    }
    if (error)
      throw new SourceError(
        ctx.sourceId,
        `${url}: OAI-PMH error ${error.code}: ${error.message || 'no message'}`,
      );
    added += keep(run, page, url);
    run.harvested++;
    const next = page.resumption?.token ?? '';
    if (!next) return finish(run, set, list, page, added);
    if (next === token)
      throw new SourceError(ctx.sourceId, `${url}: the server sent back the same resumption token`);
    token = next;
    cursor = (page.resumption?.cursor ?? cursor) + page.records.length;
    const completeListSize = page.resumption?.completeListSize ?? null;
    const position: HarvestPosition = {
      set,
      metadataPrefix: config.metadataPrefix,
      ...list,
      token,
      cursor,
      completeListSize,
    };
    await ctx.state.put(`oai:${set}`, position);
    ctx.log.debug(`${ctx.sourceId}: set ${set}: ${cursor} of ${completeListSize ?? '?'} records`);
  }
  ctx.log.info(
    `${ctx.sourceId}: set ${set}: stopped after ${config.maxPages} pages; the next collect resumes the list`,
  );
}

/** The list to ask for, or null when a closed window (`until` set) was already harvested whole. */
export function nextWindow(config: OaiConfig, done: HarvestDone | null, date: string): Window | null {
  if (config.until) {
    const from = config.from ?? null;
    return done?.until === config.until && done.from === from ? null : { from, until: config.until };
  }
  // Open-ended: continue from the last complete harvest (its last day again: datestamps are days),
  // never before `from`; the very first harvest without `from` starts the day before the edition.
  const starts = [config.from, done?.through].filter((d): d is string => Boolean(d)).sort();
  return { from: starts.at(-1) ?? addDays(date, -1), until: null };
}

/** A saved position continues the list this run would ask for (or, without `from`, any open list). */
function fits(saved: HarvestPosition, set: string, config: OaiConfig, window: Window | null): boolean {
  return (
    saved.set === set &&
    saved.metadataPrefix === config.metadataPrefix &&
    typeof saved.token === 'string' &&
    saved.token !== '' &&
    saved.until === (config.until ?? null) &&
    (config.from === undefined || saved.from === config.from || saved.from === window?.from)
  );
}

/** Adapt the page's live records into the run; an odd record is warned about and skipped. */
function keep(run: Run, page: OaiResponse, url: string): number {
  let added = 0;
  for (const [index, record] of page.records.entries()) {
    try {
      const item = adaptOaiRecord(record, url, index);
      if (item && !run.items.has(item.externalId)) added++;
      if (item) run.items.set(item.externalId, item);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      run.ctx.log.warn(`${run.ctx.sourceId}: skipped ${error.message}`);
    }
  }
  return added;
}

async function finish(run: Run, set: string, list: Window, page: OaiResponse, added: number): Promise<void> {
  const { ctx, config } = run;
  const through = list.until ?? isoDay(page.responseDate) ?? ctx.date;
  const done: HarvestDone = {
    metadataPrefix: config.metadataPrefix,
    from: list.from,
    until: list.until,
    through,
  };
  await ctx.state.put(`oai:${set}`, null);
  await ctx.state.put(`oai-done:${set}`, done);
  ctx.log.info(`${ctx.sourceId}: set ${set}: list complete, ${added} records in this run`);
}
