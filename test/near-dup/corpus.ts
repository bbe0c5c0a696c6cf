// Reads the zh-ai-media article lists (../shared/data/zh-ai-media/wechat-ai-media-csv) into rows.
// Owns the CSV reading and the row key (file + URL `mid`/`idx`); never copies the texts anywhere.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MEDIA_DIR = new URL('../../../shared/data/zh-ai-media/wechat-ai-media-csv/', import.meta.url)
  .pathname;

/** The four outlets' lists (the arxiv_* and url.csv files are not article lists of one outlet). */
export const MEDIA_FILES = [
  '新智元_20250717_20231126.csv',
  '机器之心_20241026_20240405.csv',
  '机器之心_20250717_20241027.csv',
  '量子位_20250717_20240223.csv',
  'AGI_Hunt_20250717_20240318.csv',
] as const;

export interface MediaRow {
  file: string;
  outlet: string;
  /** Stable key within the file: the article's `mid-idx` from its URL, or `row:N` when the URL lacks them. */
  key: string;
  title: string;
  summary: string;
  /** Milliseconds since the epoch (China time). */
  time: number;
  date: string;
}

export function mediaAvailable(): boolean {
  return existsSync(MEDIA_DIR);
}

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** `2025-07-17 12:50:22` or `2025/7/16 12:21`, China time. */
export function parseMediaDate(value: string): number {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m) return Number.NaN;
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +s);
}

function articleKey(url: string, rowNumber: number): string {
  const mid = /[?&]mid=(\d+)/.exec(url)?.[1];
  const idx = /[?&]idx=(\d+)/.exec(url)?.[1];
  return mid && idx ? `${mid}-${idx}` : `row:${rowNumber}`;
}

export function readMediaFile(file: string): MediaRow[] {
  const rows = parseCsv(readFileSync(join(MEDIA_DIR, file), 'utf8'));
  const header = rows[0]?.join(',');
  if (header !== '标题,URL,日期,摘要')
    throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  const outlet = file.split('_')[0] === 'AGI' ? 'AGI_Hunt' : (file.split('_')[0] ?? file);
  const out: MediaRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const [title = '', url = '', date = '', summary = ''] = cells;
    const time = parseMediaDate(date);
    if (!title.trim() || Number.isNaN(time)) return;
    const day = new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
    out.push({ file, outlet, key: articleKey(url, i + 2), title: title.trim(), summary, time, date: day });
  });
  return out;
}

export function readMedia(): MediaRow[] {
  return MEDIA_FILES.flatMap(readMediaFile);
}
