// Types for engine.js (the browser's index reader and ranker), so the writer and tests can import it.

export interface Manifest {
  format: number;
  tokenizer: string;
  base: string;
  docs: number;
  docShardSize: number;
  docShards: number;
  postingShards: number;
  avgLength: number;
}
export type DocRow = [
  url: string,
  title: string,
  date: string,
  publication: string,
  section: string,
  lang: string,
  text: string,
];
export interface Result {
  url: string;
  title: string;
  date: string;
  publication: string;
  section: string | null;
  lang: string;
  text: string;
  score: number;
}
export interface Found {
  query: string;
  mode: 'all' | 'any' | 'none';
  total: number;
  terms: Set<string>;
  results: Result[];
}
export interface Piece {
  text: string;
  mark: boolean;
}

export const FORMAT: number;
export function fnv1a(text: string): number;
export function shardOf(token: string, shardCount: number): number;
export function postingPath(manifest: Pick<Manifest, 'base'>, shard: number): string;
export function docPath(manifest: Pick<Manifest, 'base'>, shard: number): string;
export function decodePostings(list: number[]): Map<number, number>;
export function rank(
  required: Map<number, number>[],
  optional: Map<number, number>[],
): { mode: Found['mode']; hits: { doc: number; score: number }[] };
export function snippet(text: string, terms: Set<string>, chars?: number): Piece[];
export function highlight(text: string, ranges: [number, number][]): Piece[];
export function createSearch(load: (path: string, fresh: boolean) => Promise<unknown>): {
  search(query: string, options?: { offset?: number; limit?: number }): Promise<Found>;
};
