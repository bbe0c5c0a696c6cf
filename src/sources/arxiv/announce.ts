// arXiv's announcement schedule: which daily listing a new submission appears in.
// Owns the cutoff arithmetic in New York time; knows nothing of feeds or HTTP.

/*
 * Submissions close at 14:00 America/New_York on weekdays. Everything received before Mon–Thu's
 * cutoff is announced at 20:00 that evening in the listing dated the next day; before Friday's
 * cutoff, announced Sunday 20:00 in Monday's listing; after Friday's cutoff or over the weekend,
 * it waits for Monday's cutoff and is listed on Tuesday. So a listing day L (Mon–Fri) holds what
 * arrived between the cutoffs of the two weekdays before L.
 * arXiv holidays (no announcement, shifted cutoffs) are ignored: around them this is off by a
 * day or so. New York wall time comes from Intl, so daylight-saving changes need no table.
 */

const DAY_MS = 86_400_000;
const CUTOFF_MINUTES = 14 * 60;

const NEW_YORK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The date (YYYY-MM-DD) of the listing a paper first submitted at `published` appears in. */
export function listingDay(published: Date): string {
  const { day, minutes } = newYorkWallTime(published);
  const cutoffDay = isWeekday(day) && minutes < CUTOFF_MINUTES ? day : nextWeekday(day);
  return formatDay(nextWeekday(cutoffDay));
}

/** True for the days arXiv publishes a listing (Monday to Friday, holidays ignored). */
export function isListingDay(listing: string): boolean {
  return isWeekday(parseDay(listing));
}

/** The first instant whose submissions go into the listing of `listing` (a Mon–Fri YYYY-MM-DD). */
export function windowStart(listing: string): Date {
  const opening = previousWeekday(previousWeekday(parseDay(listing)));
  return newYorkInstant(opening, CUTOFF_MINUTES);
}

/** Days are counted as whole days since 1970-01-01 (a "civil day number"), weekday from UTC. */
function newYorkWallTime(instant: Date): { day: number; minutes: number } {
  const parts: Record<string, number> = {};
  for (const part of NEW_YORK.formatToParts(instant)) parts[part.type] = Number(part.value);
  const day = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1) / DAY_MS;
  return { day, minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) + (parts.second ?? 0) / 60 };
}

/** The instant when New York wall clocks show `minutes` past midnight on `day`. */
function newYorkInstant(day: number, minutes: number): Date {
  const wall = day * DAY_MS + minutes * 60_000;
  let instant = wall;
  // Two rounds: the offset at the first guess can differ from the offset at the answer near a DST change.
  for (let round = 0; round < 2; round++) {
    const seen = newYorkWallTime(new Date(instant));
    instant += wall - (seen.day * DAY_MS + seen.minutes * 60_000);
  }
  return new Date(instant);
}

function isWeekday(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function nextWeekday(day: number): number {
  let next = day + 1;
  while (!isWeekday(next)) next++;
  return next;
}

function previousWeekday(day: number): number {
  let previous = day - 1;
  while (!isWeekday(previous)) previous--;
  return previous;
}

function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: "${text}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
