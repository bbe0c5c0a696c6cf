// Calendar days (YYYY-MM-DD), the unit editions are counted in: reading them and finding the day of
// an instant in a time zone. No clocks read here.

/** The real calendar day a text starts with (`2025-06-10`, `2025-06-10T00:43:01Z`), else null. */
export function isoDay(value: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const day = match[0];
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day) ? day : null;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The last real YYYY-MM-DD in a file name or URL (`daily/2025-06-10.json`, `…?date=2025-06-10`). */
export function dayInName(origin: string): string | null {
  const found = [...origin.matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g)].map((m) => isoDay(m[0]));
  return found.filter((day) => day !== null).at(-1) ?? null;
}
