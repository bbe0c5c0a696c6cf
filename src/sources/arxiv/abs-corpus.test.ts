// arXiv's own 1,192 .abs records (../shared/data/arxiv-abs-files): every record read, and the TeX in
// every title, abstract and author name cleaned to Unicode without leftover accent commands or
// mangled math. Skips when the shared data is absent.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import { cleanText } from '../../text/clean.ts';
import { type AbsRecord, parseAbsFile } from './abs.ts';
import { adaptAbs } from './abs-adapt.ts';
import { splitAuthors } from './authors.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/data/arxiv-abs-files/', import.meta.url));
const skip = !existsSync(CORPUS) && `needs ../shared/data/arxiv-abs-files (not found at ${CORPUS})`;

/** A TeX accent or special letter still in the text: \'a, {\"o}, \c{c}, \v s, \ss, {\o}, \AA. */
const ACCENT =
  /\\["'`^~=.]\s*(?:\{\s*)?(?:\\[ij]|[A-Za-z])|\\[uvcHkrdb](?:\s*\{\s*(?:\\[ij]|[A-Za-z])\s*\}|\s+[A-Za-z](?![A-Za-z]))|\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])/;
/** TeX's en dash between two words (Aharonov--Bohm, 1990--2000). */
const TEX_DASH = /[\p{L}\p{N}]--[\p{L}\p{N}]/u;
const MARKS: Readonly<Record<string, string>> = {
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  H: '\u030B',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

function absFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return absFiles(path);
      return entry.name.endsWith('.abs') ? [path] : [];
    });
}

function readCorpus(): { records: AbsRecord[]; rejected: string[]; files: number } {
  const files = absFiles(CORPUS);
  const records: AbsRecord[] = [];
  const rejected: string[] = [];
  for (const file of files) {
    try {
      records.push(...parseAbsFile(readFileSync(file, 'utf8'), file));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      rejected.push(error.message);
    }
  }
  return { records, rejected, files: files.length };
}

/** What the old cleaner did to \cdot, \cong, \varphi: the letter after the accent letter took the mark. */
function mangled(raw: string, clean: string): string[] {
  return [...raw.matchAll(/\\([cvuHkrdb])([a-zA-Z])([a-zA-Z]*)/g)].flatMap(
    ([command, accent = '', next = '', rest = '']) => {
      const broken = `${(next + (MARKS[accent] ?? '')).normalize('NFC')}${rest}`;
      return clean.includes(broken) ? [command] : [];
    },
  );
}

test('every .abs record is read: ids, versions, dates', { skip }, () => {
  const { records, rejected, files } = readCorpus();
  assert.equal(files, 1192);
  assert.equal(records.length, 1191);
  assert.equal(rejected.length, 1);
  assert.match(rejected[0] ?? '', /0509037\.abs: is empty/, 'one file of the corpus is empty');
  for (const record of records) {
    const id = parseArxivId(record.id);
    assert.ok(id && id.version === null, `${record.id} is a versionless arXiv id`);
    assert.ok(record.versions.length >= 1, `${record.id} has a date`);
    assert.deepEqual(
      record.versions.map((v) => v.version),
      record.versions.map((_v, i) => i + 1),
      `${record.id} versions in order`,
    );
    assert.ok(record.title && record.abstract.trim(), `${record.id} has a title and an abstract`);
  }
  const oldStyle = records.filter((r) => r.id.includes('/')).length;
  assert.equal(oldStyle, 96, 'old-style ids (hep-th/9901001, math.GT/0309136) in the corpus');
  const items = records.map((r) => adaptAbs(r, 'corpus'));
  assert.equal(new Set(items.map((i) => i.externalId)).size > 1100, true);
  const first = items.find((i) => i.externalId === '0704.0001');
  assert.deepEqual(first?.authors, ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan']);
  assert.deepEqual(first?.extra?.versions, [
    { version: 1, submitted: '2007-04-02T19:18:42.000Z' },
    { version: 2, submitted: '2007-07-24T20:10:27.000Z' },
  ]);
});

test('TeX clean-up on every title, abstract and author: no accents left, no dashes, math intact', {
  skip,
}, () => {
  const { records } = readCorpus();
  const leftovers: string[] = [];
  const broken: string[] = [];
  let mathSpans = 0;
  let mathKept = 0;
  for (const record of records) {
    const texts: [string, string, string][] = [
      ['title', record.title, cleanText(record.title)],
      ['abstract', record.abstract, cleanText(record.abstract)],
      ['authors', record.authors, splitAuthors(record.authors).join(', ')],
    ];
    for (const [field, raw, clean] of texts) {
      const accent = ACCENT.exec(clean) ?? TEX_DASH.exec(field === 'abstract' ? '' : clean);
      if (accent)
        leftovers.push(
          `${record.id} ${field}: …${clean.slice(Math.max(0, accent.index - 20), accent.index + 20)}…`,
        );
      const eaten = mangled(raw, clean);
      if (eaten.length > 0) broken.push(`${record.id} ${field}: ${eaten.join(' ')}`);
      const dollars = (text: string) => (text.match(/(?<!\\)\$/g) ?? []).length;
      if (field !== 'authors' && dollars(raw) % 2 === 0) {
        assert.equal(dollars(clean) % 2, 0, `${record.id} ${field}: math spans stay balanced`);
        mathSpans += dollars(raw) / 2;
        mathKept += dollars(clean) / 2;
      }
    }
    assert.doesNotMatch(cleanText(record.abstract), TEX_DASH, `${record.id} abstract dashes`);
  }
  assert.deepEqual(leftovers, [], 'raw accent commands or TeX dashes left');
  assert.deepEqual(broken, [], 'commands mangled into accented letters');
  assert.ok(
    mathKept < mathSpans / 2,
    `${mathSpans - mathKept} of ${mathSpans} math spans converted, ${mathKept} kept`,
  );

  const byId = new Map(records.map((r) => [r.id, r]));
  const clean = (id: string, field: 'title' | 'abstract') => cleanText(byId.get(id)?.[field] ?? '');
  assert.match(
    clean('0704.0200', 'abstract'),
    /couplings to the σ-meson having the predicted mass m_σ=666 MeV/,
  );
  assert.match(clean('0704.0200', 'abstract'), /two-photon width Γ_γγ=2.6 keV/);
  assert.match(clean('0704.0630', 'title'), /^The e⁺ e⁻→ K⁺ K⁻ π⁺π⁻, K⁺ K⁻ π⁰π⁰ and K⁺ K⁻/);
  // Author macros (\Bz, \pip) cannot be known: the span stays exactly as written.
  assert.match(clean('0704.0571', 'title'), /^\$\\Bz\\to\\pip\\pim\\piz\$ Time Dependent Dalitz/);
});
