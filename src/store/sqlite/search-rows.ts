// The archive index's tables (search_fts, search_docs, search_facets): SQL and row mapping only.
// Tokens arrive made by src/search/tokens.ts; this file never tokenizes or builds snippets.

import type { SQLInputValue } from 'node:sqlite';
import type { SearchDoc, SearchFacets, SearchQuery, SearchResult } from '../store.ts';
import type { Sql } from './sql.ts';

/** bm25 column weights: a title hit counts four times a body hit. */
const TITLE_WEIGHT = 4;
const BODY_WEIGHT = 1;

const FACETS: (keyof SearchFacets)[] = ['publication', 'section', 'source', 'contributor', 'lang'];

export class SearchRows {
  readonly #sql: Sql;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  put(doc: SearchDoc, at: string): void {
    this.#sql.run('DELETE FROM search_docs WHERE story_id = ?', doc.storyId);
    const row = this.#sql.get(
      'INSERT INTO search_docs (story_id, tokenizer, indexed_at) VALUES (?, ?, ?) RETURNING id',
      doc.storyId,
      doc.tokenizer,
      at,
    );
    const id = Number(row?.id);
    this.#sql.run(
      'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)',
      id,
      doc.titleTokens.join(' '),
      doc.bodyTokens.join(' '),
    );
    for (const facet of FACETS) {
      for (const value of new Set(doc.facets[facet])) {
        this.#sql.run('INSERT INTO search_facets (doc_id, facet, value) VALUES (?, ?, ?)', id, facet, value);
      }
    }
  }

  delete(storyIds?: string[]): void {
    if (!storyIds) {
      this.#sql.run('DELETE FROM search_docs');
      this.#sql.run('DELETE FROM search_fts');
      return;
    }
    for (const id of storyIds) this.#sql.run('DELETE FROM search_docs WHERE story_id = ?', id);
  }

  search(query: SearchQuery): SearchResult {
    const match = matchExpression(query);
    if (!match) return { total: 0, hits: [] };
    const where: string[] = ['search_fts MATCH ?', 's.dropped = 0'];
    const params: SQLInputValue[] = [match];
    if (query.filters.from) {
      where.push('s.edition_date >= ?');
      params.push(query.filters.from);
    }
    if (query.filters.to) {
      where.push('s.edition_date <= ?');
      params.push(query.filters.to);
    }
    for (const facet of FACETS) {
      const value = query.filters[facet];
      if (!value) continue;
      where.push(
        'EXISTS (SELECT 1 FROM search_facets f WHERE f.doc_id = d.id AND f.facet = ? AND f.value = ?)',
      );
      params.push(facet, value);
    }
    const from = `FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
      JOIN stories s ON s.id = d.story_id WHERE ${where.join(' AND ')}`;
    const total = Number(this.#sql.get(`SELECT COUNT(*) AS n ${from}`, ...params)?.n ?? 0);
    const rows = this.#sql.all(
      `SELECT d.story_id, s.edition_date, bm25(search_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank ${from}
       ORDER BY rank, s.edition_date DESC, d.story_id LIMIT ? OFFSET ?`,
      ...params,
      query.limit,
      query.offset,
    );
    return {
      total,
      hits: rows.map((r) => ({
        storyId: r.story_id as string,
        date: r.edition_date as string,
        score: -Number(r.rank),
      })),
    };
  }

  status(): { docs: number; tokenizers: string[] } {
    const docs = Number(this.#sql.get('SELECT COUNT(*) AS n FROM search_docs')?.n ?? 0);
    const tokenizers = this.#sql
      .all('SELECT DISTINCT tokenizer FROM search_docs ORDER BY tokenizer')
      .map((r) => r.tokenizer as string);
    return { docs, tokenizers };
  }
}

/**
 * The FTS5 query: the required tokens joined with AND (or OR), each a quoted string so no token is
 * read as syntax. Optional tokens join as `(req) OR ((req) AND (opt …))`: the same stories match,
 * and bm25 scores the optional ones where they occur. Null when there is nothing to look for.
 */
export function matchExpression(query: Pick<SearchQuery, 'required' | 'optional' | 'match'>): string | null {
  const required = [...new Set(query.required)].filter(Boolean).map(quote);
  if (required.length === 0) return null;
  const req = `(${required.join(query.match === 'all' ? ' AND ' : ' OR ')})`;
  const optional = [...new Set(query.optional)].filter(Boolean).map(quote);
  return optional.length === 0 ? req : `${req} OR (${req} AND (${optional.join(' OR ')}))`;
}

function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}
