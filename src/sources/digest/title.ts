// A digest's own title heading: `# AI 日报（11月22日）` → the title `AI 日报` and the printed day.
// Only reading; which year a month and day fall in is adapt.ts's question.

import type { PrintedDay } from './wire.ts';

const CHINESE_DAY = /[（(]?\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[)）]?/u;
const NUMERIC_DAY = /[（(]?\s*(\d{4})([-./])(\d{1,2})\2(\d{1,2})\s*[)）]?/u;
const EDGE_PUNCTUATION = /^[\s\-–—|·:：,，]+|[\s\-–—|·:：,，]+$/gu;

export interface DigestTitle {
  /** The heading without its date; null when nothing else is left. */
  title: string | null;
  day: PrintedDay | null;
}

/** Longer headings are no digest title: read as is, and the patterns below stay cheap. */
const MAX_TITLE_HEADING = 200;

export function readTitle(heading: string): DigestTitle {
  if (heading.length > MAX_TITLE_HEADING) return { title: heading.trim() || null, day: null };
  const chinese = CHINESE_DAY.exec(heading);
  const numeric = chinese ? null : NUMERIC_DAY.exec(heading);
  const match = chinese ?? numeric;
  const day = chinese
    ? printedDay(chinese[1], chinese[2], chinese[3])
    : numeric
      ? printedDay(numeric[1], numeric[3], numeric[4])
      : null;
  if (!match || !day) return { title: heading.trim() || null, day: null };
  const rest = (heading.slice(0, match.index) + heading.slice(match.index + match[0].length))
    .replace(EDGE_PUNCTUATION, '')
    .trim();
  return { title: rest || null, day };
}

function printedDay(year: string | undefined, month: string | undefined, day: string | undefined) {
  const m = Number(month);
  const d = Number(day);
  const y = year ? Number(year) : null;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  // A stated year must make a real day (no 2025年2月29日); without one, adapt.ts checks the year it picks.
  if (y !== null && new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return { year: y, month: m, day: d };
}
