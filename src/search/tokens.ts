// The shared search tokenizer: what the static index, SQLite FTS5 and PostgreSQL index and query with.
// Index: CJK runs → character bigrams plus jieba words of 3+ characters; Latin → stemmed words and model
// names. The splitting lives in client/tokens.js, so the browser runs the very same code for queries.

import { cut_for_search } from 'jieba-wasm';
import { stem } from '../stories/profile/stem.ts';
import { cjkBigrams, latinIndexTokens, pieces, queryTerms as sharedQueryTerms } from './client/tokens.js';

/** Names this tokenizer's output; an index built by another version must be rebuilt, not merged. */
export const TOKENIZER = 'ribao-search-1';

/** Shorter jieba words are bigrams already (or single characters, which carry little). */
const JIEBA_MIN_CHARS = 3;

/**
 * Index tokens of `text` in order, repeats kept (term frequency counts them):
 * - a CJK run → its character bigrams (大语言模型 → 大语, 语言, 言模, 模型; one character stands alone),
 *   then jieba's `cut_for_search` words of 3+ characters (清华大学, 研究人员);
 * - a Latin span → lower-cased words without stopwords, Porter-stemmed (models → model); a segment with
 *   digits whole (4o, 72b, 2024) and its leading word (qwen2 → qwen); a span of several segments with a
 *   digit also as its prefixes without hyphens (gpt-4o-mini → gpt4o, gpt4omini; qwen2.5 → qwen2.5).
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    if (piece.cjk) out.push(...cjkBigrams(piece.text), ...jiebaWords(piece.text));
    else out.push(...latinIndexTokens(piece.text, stem));
  }
  return out;
}

/**
 * What a query asks, exactly as the browser computes it (client/tokens.js, no jieba): `required` are CJK
 * bigrams and Latin query tokens (a model name as its one longest prefix: "gpt-4o" → gpt4o), matched
 * with AND, else OR; `optional` are whole CJK runs of 3–12 characters, which score where jieba indexed
 * them as a word and never exclude a document.
 */
export function queryTerms(text: string): { required: string[]; optional: string[] } {
  return sharedQueryTerms(text, stem);
}

/** The tokens a query must match (its `required` terms), deduplicated, in order. */
export function queryTokens(text: string): string[] {
  return queryTerms(text).required;
}

function jiebaWords(run: string): string[] {
  if ([...run].length < JIEBA_MIN_CHARS) return [];
  return cut_for_search(run, true).filter((word) => [...word].length >= JIEBA_MIN_CHARS);
}
