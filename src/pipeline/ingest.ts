// normalize + merge for a batch, in one transaction: a failure stores nothing, a dry run rolls back.
// Used by `ribao import` and `ribao collect`; knows nothing about where the raw items came from.

import type { Config } from '../config/schema.ts';
import { describe } from '../errors.ts';
import { isoDay } from '../model/day.ts';
import type { RawItem } from '../model/item.ts';
import { indexStories } from '../search/archive.ts';
import type { Store } from '../store/store.ts';
import { type MergeOutcome, mergeItem, nearDupIndexFor } from './merge.ts';
import { normalize } from './normalize.ts';

export interface Batch {
  /** Source id the items are stored under. */
  source: string;
  /** The file or URL they came from, for messages. */
  origin: string;
  items: RawItem[];
}

export interface IngestReport {
  imported: number;
  merged: number;
  updated: number;
  skipped: number;
  errors: { input: string; error: string }[];
  items: {
    source: string;
    externalId: string;
    storyId: string;
    outcome: MergeOutcome;
    title: string;
    url: string;
  }[];
}

class DryRun extends Error {}

export function emptyReport(): IngestReport {
  return { imported: 0, merged: 0, updated: 0, skipped: 0, errors: [], items: [] };
}

export async function ingest(
  store: Store,
  batches: Batch[],
  options: {
    timeZone: string;
    dryRun?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Adds each story's publications to the search index's filters. */
    config?: Config;
  },
): Promise<IngestReport> {
  const report = emptyReport();
  const total = batches.reduce((n, b) => n + b.items.length, 0);
  let done = 0;
  try {
    await store.transaction(async (tx) => {
      const nearDup = await nearDupFor(tx, batches);
      for (const batch of batches) {
        for (const raw of batch.items) {
          done++;
          let item: ReturnType<typeof normalize>;
          try {
            item = normalize(raw, batch.source, options.timeZone, batch.origin);
          } catch (error) {
            report.errors.push({ input: batch.origin, error: describe(error) });
            continue;
          }
          const { storyId, outcome } = await mergeItem(tx, item, nearDup);
          report[outcome]++;
          report.items.push({
            source: item.source,
            externalId: item.externalId,
            storyId,
            outcome,
            title: item.title,
            url: item.url,
          });
          if (done % 200 === 0) options.onProgress?.(done, total);
        }
      }
      options.onProgress?.(total, total);
      if (options.dryRun) throw new DryRun();
      // The archive search index follows every story this input created, changed or absorbed.
      const changed = report.items.filter((i) => i.outcome !== 'skipped').map((i) => i.storyId);
      await indexStories(tx, changed, options.config);
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return report;
}

/** The near-duplicate index over the days this input touches (from its listed or published days). */
async function nearDupFor(store: Store, batches: Batch[]) {
  const days = batches
    .flatMap((b) => b.items)
    .filter((i) => i.kind === 'article' || i.kind === 'post')
    .map((i) => isoDay(i.listedOn) ?? isoDay(i.publishedAt))
    .filter((d): d is string => d !== null)
    .sort();
  const [first, last] = [days[0], days.at(-1)];
  return first && last ? nearDupIndexFor(store, first, last) : undefined;
}
