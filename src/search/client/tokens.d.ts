// Types for tokens.js (the tokenizing shared by Node and the browser), so TypeScript can import it.

export const STOPWORDS: Set<string>;
export function pieces(text: string): { cjk: boolean; text: string }[];
export function cjkBigrams(run: string): string[];
export function latinIndexTokens(span: string, stemWord?: (word: string) => string): string[];
export function latinQueryTokens(span: string, stemWord?: (word: string) => string): string[];
export function queryTerms(
  text: string,
  stemWord?: (word: string) => string,
): { required: string[]; optional: string[] };
export function queryTokens(text: string, stemWord?: (word: string) => string): string[];
export function shardKey(token: string): string;
export function markRanges(
  text: string,
  terms: Set<string>,
  stemWord?: (word: string) => string,
): [number, number][];
