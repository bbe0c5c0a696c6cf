// Dates as sources write them → instants: RFC 822/1123 (named zones, odd spacing, full month names), RFC 3339 and W3C-DTF
// partials, `2006-01-02 15:04:05`, asctime, `2006/01/02`, and Chinese/Korean `2025年11月20日 10:00`.
// Pure and deterministic: never Date.parse, never the machine's zone. Zone and month words: date-words.ts.

import { monthNumber, ZONE_HOURS } from './date-words.ts';

/** The instant as `YYYY-MM-DDTHH:MM:SS.sssZ`, or null when absent, unreadable or implausible. */
export function toIsoUtc(value: string | undefined | null): string | null {
  const ms = parseFeedDate(value);
  if (ms === null) return null;
  const year = new Date(ms).getUTCFullYear();
  // Years outside this range are CMS defaults (0001-01-01) or typos, not publication dates.
  return year >= 1900 && year <= 2200 ? new Date(ms).toISOString() : null;
}

/** Milliseconds since the epoch for any spelling feeds use, or null. A date without a zone is UTC,
 * except Chinese (年月日, +08:00) and Korean (년월일, +09:00) dates, which are local to where they are written. */
export function parseFeedDate(value: string | undefined | null): number | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 100) return null;
  for (const reader of READERS) {
    const ms = reader(text);
    if (ms !== undefined) return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** Each reader answers undefined when the text is not its shape, NaN when it is but names no real instant. */
type Reader = (text: string) => number | undefined;

const WEEKDAY = String.raw`[^\d\s,.]+(?:[.,] ?| )`;
const ZONE = String.raw`((?:[A-Za-z]+(?:\/[A-Za-z]+)?)?(?:[+-]\d{1,2}(?::?\d{2})?)?)`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?`;

const ISO =
  /^(\d{4})(?:-(\d{1,3}|[^\d\s-]+)(?:-(\d{1,2}))?)?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?: ?(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i;
const ISO_TWO_DIGIT_YEAR = /^(?:(\d{2})-?(\d{2})-?(\d{2})|-(\d{2})-?(\d{2}))$/;
const SLASHED = new RegExp(
  String.raw`^(?:${WEEKDAY})?(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]${TIME})?(?: ?${ZONE})?$`,
);
const RFC822 = new RegExp(
  String.raw`^(?:${WEEKDAY})?(\d{1,2})[ -]([^\d\s,.-]+)\.?[ ,-]+(\d{4}|\d{2})(?:[ T]+${TIME})?(?: ?${ZONE})?(?: ?\([^)]*\))?$`,
);
const MONTH_FIRST = new RegExp(
  String.raw`^(?:${WEEKDAY})?([^\d\s,.-]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (?:(\d{4}),? )?(?:at )?${TIME}(?: ?([AaPp])\.?[Mm]\.?)?(?: ?${ZONE})?(?: (\d{4}))?(?: ?\([^)]*\))?$`,
);
const MONTH_FIRST_DATE = new RegExp(
  String.raw`^(?:${WEEKDAY})?([^\d\s,.-]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`,
);
const CJK = new RegExp(
  String.raw`^(\d{4}) ?(?:[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일号]?|-(\d{1,2})-(\d{1,2}))(?: ?[(（][^)）]*[)）])?(?: ?(上午|下午|오전|오후|[AaPp][Mm])? ?(\d{1,2}) ?[:：时時시] ?(\d{1,2})(?: ?[:：分분] ?(\d{1,2}) ?[秒초]?)?(?: ?分)?)?(?: ?${ZONE})?$`,
);

const READERS: Reader[] = [readIso, readTwoDigitIso, readSlashed, readRfc822, readMonthFirst, readCjk];

function readIso(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', fraction = '0', zone = 'Z'] = m;
  const month = /^\d+$/.test(mo) ? Number(mo) : monthNumber(mo);
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  return instant(Number(y), month, Number(d), Number(h), Number(mi), Number(s), ms, zone);
}

/** ISO 8601's truncated forms with a two-digit year: `031231`, `03-12-31`, `-0312` and `-03-12` (the month). */
function readTwoDigitIso(text: string): number | undefined {
  const m = ISO_TWO_DIGIT_YEAR.exec(text);
  if (!m) return undefined;
  const [, yy, mo, d, monthYy, monthMo] = m;
  if (monthYy) return instant(fullYear(monthYy), Number(monthMo), 1, 0, 0, 0, 0, 'Z');
  return instant(fullYear(yy ?? ''), Number(mo), Number(d), 0, 0, 0, 0, 'Z');
}

/** `2006/09/15 08:19:53 EDT` (Perforce, many Chinese CMSs) and `2025.11.20`. */
function readSlashed(text: string): number | undefined {
  const m = SLASHED.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  return instant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), 0, zone || 'Z');
}

/** `Sat, 22 Nov 2025 09:30:00 +0800`, with two-digit years, full month names, no seconds or no time,
 * commas in odd places, `GMT-01:01`, a trailing `(comment)`, Greek weekday and month names. */
function readRfc822(text: string): number | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, d, monthWord = '', y = '', h = '0', mi = '0', s = '0', zone] = m;
  const month = monthNumber(monthWord);
  if (!month) return undefined;
  const year = y.length === 2 ? fullYear(y) : Number(y);
  return instant(year, month, Number(d), Number(h), Number(mi), Number(s), 0, zone || 'Z');
}

/** asctime (`Sun Jan  4 16:29:06 2004`), Twitter's `Sun Jul 15 01:16:00 +0000 2012`, JavaScript's
 * `Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)` and US prose (`November 22, 2025 3:04 PM`, `Nov 22, 2025`). */
function readMonthFirst(text: string): number | undefined {
  const dateOnly = MONTH_FIRST_DATE.exec(text);
  if (dateOnly) {
    const [, monthWord = '', d, y] = dateOnly;
    const month = monthNumber(monthWord);
    return month ? instant(Number(y), month, Number(d), 0, 0, 0, 0, 'Z') : undefined;
  }
  const m = MONTH_FIRST.exec(text);
  if (!m) return undefined;
  const [, monthWord = '', d, yearBefore, h = '0', mi, s = '0', meridiem, zone, yearAfter] = m;
  const month = monthNumber(monthWord);
  if (!month || (yearBefore === undefined) === (yearAfter === undefined)) return undefined;
  const hour = twelveHour(Number(h), meridiem);
  return instant(
    Number(yearBefore ?? yearAfter),
    month,
    Number(d),
    hour,
    Number(mi),
    Number(s),
    0,
    zone || 'Z',
  );
}

/** `2025年11月20日 10:00`, `2004년 05월 28일 01:31:15`, `2004-05-25 오후 11:23:17`. */
function readCjk(text: string): number | undefined {
  const m = CJK.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, dashMo, dashD, meridiem, h = '0', mi = '0', s = '0', zone] = m;
  // The dashed date is only this reader's when a CJK meridiem says so; plain ISO was read before.
  if (dashMo && !meridiem) return undefined;
  const korean = /[년월일시분초오전후]/.test(text);
  const local = korean ? '+09:00' : '+08:00';
  const hour = twelveHour(Number(h), meridiem);
  return instant(
    Number(y),
    Number(mo ?? dashMo),
    Number(d ?? dashD),
    hour,
    Number(mi),
    Number(s),
    0,
    zone || local,
  );
}

function twelveHour(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const afternoon = /^[Pp]|下午|오후/.test(meridiem);
  if (hour > 12) return Number.NaN;
  return (hour % 12) + (afternoon ? 12 : 0);
}

function fullYear(yy: string): number {
  return (Number(yy) < 50 ? 2000 : 1900) + Number(yy);
}

/** The instant for a wall-clock time in a zone, or NaN when any part is out of range. */
function instant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zone: string,
): number {
  const offset = offsetMinutes(zone);
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && minute + second + ms > 0)) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // Date rolls 31 February over into March; a real date keeps its month and day.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  const seconds = (hour * 60 + minute) * 60 + Math.min(second, 59);
  return date.getTime() + seconds * 1000 + ms - offset * 60_000;
}

/** Minutes east of UTC for `Z`, `+08:00`, `-0700`, `+08`, a zone name, or `GMT+8`; NaN when unknown. */
function offsetMinutes(zone: string): number {
  const m = /^([A-Za-z]+(?:\/[A-Za-z]+)?)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(zone.trim());
  if (!m) return Number.NaN;
  const [, name, sign, hours, minutes = '0'] = m;
  const named = name ? ZONE_HOURS[name.toUpperCase()] : 0;
  if (named === undefined) return Number.NaN;
  if (!sign) return named * 60;
  // A number after a name only after GMT/UTC (`GMT+8`); `EST+5` means nothing.
  if (name && named !== 0) return Number.NaN;
  if (Number(hours) > 23 || Number(minutes) > 59) return Number.NaN;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
