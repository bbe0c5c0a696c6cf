// The submission dates arXiv's .abs files and arXivRaw records write (`Mon, 2 Apr 2007 19:18:42 GMT`),
// read strictly: Date.parse would take "sometime in 1999" for a date.

const SUBMITTED =
  /^(?:[A-Z][a-z]{2},\s+)?(\d{1,2})\s+([A-Z][a-z]{2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(?:GMT|UTC|\+0000)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ISO 8601 for `Mon, 2 Apr 2007 19:18:42 GMT`, or null for anything else (or an impossible date). */
export function submittedAt(text: string): string | null {
  const match = SUBMITTED.exec(text.trim());
  if (!match) return null;
  const [, day, month, year, hour, minute, second] = match;
  const index = MONTHS.indexOf(month ?? '');
  if (index < 0) return null;
  const time = Date.UTC(Number(year), index, Number(day), Number(hour), Number(minute), Number(second));
  const date = new Date(time);
  return date.getUTCDate() === Number(day) && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 61
    ? date.toISOString()
    : null;
}
