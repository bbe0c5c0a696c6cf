// collect: ask each configured source for the day's raw items. One failing source is reported and
// the others go on; a source that keeps failing is backed off (skipped by later runs for a while,
// doubling, at most a day) and reported, never blocking the edition. Stores health only; items
// are stored by ingest.ts, and state with them (checkpoint.ts).

import type { Config } from '../config/schema.ts';
import { describe, SourceError } from '../errors.ts';
import { sourceKind } from '../sources/registry.ts';
import type { Http, Logger } from '../sources/source.ts';
import type { SourceHealth, Store } from '../store/store.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { Batch } from './ingest.ts';

export interface SourceOutcome {
  source: string;
  items: number;
  error: string | null;
  /** Why the source was not asked this time (backed off), or null. */
  skipped: string | null;
}

export interface CollectOptions {
  http: Http;
  log: Logger;
  date: string;
  store: Store;
  checkpoint: Checkpoint;
  /** Ask backed-off sources too (an operator naming a source asks for it). */
  force?: boolean;
  now?: Date;
}

const FIRST_BACKOFF_MS = 15 * 60_000;
const MAX_BACKOFF_MS = 24 * 3600_000;

export async function collect(
  config: Config,
  options: CollectOptions,
  only?: string[],
): Promise<{ batches: Batch[]; outcomes: SourceOutcome[] }> {
  const batches: Batch[] = [];
  const outcomes: SourceOutcome[] = [];
  const health = new Map((await options.store.sourceHealth()).map((h) => [h.source, h]));
  const now = options.now ?? new Date();
  for (const source of config.sources.filter((s) => !only || only.includes(s.id))) {
    const descriptor = await sourceKind(source.kind);
    if (!descriptor?.collect) continue;
    const skipped = options.force ? null : backedOff(health.get(source.id), now);
    if (skipped) {
      options.log.warn(`${source.id}: ${skipped}`);
      outcomes.push({ source: source.id, items: 0, error: null, skipped });
      continue;
    }
    const at = now.toISOString();
    try {
      const { id: _id, kind: _kind, ...own } = source;
      const ctx = {
        sourceId: source.id,
        date: options.date,
        http: options.http,
        log: options.log,
        state: options.checkpoint.state(source.id),
      };
      const items = await descriptor.collect(ctx, own);
      batches.push({ source: source.id, origin: source.id, items });
      outcomes.push({ source: source.id, items: items.length, error: null, skipped: null });
      await options.store.recordCollect(source.id, {
        at,
        items: items.length,
        error: null,
        backoffUntil: null,
      });
    } catch (error) {
      options.checkpoint.discard(source.id);
      const failure =
        error instanceof SourceError ? error : new SourceError(source.id, 'collect failed', { cause: error });
      options.log.warn(describe(failure));
      outcomes.push({ source: source.id, items: 0, error: describe(failure), skipped: null });
      const failures = (health.get(source.id)?.consecutiveFailures ?? 0) + 1;
      await options.store.recordCollect(source.id, {
        at,
        items: 0,
        error: describe(failure),
        backoffUntil: backoffAfter(failures, now),
      });
    }
  }
  return { batches, outcomes };
}

/** After the second failure in a row: 15 min, then doubling, at most a day. */
function backoffAfter(failures: number, now: Date): string | null {
  if (failures < 2) return null;
  const ms = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 2));
  return new Date(now.getTime() + ms).toISOString();
}

function backedOff(health: SourceHealth | undefined, now: Date): string | null {
  if (!health?.backoffUntil || new Date(health.backoffUntil) <= now) return null;
  return `backed off until ${health.backoffUntil} after ${health.consecutiveFailures} failures in a row (last: ${health.lastError})`;
}
