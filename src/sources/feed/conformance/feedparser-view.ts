// Test support: evaluates a feedparser `Expect:` expression against our parse of the same file. Maps
// feedparser's keys onto our model (entries[0]['title'] → item title, feed['link'] → feed link, bozo → we
// refused the document); a key our model does not hold makes the case inexpressible, not failed.

import { decodeBody } from '../../../fetch/charset.ts';
import type { RawItem } from '../../../model/item.ts';
import { parseFeedDate } from '../../../text/dates.ts';
import { htmlToText } from '../../../text/html-text.ts';
import type { FeedInfo } from '../adapt.ts';
import type { Expr } from './python-expr.ts';

/** Our reading of one test file. */
export interface Outcome {
  /** Our parser refused the document. */
  refused: boolean;
  /** What our parser read despite something wrong with it; with a refusal, feedparser's `bozo`. */
  warnings: string[];
  bytes: Uint8Array;
  /** The text as we decoded it, and the encoding we used. */
  text: string;
  charset: string;
  feed: FeedInfo;
  items: RawItem[];
}

type Kind = 'text' | 'url' | 'id' | 'date' | 'author' | 'name' | 'flag' | 'encoding' | 'count' | 'codepoint';
interface Field {
  kind: Kind;
  value: unknown;
}

// feedparser's entry keys (dotted, list indexes as numbers) → our field and how to compare it.
const ENTRY_KEYS: Record<string, [Kind, (item: RawItem) => unknown]> = {
  title: ['text', (item) => item.title],
  'title_detail.value': ['text', (item) => item.title],
  link: ['url', (item) => item.url],
  id: ['id', (item) => item.externalId],
  guid: ['id', (item) => item.externalId],
  summary: ['text', (item) => item.summary],
  description: ['text', (item) => item.summary],
  'summary_detail.value': ['text', (item) => item.summary],
  'content.0.value': ['text', (item) => item.summary],
  author: ['author', (item) => item.authors[0]],
  'author_detail.name': ['name', (item) => item.authors[0]],
  'authors.0.name': ['name', (item) => item.authors[0]],
  ...Object.fromEntries(
    ['published', 'updated', 'issued', 'modified', 'date'].flatMap((key) => [
      [key, ['date', (item: RawItem) => item.publishedAt]],
      [`${key}_parsed`, ['date', (item: RawItem) => item.publishedAt]],
    ]),
  ),
};
const FEED_KEYS: Record<string, [Kind, (feed: FeedInfo) => unknown]> = {
  title: ['text', (feed) => feed.title],
  'title_detail.value': ['text', (feed) => feed.title],
  link: ['url', (feed) => feed.link],
};

/** Thrown when the expression needs something our model does not hold. */
export class Inexpressible extends Error {}

/** Whether every key and operation in the expression maps onto our model (checked before running it). */
export function expressible(expr: Expr): boolean {
  try {
    check(expr);
    return true;
  } catch (error) {
    if (error instanceof Inexpressible) return false;
    throw error;
  }
}

function check(expr: Expr): void {
  switch (expr.t) {
    case 'str':
    case 'num':
    case 'const':
      break;
    case 'seq':
      expr.items.forEach(check);
      break;
    case 'not':
    case 'neg':
      check(expr.e);
      break;
    case 'and':
    case 'or':
      check(expr.l);
      check(expr.r);
      break;
    case 'cmp':
      if (expr.ops.some((op) => op !== '==' && op !== '!=')) throw new Inexpressible(expr.ops.join());
      expr.operands.forEach(check);
      break;
    case 'call':
      if (expr.fn.t === 'name' && ['len', 'ord'].includes(expr.fn.name) && expr.args.length === 1)
        check(expr.args[0] as Expr);
      else if (expr.fn.t === 'attr' && expr.fn.name === 'get') fieldOf(pathOf(expr));
      else throw new Inexpressible('call');
      break;
    default:
      fieldOf(pathOf(expr));
  }
}

/** Whether our outcome satisfies the expression (Python truthiness of its value). */
export function verdict(expr: Expr, outcome: Outcome): boolean {
  return truthy(evaluate(expr, outcome));
}

function evaluate(expr: Expr, outcome: Outcome): unknown {
  switch (expr.t) {
    case 'str':
    case 'num':
    case 'const':
      return expr.v;
    case 'neg':
      return -(evaluate(expr.e, outcome) as number);
    case 'seq':
      return expr.items.map((item) => evaluate(item, outcome));
    case 'not':
      return !truthy(evaluate(expr.e, outcome));
    case 'and': {
      const left = evaluate(expr.l, outcome);
      return truthy(left) ? evaluate(expr.r, outcome) : left;
    }
    case 'or': {
      const left = evaluate(expr.l, outcome);
      return truthy(left) ? left : evaluate(expr.r, outcome);
    }
    case 'cmp': {
      const values = expr.operands.map((operand) => evaluate(operand, outcome));
      return expr.ops.every((op, i) => equal(values[i], values[i + 1], outcome) === (op === '=='));
    }
    case 'call':
      if (expr.fn.t === 'name' && expr.fn.name === 'len') return lengthOf(expr.args[0] as Expr, outcome);
      if (expr.fn.t === 'name' && expr.fn.name === 'ord') {
        const field = evaluate(expr.args[0] as Expr, outcome) as Field;
        return { kind: 'codepoint', value: field.value } satisfies Field;
      }
      return read(pathOf(expr), outcome);
    default:
      return read(pathOf(expr), outcome);
  }
}

