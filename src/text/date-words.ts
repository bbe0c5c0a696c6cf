// The words feed dates are written with: zone abbreviations, and month and weekday names in the
// languages real feeds use (English, Greek, Hungarian). Data only; reading dates is dates.ts.

/** Hours east of UTC for zone names. RFC 822's US zones, the bare US ones feeds write (`ET`), and the
 * European and Asian ones. `CST` stays RFC 822's -6, even though some Chinese sites mean +8 by it. */
export const ZONE_HOURS: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  'ETC/GMT': 0,
  'ETC/UTC': 0,
  AT: -4,
  AST: -4,
  ADT: -3,
  ET: -5,
  EST: -5,
  EDT: -4,
  CT: -6,
  CST: -6,
  CDT: -5,
  MT: -7,
  MST: -7,
  MDT: -6,
  PT: -8,
  PST: -8,
  PDT: -7,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  NST: -3.5,
  NDT: -2.5,
  WET: 0,
  WEST: 1,
  BST: 1,
  IST: 5.5,
  CET: 1,
  CEST: 2,
  MET: 1,
  MEST: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
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

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Greek abbreviations as Greek blogs write them (with and without accents), and Hungarian month names.
const OTHER_MONTHS: Readonly<Record<string, number>> = {
  ιαν: 1,
  φεβ: 2,
  μάώ: 3,
  μαρ: 3,
  μάρ: 3,
  απρ: 4,
  μάι: 5,
  μαϊ: 5,
  μαι: 5,
  ιούν: 6,
  ιον: 6,
  ιούλ: 7,
  ιολ: 7,
  αύγ: 8,
  αυγ: 8,
  σεπ: 9,
  οκτ: 10,
  νοέ: 11,
  νοε: 11,
  δεκ: 12,
  január: 1,
  február: 2,
  március: 3,
  április: 4,
  május: 5,
  máujus: 5,
  június: 6,
  július: 7,
  augusztus: 8,
  szeptember: 9,
  október: 10,
  november: 11,
  december: 12,
};

/** 1–12 for an English month name or abbreviation (`Jan`, `January`, `Sept`), a Greek abbreviation or a
 * Hungarian month name; 0 when the word is no month. */
export function monthNumber(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const other = OTHER_MONTHS[lower];
  if (other) return other;
  if (!/^[a-z]{3,9}$/.test(lower)) return 0;
  const index = ENGLISH_MONTHS.indexOf(lower.slice(0, 3));
  return index >= 0 && FULL_MONTHS[index]?.startsWith(lower) ? index + 1 : 0;
}

const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
