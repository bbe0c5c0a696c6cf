// collect: ask each configured source for the day's raw items. One failing source is reported and
// the others go on; nothing is stored here (ingest.ts stores).

import type { Config } from '../config/schema.ts';
import { describe, SourceError } from '../errors.ts';
import { sourceKind } from '../sources/registry.ts';
import type { Http, Logger } from '../sources/source.ts';
import type { Batch } from './ingest.ts';

export interface SourceOutcome {
  source: string;
  items: number;
  error: string | null;
}

export async function collect(
  config: Config,
  ctx: { http: Http; log: Logger; date: string },
  only?: string[],
): Promise<{ batches: Batch[]; outcomes: SourceOutcome[] }> {
  const batches: Batch[] = [];
  const outcomes: SourceOutcome[] = [];
  for (const source of config.sources.filter((s) => !only || only.includes(s.id))) {
    const descriptor = await sourceKind(source.kind);
    if (!descriptor?.collect) continue;
    try {
      const { id: _id, kind: _kind, ...own } = source;
      const items = await descriptor.collect(
        { sourceId: source.id, date: ctx.date, http: ctx.http, log: ctx.log },
        own,
      );
      batches.push({ source: source.id, origin: source.id, items });
      outcomes.push({ source: source.id, items: items.length, error: null });
    } catch (error) {
      const failure =
        error instanceof SourceError ? error : new SourceError(source.id, 'collect failed', { cause: error });
      ctx.log.warn(describe(failure));
      outcomes.push({ source: source.id, items: 0, error: describe(failure) });
    }
  }
  return { batches, outcomes };
}
