// How the commands word the pipeline's reports, so `ribao run` and `ribao write` say the same thing.

import type { EditionWriteReport } from '../pipeline/run.ts';
import type { Logger } from '../sources/source.ts';

/** `3 drafted, 1 from cache, 0 flagged, 2 kept, 0 pending, 0 failed[, 2 placed][, lead drafted][ — why stopped]` */
export function describeWrite(w: EditionWriteReport): string {
  const parts = [
    `${w.drafted} drafted`,
    `${w.cached} from cache`,
    `${w.flagged} flagged`,
    `${w.kept} kept`,
    `${w.pending} pending`,
    `${w.failed.length} failed`,
  ];
  if (w.placed > 0) parts.push(`${w.placed} placed`);
  if (w.lead) parts.push(`lead ${w.lead}`);
  return `${parts.join(', ')}${w.stopped ? ` (${w.stopped}; the rest stay untranslated until a later run)` : ''}`;
}

export function warnFailures(log: Logger, w: EditionWriteReport): void {
  for (const f of w.failed) log.warn(`story ${f.storyId}: ${f.error}`);
}
