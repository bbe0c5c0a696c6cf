// The LSH buckets of one span of the near-duplicate index: a multimap from 32-bit bucket keys to
// report numbers, in typed arrays (open addressing, chained nodes). Owns layout and growth only.

const EMPTY = -1;
/** Each table slot is [key, first node, count] side by side: one cache line per probe. */
const STRIDE = 3;

/** Buckets keyed by uint32; each holds report numbers, newest first, up to a cap. */
export class SlotTable {
  #table: Int32Array;
  #size: number;
  #used = 0;
  #nodeEntry = new Int32Array(1024);
  #nodeNext = new Int32Array(1024);
  #nodes = 0;

  constructor(capacity = 1 << 12) {
    this.#size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.#table = SlotTable.#emptyTable(this.#size);
  }

  static #emptyTable(size: number): Int32Array {
    const table = new Int32Array(size * STRIDE);
    for (let at = 1; at < table.length; at += STRIDE) table[at] = EMPTY;
    return table;
  }

  /** The table offset of `key`: its own if present, else the free one where it would go. */
  #offset(key: number): number {
    const mask = this.#size - 1;
    const wanted = key | 0;
    let at = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      at &= mask;
      const offset = at * STRIDE;
      if (this.#table[offset + 1] === EMPTY || this.#table[offset] === wanted) return offset;
      at++;
    }
  }

  /** Add `entry` to the bucket of `key`, unless the bucket already holds `cap` entries. */
  add(key: number, entry: number, cap: number): void {
    if ((this.#used + 1) * 2 > this.#size) this.#grow();
    const offset = this.#offset(key);
    const table = this.#table;
    if (table[offset + 1] === EMPTY) {
      table[offset] = key | 0;
      table[offset + 2] = 0;
      this.#used++;
    } else if ((table[offset + 2] as number) >= cap) return;
    if (this.#nodes === this.#nodeEntry.length) {
      const entries = new Int32Array(this.#nodes * 2);
      const next = new Int32Array(this.#nodes * 2);
      entries.set(this.#nodeEntry);
      next.set(this.#nodeNext);
      this.#nodeEntry = entries;
      this.#nodeNext = next;
    }
    this.#nodeEntry[this.#nodes] = entry;
    this.#nodeNext[this.#nodes] = table[offset + 1] as number;
    table[offset + 1] = this.#nodes++;
    table[offset + 2] = (table[offset + 2] as number) + 1;
  }

  /** How many entries the bucket of `key` holds (0 when there is none). */
  count(key: number): number {
    const offset = this.#offset(key);
    return this.#table[offset + 1] === EMPTY ? 0 : (this.#table[offset + 2] as number);
  }

  /**
   * Call `visit` with each entry of the bucket of `key`, newest first, unless the bucket holds `cap`
   * entries or more (a full bucket is skipped whole). Returns how many entries were visited.
   */
  visit(key: number, cap: number, visit: (entry: number) => void): number {
    const offset = this.#offset(key);
    const head = this.#table[offset + 1] as number;
    const count = head === EMPTY ? 0 : (this.#table[offset + 2] as number);
    if (count === 0 || count >= cap) return 0;
    for (let node = head; node !== EMPTY; node = this.#nodeNext[node] as number) {
      visit(this.#nodeEntry[node] as number);
    }
    return count;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.#table.byteLength + this.#nodeEntry.byteLength + this.#nodeNext.byteLength;
  }

  #grow(): void {
    const old = this.#table;
    this.#size *= 2;
    this.#table = SlotTable.#emptyTable(this.#size);
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + 1] === EMPTY) continue;
      const offset = this.#offset(old[from] as number);
      this.#table[offset] = old[from] as number;
      this.#table[offset + 1] = old[from + 1] as number;
      this.#table[offset + 2] = old[from + 2] as number;
    }
  }
}
