// A small, strict reader of Python literals as `repr()` writes them (dict, list, tuple, str, int, float,
// True/False/None), used to repair saved daily-paper days; it evaluates nothing and knows no HF fields.

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

/** What was wrong and where: `position` is the 0-based character offset into the parsed text. */
export class PythonReprError extends Error {
  readonly position: number;
  constructor(reason: string, position: number) {
    super(`${reason} at character ${position}`);
    this.name = 'PythonReprError';
    this.position = position;
  }
}

const MAX_DEPTH = 200;
const NAMES: Record<string, PyValue> = { True: true, False: false, None: null };
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;

/** Parse one Python literal; throws PythonReprError naming the position of anything else. */
export function parsePythonLiteral(text: string): PyValue {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos < text.length) reader.fail('unexpected text after the value');
  return value;
}

class Reader {
  readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }

  fail(reason: string, at = this.pos): never {
    throw new PythonReprError(reason, at);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text.charAt(this.pos))) this.pos++;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.text.charAt(this.pos);
    if (c === '') this.fail('the text ends where a value was expected');
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.parenthesized(depth);
    if (c === "'" || c === '"') return this.strings();
    if (/[\d.+-]/.test(c)) return this.number();
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.text)?.[0];
    if (name === undefined) this.fail(`unexpected character ${JSON.stringify(c)}`);
    if (!Object.hasOwn(NAMES, name)) this.fail(`'${name}' is not a literal (only True, False and None are)`);
    this.pos += name.length;
    return NAMES[name] as PyValue;
  }

  dict(depth: number): PyValue {
    const entries: [string, PyValue][] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text.charAt(this.pos) === '}') break;
      const keyAt = this.pos;
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number')
        this.fail('a dict key must be a string or a number', keyAt);
      this.skipSpace();
      if (this.text.charAt(this.pos) !== ':') this.fail("expected ':' after a dict key");
      this.pos++;
      entries.push([String(key), this.value(depth + 1)]);
      if (!this.separator('}')) break;
    }
    this.pos++;
    // fromEntries defines own properties, so a '__proto__' key stays data; a repeated key keeps the last value.
    return Object.fromEntries(entries);
  }

  sequence(close: string, depth: number): PyValue[] {
    const items: PyValue[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text.charAt(this.pos) === close) break;
      items.push(this.value(depth + 1));
      if (!this.separator(close)) break;
    }
    this.pos++;
    return items;
  }

  /** `(x)` is x, `(x,)` and `(x, y)` are tuples, read as arrays. */
  parenthesized(depth: number): PyValue {
    const start = this.pos;
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === ')') {
      this.pos++;
      return [];
    }
    const first = this.value(depth + 1);
    this.skipSpace();
    if (this.text.charAt(this.pos) === ')') {
      this.pos++;
      return first;
    }
    this.pos = start;
    return this.sequence(')', depth);
  }

  /** After an item: true when a ',' leads to another item, false when `close` follows; else fail. */
  separator(close: string): boolean {
    this.skipSpace();
    const c = this.text.charAt(this.pos);
    if (c === close) return false;
    if (c !== ',') this.fail(c === '' ? `the text ends before '${close}'` : `expected ',' or '${close}'`);
    this.pos++;
    return true;
  }

  number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text)?.[0];
    if (match === undefined) this.fail('malformed number');
    const next = this.text.charAt(this.pos + match.length);
    if (/[\w.]/.test(next)) this.fail('unsupported number syntax', this.pos + match.length);
    this.pos += match.length;
    return Number(match);
  }

  /** One or more adjacent string literals, concatenated as Python does (`'a' "b"` is `'ab'`). */
  strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      const c = this.text.charAt(this.pos);
      if (c !== "'" && c !== '"') {
        this.pos = save;
        return out;
      }
      out += this.string();
    }
  }

  string(): string {
    const start = this.pos;
    const quote = this.text.charAt(this.pos);
    const triple = this.text.startsWith(quote.repeat(3), this.pos);
    const closing = triple ? quote.repeat(3) : quote;
    this.pos += closing.length;
    let out = '';
    for (;;) {
      const c = this.text.charAt(this.pos);
      if (c === '') this.fail('unterminated string', start);
      if (this.text.startsWith(closing, this.pos)) break;
      if (c === '\n' && !triple) this.fail('line break inside a single-quoted string', this.pos);
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      out += c;
      this.pos++;
    }
    this.pos += closing.length;
    return out;
  }

  escape(): string {
    const at = this.pos;
    const c = this.text.charAt(at + 1);
    this.pos += 2;
    if (c === '') this.fail('unterminated string', at);
    if (c === '\n') return '';
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    const hexLength = { x: 2, u: 4, U: 8 }[c];
    if (hexLength !== undefined)
      return this.codePoint(this.text.slice(this.pos, this.pos + hexLength), hexLength, at);
    if (/[0-7]/.test(c)) {
      const digits = /^[0-7]{1,3}/.exec(this.text.slice(at + 1, at + 4))?.[0] ?? c;
      this.pos = at + 1 + digits.length;
      return String.fromCodePoint(Number.parseInt(digits, 8));
    }
    if (c === 'N') this.fail('\\N{…} escapes are not supported', at);
    // Python keeps an unknown escape as written (backslash included).
    return `\\${c}`;
  }

  codePoint(hex: string, length: number, at: number): string {
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex))
      this.fail(`malformed \\${this.text.charAt(at + 1)} escape`, at);
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail('escape beyond the last Unicode code point', at);
    this.pos += length;
    return String.fromCodePoint(code);
  }
}
