// The near-duplicate index: reports added in (roughly) time order, each matched to the most similar
// earlier report within the time window. MinHash bands find candidates, near-dup.ts decides; no text kept.

import { oneHashMinhash } from './minhash.ts';
import {
  type DupDoc,
  type DupSignature,
  type NearDupOptions,
  rejection,
  resolveOptions,
  signature,
  similarityOf,
} from './near-dup.ts';
import { SlotTable } from './slot-table.ts';

const DAY = 86_400_000;

/** The reports of one window-long span of time: dropped whole once two newer spans exist. */
interface Generation {
  ids: string[];
  times: number[];
  signatures: DupSignature[];
  /** (slot, MinHash value) → reports of this span with that value in that slot. */
  buckets: SlotTable;
}

export interface NearDupMatch {
  id: string;
  jaccard: number;
}

/** A bucket key: the slot number mixed into the slot's MinHash value. */
function slotKey(slot: number, value: number): number {
  return (Math.imul(slot + 1, 0x9e3779b1) ^ value) >>> 0;
}

export class NearDupIndex {
  readonly options: NearDupOptions;
  readonly #generations = new Map<number, Generation>();
  #newestSpan = Number.NEGATIVE_INFINITY;
  #size = 0;
  /** Candidates verified so far (after the band-hit filter): what the bench reports per item. */
  verified = 0;

  constructor(options: Partial<NearDupOptions> = {}) {
    this.options = resolveOptions(options);
  }

  /** Reports currently held (older days are dropped as newer ones arrive). */
  get size(): number {
    return this.#size;
  }

  /**
   * Match a report against the held ones, then hold it too. Returns the id of the most similar
   * earlier report it is a near-duplicate of (ties: the earliest added), or null.
   * `time` is milliseconds since the epoch (when the report was published).
   */
  add(id: string, doc: DupDoc, time: number): string | null {
    if (!Number.isFinite(time)) throw new RangeError(`near-dup: time of ${id} is not a number (${time})`);
    const sig = signature(doc, this.options);
    const slots = this.#slots(sig);
    const found = this.#best(sig, slots, time);
    this.#hold(id, sig, slots, time);
    return found?.id ?? null;
  }

  /** The most similar held report for a report, without holding it. */
  match(doc: DupDoc, time: number): NearDupMatch | null {
    const sig = signature(doc, this.options);
    return this.#best(sig, this.#slots(sig), time);
  }

  #slots(sig: DupSignature): Uint32Array {
    return oneHashMinhash(sig.shingles, this.options.k);
  }

  /** Spans are one window long, so a report's window lies within its own span and the two beside it. */
  #span(time: number): number {
    return Math.floor(time / (Math.max(1, this.options.windowDays) * DAY));
  }

  #best(sig: DupSignature, slots: Uint32Array, time: number): NearDupMatch | null {
    const span = this.#span(time);
    const window = this.options.windowDays * DAY;
    let best: NearDupMatch | null = null;
    for (let s = span - 1; s <= span + 1; s++) {
      const generation = this.#generations.get(s);
      if (!generation) continue;
      for (const index of this.#candidates(generation, slots)) {
        if (Math.abs((generation.times[index] as number) - time) > window) continue;
        const other = generation.signatures[index] as DupSignature;
        this.verified++;
        if (rejection(sig, other, this.options) !== null) continue;
        const similarity = similarityOf(sig, other);
        if (!best || similarity > best.jaccard)
          best = { id: generation.ids[index] as string, jaccard: similarity };
      }
    }
    return best;
  }

  /** Per-report slot hits while one span is scanned (reset after), grown as spans grow. */
  #hits = new Uint16Array(1024);
  #touched: number[] = [];
  readonly #count = (index: number) => {
    if ((this.#hits[index] as number) === 0) this.#touched.push(index);
    this.#hits[index] = (this.#hits[index] as number) + 1;
  };

  /** Reports of one span sharing at least `minBandHits` MinHash slots with the query, in the order added. */
  #candidates(generation: Generation, slots: Uint32Array): number[] {
    if (this.#hits.length < generation.ids.length) this.#hits = new Uint16Array(generation.ids.length * 2);
    this.#touched = [];
    for (let slot = 0; slot < slots.length; slot++) {
      generation.buckets.visit(slotKey(slot, slots[slot] as number), this.options.maxBucket, this.#count);
    }
    const needed = Math.max(1, this.options.minBandHits);
    const found: number[] = [];
    for (const index of this.#touched) {
      if ((this.#hits[index] as number) >= needed) found.push(index);
      this.#hits[index] = 0;
    }
    return found.sort((a, b) => a - b);
  }

  #hold(id: string, sig: DupSignature, slots: Uint32Array, time: number): void {
    const span = this.#span(time);
    let generation = this.#generations.get(span);
    if (!generation) {
      generation = { ids: [], times: [], signatures: [], buckets: new SlotTable() };
      this.#generations.set(span, generation);
    }
    const index = generation.ids.length;
    generation.ids.push(id);
    generation.times.push(time);
    generation.signatures.push(sig);
    if (sig.shingles.length > 0) {
      for (let slot = 0; slot < slots.length; slot++) {
        generation.buckets.add(slotKey(slot, slots[slot] as number), index, this.options.maxBucket);
      }
    }
    this.#size++;
    if (span > this.#newestSpan) {
      this.#newestSpan = span;
      this.#evictBefore(span - 2);
    }
  }

  /** Drop whole spans older than `span`: reports added from now on (in time order) cannot match them. */
  #evictBefore(span: number): void {
    for (const [s, generation] of this.#generations) {
      if (s >= span) continue;
      this.#size -= generation.ids.length;
      this.#generations.delete(s);
    }
  }
}
