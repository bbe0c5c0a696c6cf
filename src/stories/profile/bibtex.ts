// A small BibTeX reader for seed papers: entries in braces or parentheses, values in nested braces
// or quotes, `#` concatenation, @string macros; @comment and @preamble skipped. Errors name the file,
// the entry and the line. Field text is cleaned (TeX accents → Unicode) by bibText(), not by the reader.

import { InputError } from '../../errors.ts';
import { cleanText, collapseWhitespace } from '../../text/clean.ts';
import { type Seed, seed, seedKeys } from './seed.ts';

export interface BibEntry {
  type: string;
  key: string;
  /** Field name (lower-case) → raw value with macros expanded, braces kept. */
  fields: Record<string, string>;
  line: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAME = /[^\s"#%'(),={}]+/y;

/** Every entry of a BibTeX file, in file order. */
export function parseBibtex(text: string, file: string): BibEntry[] {
  return new BibReader(text, file).entries();
}

/** A cursor over the file's text; each method reads one construct and leaves `pos` after it. */
class BibReader {
  readonly text: string;
  readonly file: string;
  pos = 0;
  readonly macros = new Map(MONTHS.map((m) => [m, m]));

  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
  }

  entries(): BibEntry[] {
    const entries: BibEntry[] = [];
    for (let at = this.text.indexOf('@'); at >= 0; at = this.text.indexOf('@', this.pos)) {
      this.pos = at + 1;
      const type = this.name()?.toLowerCase() ?? '';
      this.skipSpace();
      const open = this.text[this.pos];
      // Text outside entries is a comment in BibTeX; a stray `@` in it (an e-mail address) is harmless.
      if (!type || (open !== '{' && open !== '(')) continue;
      if (type === 'comment' || type === 'preamble') this.skipGroup(`@${type}`);
      else if (type === 'string') this.macro(open === '{' ? '}' : ')');
      else entries.push(this.entry(type, open === '{' ? '}' : ')', at));
    }
    return entries;
  }

  /** `@type{key, field = value, …}` from just after the opening delimiter's position. */
  entry(type: string, close: string, at: number): BibEntry {
    this.pos++;
    this.skipSpace();
    const key = this.name();
    const what = `entry ${key ?? `@${type} without a key`}`;
    if (!key) this.fail(this.pos, what, `expected a citation key, found ${this.found()}`);
    const fields: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return { type, key: key as string, fields, line: this.lineAt(at) };
      }
      if (this.text[this.pos] !== ',')
        this.fail(this.pos, what, `expected "," or "${close}", found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) continue;
      const field =
        this.name()?.toLowerCase() ??
        this.fail(this.pos, what, `expected a field name, found ${this.found()}`);
      this.skipSpace();
      if (this.text[this.pos] !== '=')
        this.fail(this.pos, `${what}, field ${field}`, `expected "=", found ${this.found()}`);
      this.pos++;
      const content = this.value(`${what}, field ${field}`);
      if (!Object.hasOwn(fields, field)) fields[field] = content;
    }
  }

  /** `@string{name = value}`: a macro later values may use. */
  macro(close: string): void {
    this.pos++;
    this.skipSpace();
    const name = this.name() ?? this.fail(this.pos, '@string', 'expected NAME = "value"');
    this.skipSpace();
    if (this.text[this.pos] !== '=') this.fail(this.pos, `@string ${name}`, 'expected NAME = "value"');
    this.pos++;
    this.macros.set(name.toLowerCase(), this.value(`@string ${name}`));
    this.skipSpace();
    if (this.text[this.pos] !== close) this.fail(this.pos, `@string ${name}`, `expected "${close}"`);
    this.pos++;
  }

  /** A field value: braced, quoted, a number or a macro name, joined by `#`. */
  value(what: string): string {
    const parts: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '{') parts.push(this.braced(what));
      else if (c === '"') parts.push(this.quoted(what));
      else {
        const word = this.name() ?? this.fail(this.pos, what, `expected a value, found ${this.found()}`);
        parts.push(/^\d+$/.test(word) ? word : (this.macros.get(word.toLowerCase()) ?? word));
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') return parts.join('');
      this.pos++;
    }
  }

  /** The text inside a brace group starting at `pos` (on `{`), nested braces kept. */
  braced(what: string): string {
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return this.text.slice(start + 1, this.pos++);
    }
    return this.fail(start, what, 'a brace is never closed');
  }

  quoted(what: string): string {
    const start = this.pos++;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth < 0)
        break; // the entry's own closing brace: the quote never closed
      else if (c === '"' && depth === 0) return this.text.slice(start + 1, this.pos++);
    }
    return this.fail(start, what, 'a quote is never closed');
  }

  /** @comment{…} or @preamble(…): skipped whole, nested delimiters included. */
  skipGroup(what: string): void {
    const [open, close] = this.text[this.pos] === '{' ? ['{', '}'] : ['(', ')'];
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return;
      }
    }
    this.fail(start, what, `a${open === '{' ? ' brace' : ' parenthesis'} is never closed`);
  }

  name(): string | null {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) return null;
    this.pos = NAME.lastIndex;
    return match[0];
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  found(): string {
    return this.pos >= this.text.length
      ? 'the end of the file'
      : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  lineAt(at: number): number {
    return this.text.slice(0, at).split('\n').length;
  }

  fail(at: number, what: string, reason: string): never {
    throw new InputError(this.file, `${what} (line ${this.lineAt(at)}): ${reason}`);
  }
}

/** Seeds from a BibTeX file: title + abstract, and the paper's arXiv id or DOI when it records one. */
export function bibtexSeeds(text: string, file: string): Seed[] {
  const seeds: Seed[] = [];
  for (const entry of parseBibtex(text, file)) {
    const f = entry.fields;
    const title = bibText(f.title ?? '');
    const keys = seedKeys({
      ids: [f.eprint, f.arxivid, f.arxiv, f.url].filter((v): v is string => typeof v === 'string'),
      texts: [f.journal, f.note, f.howpublished, f.booktitle].filter(
        (v): v is string => typeof v === 'string',
      ),
      doi: f.doi,
    });
    if (!title && keys.length === 0) continue;
    seeds.push(seed(`${file}#${entry.key}`, title, bibText(f.abstract ?? ''), keys));
  }
  return seeds;
}

/** LaTeX letters cleanText leaves alone; `\ss` and friends from European author names and titles. */
const TEX_LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
};

/** A field value as plain text: TeX accents and symbols to Unicode, case-protecting braces removed. */
export function bibText(raw: string): string {
  const letters = raw.replace(
    /\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])\s?/g,
    (_, n: string) => TEX_LETTERS[n] ?? n,
  );
  return collapseWhitespace(cleanText(letters).replace(/[{}]/g, '').replace(/~/g, ' '));
}
