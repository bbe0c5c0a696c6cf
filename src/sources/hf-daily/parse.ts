// Reads one saved or fetched day of Hugging Face Daily Papers into wire entries, repairing the days saved as
// Python-repr strings; every failure is an InputError naming the input. Builds no RawItem (adapt.ts does).

import { InputError } from '../../errors.ts';
import { dayInName, isoDay } from '../../model/day.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import { parseJsonText } from '../../text/json-text.ts';
import { PythonReprError, type PyValue, parsePythonLiteral } from './python-repr.ts';
import { type HfDailyEntry, hfDailyEntry, hfWrappedDay } from './wire.ts';

export interface HfDay {
  /** The listing day the payload or its name states (wrapper `date`, else a YYYY-MM-DD in `origin`), if any. */
  date: string | null;
  entries: HfDailyEntry[];
}

/**
 * Parse one day. Shapes accepted: the API's JSON array of entries; an array of Python-repr strings of
 * entries; `{status, date, count, data: [...]}` wrapping either. A bad entry throws, unless `onBadEntry`
 * is given: then it is reported there and skipped.
 */
export function parseDay(text: string, origin: string, onBadEntry?: (error: InputError) => void): HfDay {
  const { list, date } = unwrap(parseJson(text, origin), origin);
  const entries: HfDailyEntry[] = [];
  list.forEach((value, index) => {
    try {
      entries.push(readEntry(value, index, origin));
    } catch (error) {
      if (!(error instanceof InputError) || !onBadEntry) throw error;
      onBadEntry(error);
    }
  });
  return { date: date ?? dayInName(origin), entries };
}

function parseJson(text: string, origin: string): unknown {
  return parseJsonText(text, origin, 'file', 'a JSON array of daily-paper entries');
}

function unwrap(json: unknown, origin: string): { list: unknown[]; date: string | null } {
  if (Array.isArray(json)) return { list: json, date: null };
  const wrapped = hfWrappedDay.safeParse(json);
  if (wrapped.success) {
    const { status, date } = wrapped.data;
    if (status !== undefined && status !== 'success') {
      throw new InputError(origin, `the saved response reports status "${status}", not "success"`);
    }
    return { list: wrapped.data.data, date: isoDay(date) };
  }
  if (json !== null && typeof json === 'object') {
    const keys = Object.keys(json).slice(0, 8).join(', ');
    throw new InputError(
      origin,
      `expected a JSON array of daily-paper entries, found an object with keys: ${keys}`,
    );
  }
  throw new InputError(origin, `expected a JSON array of daily-paper entries, found ${describeValue(json)}`);
}

function readEntry(value: unknown, index: number, origin: string): HfDailyEntry {
  const where = `entry [${index}]`;
  const object = typeof value === 'string' ? repair(value, `${where} (a Python-repr string)`, origin) : value;
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw new InputError(origin, `${where} is ${describeValue(object)}, not a daily-paper entry object`);
  }
  const paper = (object as { paper?: unknown }).paper;
  if (paper === null || typeof paper !== 'object' || Array.isArray(paper)) {
    throw new InputError(origin, `${where} has no "paper" object`);
  }
  for (const field of ['id', 'title'] as const) {
    const problem = textProblem((paper as Record<string, unknown>)[field]);
    if (problem) throw new InputError(origin, `${where}: paper.${field} ${problem}`);
  }
  const parsed = hfDailyEntry.safeParse(object);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      origin,
      `${where}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is malformed'}`,
    );
  }
  if (!parseArxivId(parsed.data.paper.id)) {
    throw new InputError(
      origin,
      `${where}: paper.id ${JSON.stringify(parsed.data.paper.id)} is not an arXiv id`,
    );
  }
  return parsed.data;
}

function repair(value: string, where: string, origin: string): PyValue {
  try {
    return parsePythonLiteral(value);
  } catch (error) {
    if (!(error instanceof PythonReprError)) throw error;
    const near = JSON.stringify(value.slice(Math.max(0, error.position - 20), error.position + 20));
    throw new InputError(origin, `${where} is not a Python literal: ${error.message} (near ${near})`);
  }
}

function textProblem(value: unknown): string | null {
  if (value === undefined || value === null) return 'is missing';
  if (typeof value !== 'string') return `is ${describeValue(value)}, not text`;
  return value.trim() === '' ? 'is empty' : null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
