// Feed dates (RFC 822 with named zones, RFC 3339 / W3C-DTF, date-only) → ISO 8601 UTC.
// Pure and deterministic: a date without a zone is read as UTC, never in the machine's local zone.

// RFC 822 names, plus the European and Asian ones real feeds write. `CST` stays RFC 822's -6,
// even though some Chinese sites mean China Standard Time by it.
const ZONE_HOURS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  WET: 0,
  WEST: 1,
  BST: 1,
  CET: 1,
  CEST: 2,
  MET: 1,
  MEST: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
  IST: 5.5,
  HKT: 8,
  SGT: 8,
  AWST: 8,
  JST: 9,
  KST: 9,
  ACST: 9.5,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2}|\d{4})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\([^)]*\))?$/;

/** The instant as `YYYY-MM-DDTHH:MM:SS.sssZ`, or null when absent or unparseable. */
export function toIsoUtc(value: string | undefined | null): string | null {
  const text = value?.trim();
  if (!text) return null;
  const ms = parseIso(text) ?? parseRfc822(text) ?? parseLoose(text);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // Years outside this range are CMS defaults or typos, not publication dates.
  return year >= 1900 && year <= 2200 ? date.toISOString() : null;
}

function parseIso(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return valid(utc, Number(y), Number(mo), Number(d))
    ? utc - offsetMinutes(zone ?? 'Z') * 60_000
    : Number.NaN;
}

function parseRfc822(text: string): number | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const [, d, monthName = '', y = '', h, mi, s = '0', zone = 'GMT'] = m;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const offset = offsetMinutes(zone);
  if (month === 0 || Number.isNaN(offset)) return Number.NaN;
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  const utc = Date.UTC(year, month - 1, Number(d), Number(h), Number(mi), Number(s));
  return valid(utc, year, month, Number(d)) ? utc - offset * 60_000 : Number.NaN;
}

/** Other spellings (`January 2, 2006 3:04 PM`) through Date.parse, told GMT when they name no zone. */
function parseLoose(text: string): number {
  const zoned = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[A-Z]{1,3}[SD]T))$/.test(text);
  return Date.parse(zoned ? text : `${text} GMT`);
}

/** Minutes east of UTC for `Z`, `+08:00`, `-0700`, `+08` or a zone name; NaN when unknown. */
function offsetMinutes(zone: string): number {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  const hours = ZONE_HOURS[zone.toUpperCase()];
  return hours === undefined ? Number.NaN : hours * 60;
}

/** Date.UTC rolls 31 February over into March and reads year 1 as 1901; a real date keeps all three. */
function valid(utc: number, year: number, month: number, day: number): boolean {
  const date = new Date(utc);
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}
