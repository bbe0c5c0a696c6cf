// The writer's tables in SQLite: writeups, the LLM cache, the cost log, placements and edition
// leads. SQL and row mapping only; SqliteStore delegates here to stay small.

import type { EditionLead, Placement, Writeup } from '../../model/story.ts';
import type { CacheKey, CostRow, LlmCall } from '../store.ts';
import type { Sql } from './sql.ts';

export class WriterRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  putWriteup(w: Writeup): void {
    this.#sql.run(
      `INSERT INTO writeups (story_id, lang, title, body, status, task, model, prompt_version, edited_by, updated_at,
         tokens, cost, gate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (story_id, lang) DO UPDATE SET title = excluded.title, body = excluded.body,
         status = excluded.status, task = excluded.task, model = excluded.model,
         prompt_version = excluded.prompt_version, edited_by = excluded.edited_by, updated_at = excluded.updated_at,
         tokens = excluded.tokens, cost = excluded.cost, gate = excluded.gate
       WHERE writeups.status <> 'edited' OR excluded.status = 'edited'`,
      w.storyId,
      w.lang,
      w.title,
      w.body,
      w.status,
      w.task,
      w.model,
      w.promptVersion,
      w.editedBy,
      w.updatedAt,
      w.tokens,
      w.cost,
      JSON.stringify(w.gate),
    );
  }

  writeups(storyId: string): Writeup[] {
    return this.#sql.all('SELECT * FROM writeups WHERE story_id = ? ORDER BY lang', storyId).map((row) => ({
      storyId: row.story_id as string,
      lang: row.lang as string,
      title: row.title as string,
      body: row.body as string,
      status: row.status as Writeup['status'],
      task: row.task as string,
      model: (row.model as string | null) ?? null,
      promptVersion: (row.prompt_version as string | null) ?? null,
      editedBy: (row.edited_by as string | null) ?? null,
      updatedAt: row.updated_at as string,
      tokens: row.tokens === null ? null : Number(row.tokens),
      cost: row.cost === null ? null : Number(row.cost),
      gate: JSON.parse(row.gate as string) as string[],
    }));
  }

  cacheGet(key: CacheKey): unknown {
    const row = this.#sql.get(
      'SELECT output FROM llm_cache WHERE input_hash = ? AND task = ? AND prompt_version = ? AND model = ?',
      key.inputHash,
      key.task,
      key.promptVersion,
      key.model,
    );
    return row ? JSON.parse(row.output as string) : null;
  }

  cachePut(key: CacheKey, value: unknown, tokens: number): void {
    this.#sql.run(
      `INSERT INTO llm_cache (input_hash, task, prompt_version, model, output, tokens, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      key.inputHash,
      key.task,
      key.promptVersion,
      key.model,
      JSON.stringify(value),
      tokens,
      new Date().toISOString(),
    );
  }

  logLlmCall(c: LlmCall): void {
    this.#sql.run(
      `INSERT INTO llm_calls (at, day, publication, task, model, story_id, outcome, prompt_tokens, completion_tokens, cost)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      c.at,
      c.day,
      c.publication,
      c.task,
      c.model,
      c.storyId,
      c.outcome,
      c.promptTokens,
      c.completionTokens,
      c.cost,
    );
  }

  costs(range: { from?: string | undefined; to?: string | undefined }): CostRow[] {
    return this.#sql
      .all(
        `SELECT day, publication, task, model, outcome, COUNT(*) AS calls, SUM(prompt_tokens) AS prompt_tokens,
         SUM(completion_tokens) AS completion_tokens, SUM(cost) AS cost
       FROM llm_calls WHERE day >= ? AND day <= ?
       GROUP BY day, publication, task, model, outcome ORDER BY day, publication, task, model, outcome`,
        range.from ?? '0000-00-00',
        range.to ?? '9999-99-99',
      )
      .map((r) => ({
        day: r.day as string,
        publication: (r.publication as string | null) ?? null,
        task: r.task as string,
        model: r.model as string,
        outcome: r.outcome as LlmCall['outcome'],
        calls: Number(r.calls),
        promptTokens: Number(r.prompt_tokens),
        completionTokens: Number(r.completion_tokens),
        cost: Number(r.cost),
      }));
  }

  putPlacement(p: Placement): void {
    this.#sql.run(
      `INSERT INTO story_sections (story_id, publication, section, tags, placed_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (story_id, publication) DO UPDATE SET section = excluded.section, tags = excluded.tags,
         placed_by = excluded.placed_by, updated_at = excluded.updated_at
       WHERE story_sections.placed_by = 'llm' OR excluded.placed_by <> 'llm'`,
      p.storyId,
      p.publication,
      p.section,
      JSON.stringify(p.tags),
      p.by,
      p.updatedAt,
    );
  }

  placements(storyId: string): Placement[] {
    return this.#sql
      .all('SELECT * FROM story_sections WHERE story_id = ? ORDER BY publication', storyId)
      .map((r) => ({
        storyId: r.story_id as string,
        publication: r.publication as string,
        section: r.section as string,
        tags: JSON.parse(r.tags as string) as string[],
        by: r.placed_by as string,
        updatedAt: r.updated_at as string,
      }));
  }

  /** Writeups and placements follow an absorbed story unless the survivor has its own. */
  move(into: string, from: string): void {
    this.#sql.run(
      `UPDATE writeups SET story_id = ? WHERE story_id = ?
       AND lang NOT IN (SELECT lang FROM writeups WHERE story_id = ?)`,
      into,
      from,
      into,
    );
    this.#sql.run(
      `UPDATE story_sections SET story_id = ? WHERE story_id = ?
       AND publication NOT IN (SELECT publication FROM story_sections WHERE story_id = ?)`,
      into,
      from,
      into,
    );
  }

  putEditionLead(l: EditionLead): void {
    this.#sql.run(
      `INSERT INTO edition_leads (publication, date, body, status, model, prompt_version, gate, edited_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (publication, date) DO UPDATE SET body = excluded.body, status = excluded.status,
         model = excluded.model, prompt_version = excluded.prompt_version, gate = excluded.gate,
         edited_by = excluded.edited_by, updated_at = excluded.updated_at
       WHERE edition_leads.status <> 'edited' OR excluded.status = 'edited'`,
      l.publication,
      l.date,
      l.body,
      l.status,
      l.model,
      l.promptVersion,
      JSON.stringify(l.gate),
      l.editedBy,
      l.updatedAt,
    );
  }

  editionLead(publication: string, date: string): EditionLead | null {
    const r = this.#sql.get(
      'SELECT * FROM edition_leads WHERE publication = ? AND date = ?',
      publication,
      date,
    );
    if (!r) return null;
    return {
      publication: r.publication as string,
      date: r.date as string,
      body: r.body as string,
      status: r.status as EditionLead['status'],
      model: (r.model as string | null) ?? null,
      promptVersion: (r.prompt_version as string | null) ?? null,
      gate: JSON.parse(r.gate as string) as string[],
      editedBy: (r.edited_by as string | null) ?? null,
      updatedAt: r.updated_at as string,
    };
  }
}
