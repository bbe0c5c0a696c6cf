// Editor decisions in SQLite: the revision history, story order (pins, positions), splits (item
// locks and stories kept apart). SQL and row mapping only; SqliteStore delegates here.

import type { Decision, Story, StoryOrder } from '../../model/story.ts';
import type { Sql } from './sql.ts';

export class DecisionRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  log(d: Decision): void {
    this.#sql.run(
      'INSERT INTO decisions (at, by, action, story_id, publication, detail) VALUES (?, ?, ?, ?, ?, ?)',
      d.at,
      d.by,
      d.action,
      d.storyId,
      d.publication,
      JSON.stringify(d.detail),
    );
  }

  list(filter: { storyId?: string; publication?: string; limit?: number }): Decision[] {
    return this.#sql
      .all(
        `SELECT * FROM decisions WHERE (? IS NULL OR story_id = ?) AND (? IS NULL OR publication = ?)
         ORDER BY id DESC LIMIT ?`,
        filter.storyId ?? null,
        filter.storyId ?? null,
        filter.publication ?? null,
        filter.publication ?? null,
        filter.limit ?? 1000,
      )
      .map((r) => ({
        at: r.at as string,
        by: r.by as string,
        action: r.action as Decision['action'],
        storyId: (r.story_id as string | null) ?? null,
        publication: (r.publication as string | null) ?? null,
        detail: JSON.parse(r.detail as string) as Record<string, unknown>,
      }));
  }

  setOrder(storyId: string, o: StoryOrder): void {
    this.#sql.run(
      `INSERT INTO story_order (story_id, publication, pinned, position, by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (story_id, publication) DO UPDATE SET pinned = excluded.pinned, position = excluded.position,
         by = excluded.by, updated_at = excluded.updated_at`,
      storyId,
      o.publication,
      o.pinned ? 1 : 0,
      o.position,
      o.by,
      o.updatedAt,
    );
  }

  orders(storyId: string): StoryOrder[] {
    return this.#sql
      .all('SELECT * FROM story_order WHERE story_id = ? ORDER BY publication', storyId)
      .map((r) => ({
        publication: r.publication as string,
        pinned: r.pinned === 1,
        position: r.position === null ? null : Number(r.position),
        by: r.by as string,
        updatedAt: r.updated_at as string,
      }));
  }

  /** After `into` was created: move the items, lock them, hand over the keys only they had. */
  split(from: string, itemIds: number[], into: Story): void {
    const marks = itemIds.map(() => '?').join(', ');
    this.#sql.run(
      `UPDATE items SET story_id = ? WHERE story_id = ? AND id IN (${marks})`,
      into.id,
      from,
      ...itemIds,
    );
    for (const id of itemIds) {
      this.#sql.run(
        'INSERT INTO item_locks (item_id, story_id) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET story_id = excluded.story_id',
        id,
        into.id,
      );
    }
    const remaining = new Set(
      this.#sql
        .all('SELECT keys, cites FROM items WHERE story_id = ?', from)
        .flatMap((r) => [
          ...(JSON.parse(r.keys as string) as string[]),
          ...(JSON.parse(r.cites as string) as string[]).map((k) => `cites:${k}`),
        ]),
    );
    for (const key of into.keys) {
      if (!remaining.has(key))
        this.#sql.run(
          'UPDATE story_keys SET story_id = ? WHERE key = ? AND story_id = ?',
          into.id,
          key,
          from,
        );
    }
    const [a, b] = pair(from, into.id);
    this.#sql.run('INSERT INTO stories_apart (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING', a, b);
  }

  lockedStory(itemId: number): string | null {
    return (
      (this.#sql.get('SELECT story_id FROM item_locks WHERE item_id = ?', itemId)?.story_id as string) ?? null
    );
  }

  apart(x: string, y: string): boolean {
    const [a, b] = pair(x, y);
    return this.#sql.get('SELECT 1 AS one FROM stories_apart WHERE a = ? AND b = ?', a, b) !== undefined;
  }

  together(x: string, y: string): void {
    const [a, b] = pair(x, y);
    this.#sql.run('DELETE FROM stories_apart WHERE a = ? AND b = ?', a, b);
  }

  /** `from` is being absorbed into `into`: its locks, order and apart-pairs follow. */
  move(into: string, from: string): void {
    this.#sql.run('UPDATE item_locks SET story_id = ? WHERE story_id = ?', into, from);
    this.#sql.run(
      `UPDATE story_order SET story_id = ? WHERE story_id = ?
       AND publication NOT IN (SELECT publication FROM story_order WHERE story_id = ?)`,
      into,
      from,
      into,
    );
    for (const r of this.#sql.all('SELECT a, b FROM stories_apart WHERE a = ? OR b = ?', from, from)) {
      const other = r.a === from ? (r.b as string) : (r.a as string);
      this.#sql.run('DELETE FROM stories_apart WHERE a = ? AND b = ?', r.a as string, r.b as string);
      if (other !== into) {
        const [a, b] = pair(into, other);
        this.#sql.run('INSERT INTO stories_apart (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING', a, b);
      }
    }
  }
}

/** The two ids in the order `stories_apart` keeps them. */
function pair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}