function lengthOf(expr: Expr, outcome: Outcome): Field {
  const path = pathOf(expr);
  if (path.join('.') !== 'entries') throw new Inexpressible('len');
  return { kind: 'count', value: outcome.items.length };
}

/** `entries[0]['title_detail']['value']`, `feed.link`, `entries[0].get('id')` → ['entries', 0, 'title_detail', 'value']. */
function pathOf(expr: Expr): (string | number)[] {
  if (expr.t === 'name') return [expr.name];
  if (expr.t === 'attr') return [...pathOf(expr.target), expr.name];
  if (expr.t === 'index' && (expr.key.t === 'str' || expr.key.t === 'num'))
    return [...pathOf(expr.target), expr.key.v];
  if (expr.t === 'call' && expr.fn.t === 'attr' && expr.fn.name === 'get' && expr.args[0]?.t === 'str')
    return [...pathOf(expr.fn.target), expr.args[0].v];
  throw new Inexpressible(expr.t);
}

function fieldOf(path: (string | number)[]): (outcome: Outcome) => Field {
  const [root, ...rest] = path;
  if (root === 'bozo' && !rest.length)
    return (o) => ({ kind: 'flag', value: o.refused || o.warnings.length > 0 });
  if (root === 'encoding' && !rest.length) return (o) => ({ kind: 'encoding', value: o.charset });
  if (root === 'entries' && rest.length === 0) return (o) => ({ kind: 'count', value: o.items.length });
  if (root === 'entries' && typeof rest[0] === 'number') {
    const [index, ...key] = rest as [number, ...(string | number)[]];
    const mapped = ENTRY_KEYS[key.join('.')];
    if (mapped)
      return (o) => ({ kind: mapped[0], value: o.items[index] ? mapped[1](o.items[index]) : undefined });
  }
  if (root === 'feed') {
    const mapped = FEED_KEYS[rest.join('.')];
    if (mapped) return (o) => ({ kind: mapped[0], value: o.refused ? undefined : mapped[1](o.feed) });
  }
  throw new Inexpressible(path.join('.'));
}

const read = (path: (string | number)[], outcome: Outcome): Field => fieldOf(path)(outcome);

function isField(value: unknown): value is Field {
  return typeof value === 'object' && value !== null && 'kind' in value && 'value' in value;
}

function truthy(value: unknown): boolean {
  const plain = isField(value) ? value.value : value;
  return Array.isArray(plain) ? plain.length > 0 : Boolean(plain);
}

/** Python's `==` between our field and feedparser's literal, by what the field means in our model. */
function equal(a: unknown, b: unknown, outcome: Outcome): boolean {
  if (isField(a) && isField(b)) return a.value === b.value;
  const [field, literal] = isField(a) ? [a, b] : [b as Field, a];
  const ours = field.value;
  switch (field.kind) {
    case 'flag':
    case 'count':
      return ours === literal;
    case 'codepoint':
      return typeof ours === 'string' && [...ours].length === 1 && ours.codePointAt(0) === literal;
    case 'encoding':
      return typeof literal === 'string' && sameDecoding(outcome, literal);
  }
  if (ours === undefined || ours === null) return literal === null || literal === '';
  if (typeof ours !== 'string') return false;
  if (field.kind === 'date') return sameInstant(ours, literal);
  if (typeof literal !== 'string') return false;
  switch (field.kind) {
    case 'text':
      // Our text is plain: feedparser's HTML values are compared as the text they show.
      return ours === collapse(literal) || ours === htmlToText(literal);
    case 'url':
      return ours === literal || ours === absolute(literal);
    case 'id':
      return ours === literal.trim();
    case 'author':
      // feedparser writes "Name (email)" or "email (Name)"; we keep the name.
      return [literal, /^(.*?) \(/.exec(literal)?.[1], /\(([^)]*)\)$/.exec(literal)?.[1]].includes(ours);
    default:
      return ours === literal;
  }
}

/** A date literal is a time tuple (UTC) or the string as written. */
function sameInstant(ours: string, literal: unknown): boolean {
  const parts = new Date(ours).toISOString().slice(0, 19).split(/[-T:]/).map(Number);
  if (Array.isArray(literal)) return literal.slice(0, 6).every((n, i) => n === parts[i]);
  const ms = typeof literal === 'string' ? parseFeedDate(literal) : null;
  return ms !== null && ms === Date.parse(ours);
}

/** The same text as decoding the bytes in the encoding feedparser names (`us-ascii` ≡ `utf-8` on ASCII). */
function sameDecoding(outcome: Outcome, label: string): boolean {
  return decodeBody(outcome.bytes, `application/xml; charset=${label}`).text === outcome.text;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function absolute(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
