// The synthetic stream for the near-duplicate bench: real titles and summaries from ../shared/data
// (zh-ai-media, hf-daily-papers, daily-arxiv-ai-enhanced-zh) replayed with known duplicates and follow-ups.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../../src/pipeline/read-input.ts';
import { mediaAvailable, readMedia } from './corpus.ts';
import { duplicateOf, followUpOf, type Report, random } from './variants.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const HF_DAYS = join(DATA, 'hf-daily-papers/daily');
const ARXIV_ZH = join(DATA, 'daily-arxiv-ai-enhanced-zh/monthly');
const DAY = 86_400_000;

export function syntheticAvailable(): boolean {
  return mediaAvailable() && existsSync(HF_DAYS) && existsSync(ARXIV_ZH);
}

/** The exact key the baseline merges on: the title folded, without punctuation or spaces. */
export function exactKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

async function hfReports(): Promise<Report[]> {
  const files = readdirSync(HF_DAYS).filter((f) => f.endsWith('.json'));
  const reports: Report[] = [];
  for (const file of files.sort()) {
    try {
      const batch = await readInput(join(HF_DAYS, file), 'auto');
      reports.push(...batch.items.map((item) => ({ title: item.title, summary: item.summary })));
    } catch {
      // A day the importer rejects (see the hf-daily corpus test) is simply not part of the stream.
    }
  }
  return reports;
}

function arxivZhReports(): Report[] {
  const reports: Report[] = [];
  for (const file of readdirSync(ARXIV_ZH).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(ARXIV_ZH, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const paper = JSON.parse(line) as { title?: string; summary?: string; AI?: { tldr?: string } };
      // Half the papers are listed with their Chinese TL;DR as the summary: mixed-language reports.
      const summary = reports.length % 2 === 0 ? paper.summary : (paper.AI?.tldr ?? paper.summary);
      if (paper.title) reports.push({ title: paper.title.replace(/\s+/g, ' '), summary: summary ?? '' });
    }
  }
  return reports;
}

/** Every distinct real report (by exact key), in a fixed order. */
export async function loadBase(): Promise<Report[]> {
  const media = readMedia().map((row) => ({ title: row.title, summary: row.summary }));
  const all = [...media, ...(await hfReports()), ...arxivZhReports()];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = exactKey(r.title);
    if (key.length < 4 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type ItemKind = 'original' | 'duplicate' | 'follow-up';

export interface StreamItem extends Report {
  index: number;
  kind: ItemKind;
  /** Items of one event share it: an original and its duplicates; a follow-up has its own. */
  event: number;
  time: number;
}

export interface StreamOptions {
  total: number;
  /** Items per day: sets how many fall in one time window. */
  perDay: number;
  seed: number;
  /** Chance that an original gets a duplicate (and, again, a second one at half the chance). */
  duplicateRate: number;
  /** Chance that an original with a number in its title gets a follow-up event. */
  followUpRate: number;
}

/**
 * `total` items, time-ordered within each replay of the base ("epoch"). Each base report keeps its
 * slot in every epoch, so copies of one report are a full epoch apart, far outside any window.
 */
export function* stream(base: readonly Report[], options: StreamOptions): Generator<StreamItem> {
  const next = random(options.seed);
  const expected = base.length * (1 + options.duplicateRate * 1.5 + options.followUpRate);
  const epochMs = (expected / options.perDay) * DAY;
  const slot = base.map((_, i) => i);
  for (let i = slot.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [slot[i], slot[j]] = [slot[j] as number, slot[i] as number];
  }
  let index = 0;
  let followUps = 0;
  for (let epoch = 0; index < options.total; epoch++) {
    const start = epoch * epochMs;
    const items: Omit<StreamItem, 'index'>[] = [];
    base.forEach((report, b) => {
      const time = start + ((slot[b] as number) / base.length) * (epochMs - 2 * DAY);
      items.push({ ...report, kind: 'original', event: b, time });
      for (let n = 0; next() < options.duplicateRate / (n + 1) && n < 2; n++) {
        items.push({
          ...duplicateOf(report, next),
          kind: 'duplicate',
          event: b,
          time: time + next() * 2 * DAY,
        });
      }
      const followUp = next() < options.followUpRate ? followUpOf(report, next) : null;
      if (followUp) {
        const event = base.length + followUps++;
        items.push({ ...followUp, kind: 'follow-up', event, time: time + next() * 2 * DAY });
      }
    });
    items.sort((a, b) => a.time - b.time);
    for (const item of items) {
      if (index >= options.total) return;
      yield { ...item, index: index++ };
    }
  }
}
