// The hand-labelled pairs (pairs.tsv) joined to their rows in ../shared/data/zh-ai-media, and the
// precision/recall arithmetic the evaluation test and the README share.

import { readFileSync } from 'node:fs';
import { type MediaRow, readMedia } from './corpus.ts';

export interface LabelledPair {
  id: string;
  stratum: string;
  a: MediaRow;
  b: MediaRow;
  /** true: same event; false: different events; null: undecided ("?"), left out of the scores. */
  same: boolean | null;
}

/** One row per (file, key): the first, when an article is listed twice. */
export function rowsByKey(): Map<string, MediaRow> {
  const rows = new Map<string, MediaRow>();
  for (const row of readMedia())
    if (!rows.has(`${row.file}|${row.key}`)) rows.set(`${row.file}|${row.key}`, row);
  return rows;
}

/** A labelled TSV beside this file (pairs.tsv, merges.tsv), its columns found by their header names. */
export function loadPairs(file = 'pairs.tsv', rows = rowsByKey()): LabelledPair[] {
  const [header = '', ...lines] = readFileSync(new URL(file, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const names = header.split('\t');
  return lines.map((line, n) => {
    const cells = line.split('\t');
    const cell = (name: string) => cells[names.indexOf(name)] ?? '';
    const a = rows.get(`${cell('file_a')}|${cell('key_a')}`);
    const b = rows.get(`${cell('file_b')}|${cell('key_b')}`);
    const where = `${file} line ${n + 2} (${cell('pair')})`;
    if (!a || !b) throw new Error(`${where}: names a row that is not in the data`);
    const label = cell('label');
    if (!['0', '1', '?'].includes(label)) throw new Error(`${where}: label must be 0, 1 or ?, got ${label}`);
    return { id: cell('pair'), stratum: cell('stratum'), a, b, same: label === '?' ? null : label === '1' };
  });
}

export interface Scores {
  pairs: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

/** Precision and recall of `decide` over the decided pairs. */
export function score(pairs: readonly LabelledPair[], decide: (pair: LabelledPair) => boolean): Scores {
  let truePositives = 0;
  let falsePositives = 0;
  let positives = 0;
  let counted = 0;
  for (const pair of pairs) {
    if (pair.same === null) continue;
    counted++;
    if (pair.same) positives++;
    if (!decide(pair)) continue;
    if (pair.same) truePositives++;
    else falsePositives++;
  }
  const merged = truePositives + falsePositives;
  return {
    pairs: counted,
    positives,
    truePositives,
    falsePositives,
    precision: merged === 0 ? 1 : truePositives / merged,
    recall: positives === 0 ? 0 : truePositives / positives,
  };
}
