// arXiv's own plain-text metadata records (`.abs` files, as arxiv-browse keeps them) → AbsRecord.
// Owns the record layout and its errors; knows nothing of RawItem (abs-adapt.ts maps it).

import { InputError } from '../../errors.ts';
import { submittedAt } from './dates.ts';

/** One `.abs` record, fields as written (TeX and hard wraps kept; continuation lines joined by "\n"). */
export interface AbsRecord {
  /** The `arXiv:` line without prefix: `0704.0001`, `hep-th/9901001`. */
  id: string;
  /** `From:` without the (obfuscated) address. */
  submitter: string | null;
  /** One per `Date:` / `Date (revised vN):` line, oldest first. */
  versions: AbsVersion[];
  title: string;
  /** `Authors:` as one string: `C. Bal\'azs, E. L. Berger and C.-P. Yuan (ANL)`. */
  authors: string;
  /** `Categories:` split on spaces, primary first. */
  categories: string[];
  comments: string | null;
  reportNo: string | null;
  journalRef: string | null;
  doi: string | null;
  license: string | null;
  mscClass: string | null;
  acmClass: string | null;
  abstract: string;
}

export interface AbsVersion {
  version: number;
  /** ISO 8601, from `Mon, 2 Apr 2007 19:18:42 GMT`. */
  submitted: string;
  /** `443kb`, as written, or null. */
  size: string | null;
}

const SEPARATOR = /^-{20,}\s*$/;
const DATE_LINE = /^Date(?: \(revised v(\d+)\))?:\s*(.+?)\s*(?:\(([^)]*)\))?\s*$/;
const FIELD = /^([A-Za-z][A-Za-z-]*):\s?(.*)$/;

/** True when the text starts like an `.abs` record: a dashed rule, `\\`, then `arXiv:ID`. */
export function sniffAbs(text: string): boolean {
  return /^\uFEFF?-{20,}\r?\n\\\\\r?\n(?:arXiv|Paper):/.test(text);
}

/** Every record in `text` (one file holds one; concatenated files hold several). */
export function parseAbsFile(text: string, origin: string): AbsRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const starts = lines.flatMap((line, index) => (SEPARATOR.test(line) ? [index] : []));
  if (!text.trim()) throw new InputError(origin, 'is empty; expected an arXiv .abs record');
  if (starts[0] !== 0)
    throw new InputError(origin, 'does not start with the dashed rule of an arXiv .abs record');
  return starts.map((start, n) => parseRecord(lines.slice(start + 1, starts[n + 1]), origin, n));
}

/** `lines` run from the first `\\` to before the next rule: header, `\\`, abstract, `\\`. */
function parseRecord(lines: string[], origin: string, index: number): AbsRecord {
  const where = index > 0 ? `record ${index + 1}: ` : '';
  const marks = lines.flatMap((line, i) => (line.trim() === '\\\\' ? [i] : []));
  const [open, split, close] = marks;
  if (open !== 0 || split === undefined) {
    throw new InputError(origin, `${where}has no \\\\ lines around its header; not an arXiv .abs record`);
  }
  const fields = headerFields(lines.slice(1, split));
  const id = (fields.get('arXiv') ?? fields.get('Paper') ?? '').trim();
  if (!id) throw new InputError(origin, `${where}has no arXiv: line`);
  const title = fields.get('Title');
  if (!title) throw new InputError(origin, `${where}(${id}) has no Title: line`);
  const versions = datesOf(lines.slice(1, split), origin, `${where}(${id})`);
  const text = (name: string) => fields.get(name)?.trim() || null;
  return {
    id,
    submitter: text('From')?.replace(/\s*<[^>]*>\s*$/, '') || null,
    versions,
    title,
    authors: fields.get('Authors') ?? '',
    categories: (fields.get('Categories') ?? '').split(/\s+/).filter(Boolean),
    comments: text('Comments'),
    reportNo: text('Report-no'),
    journalRef: text('Journal-ref'),
    doi: text('DOI'),
    license: text('License'),
    mscClass: text('MSC-class'),
    acmClass: text('ACM-class'),
    abstract: lines.slice(split + 1, close ?? lines.length).join('\n'),
  };
}

/** `Name: value` lines; a line starting with whitespace continues the field before it. */
function headerFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (/^\s/.test(line) && last !== null) {
      fields.set(last, `${fields.get(last) ?? ''}\n${line}`);
      continue;
    }
    const field = FIELD.exec(line);
    if (!field?.[1]) {
      last = null;
      continue;
    }
    last = field[1];
    if (!fields.has(last)) fields.set(last, field[2] ?? '');
  }
  return fields;
}

function datesOf(lines: string[], origin: string, where: string): AbsVersion[] {
  const versions: AbsVersion[] = [];
  for (const line of lines) {
    const match = DATE_LINE.exec(line);
    if (!match?.[2]) continue;
    const submitted = submittedAt(match[2]);
    if (!submitted) throw new InputError(origin, `${where} has an unreadable date "${match[2]}"`);
    versions.push({
      version: match[1] ? Number(match[1]) : 1,
      submitted,
      size: match[3]?.split(',')[0]?.trim() || null,
    });
  }
  if (versions.length === 0) throw new InputError(origin, `${where} has no Date: line`);
  return versions;
}
