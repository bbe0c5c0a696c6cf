import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { bibText, bibtexSeeds, parseBibtex } from './bibtex.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('reads entries in braces and parentheses, skipping @comment, text and @string', () => {
  const entries = parseBibtex(fixture('seeds.bib'), 'seeds.bib');
  assert.deepEqual(
    entries.map((e) => [e.type, e.key]),
    [
      ['inproceedings', 'vaswani2017'],
      ['article', 'beltagy2020longformer'],
      ['article', 'erdos1959'],
      ['misc', 'notitle'],
    ],
  );
  const [vaswani, , erdos] = entries;
  assert.equal(vaswani?.line, 8);
  assert.equal(vaswani?.fields.year, '2017');
  // @string macros expand and `#` concatenates.
  assert.equal(vaswani?.fields.booktitle, 'Advances in Neural Information Processing Systems 30');
  assert.equal(vaswani?.fields.archiveprefix, 'arXiv');
  // Nested braces inside quotes are kept for bibText to resolve.
  assert.match(erdos?.fields.title ?? '', /^On random graphs \{I\}: .*\{\\ss\}tructures$/);
});

test('seeds: cleaned title and abstract, with the arXiv id or DOI each entry records', () => {
  const seeds = bibtexSeeds(fixture('seeds.bib'), 'seeds.bib');
  assert.deepEqual(
    seeds.map((s) => [s.origin, s.keys]),
    [
      ['seeds.bib#vaswani2017', ['arxiv:1706.03762']],
      // Google Scholar writes the arXiv id into `journal`.
      ['seeds.bib#beltagy2020longformer', ['arxiv:2004.05150']],
      ['seeds.bib#erdos1959', ['doi:10.5486/pmd.1959.6.3-4.12']],
    ],
    'an entry with neither title nor identifier is no seed',
  );
  const [vaswani, longformer, erdos] = seeds;
  assert.equal(vaswani?.title, 'Attention Is All You Need');
  assert.match(
    vaswani?.text ?? '',
    /^Attention Is All You Need\nThe dominant sequence .* the Transformer, based/,
  );
  assert.ok(!/\s{2}/.test(vaswani?.text ?? ''), 'hard wraps collapse');
  assert.equal(longformer?.title, 'Longformer: The Long-Document Transformer');
  assert.equal(erdos?.title, 'On random graphs I: a study by Erdős and Rényi with Über-ßtructures');
});

test('TeX in field text becomes Unicode; case-protecting braces and ties go', () => {
  assert.equal(bibText('{\\"U}ber {\\ss} Stra{\\ss}e~42'), 'Über ß Straße 42');
  assert.equal(
    bibText('Cited as a {classic}: $\\alpha$ and {$\\beta$} \\& friends'),
    'Cited as a classic: α and β & friends',
  );
  assert.equal(
    bibText('G{\\"o}del, Ko{\\c{c}}, \\o{}stergaard, \\l{}ukasz'),
    'Gödel, Koç, østergaard, łukasz',
  );
});

for (const [file, entry, reason] of [
  ['unclosed.bib', 'entry broken2021', /expected "," or "}", found the end of the file/],
  ['missing-equals.bib', 'entry noequals2022, field title', /expected "=", found "\{Where Is Th"/],
  ['unclosed-quote.bib', 'entry quote2023, field title', /a quote is never closed/],
] as const) {
  test(`a malformed file is an InputError naming the file and entry: ${file}`, () => {
    assert.throws(
      () => parseBibtex(fixture(file), `testdata/${file}`),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.input, `testdata/${file}`);
        assert.ok(error.message.includes(`${entry} (line `), error.message);
        assert.match(error.message, reason);
        return true;
      },
    );
  });
}

test('an entry without a key, and a brace never closed, are named with their line', () => {
  assert.throws(
    () => parseBibtex('\n\n@article{,\n title={x}}', 'a.bib'),
    /a\.bib: entry @article without a key \(line 3\): expected a citation key/,
  );
  assert.throws(
    () => parseBibtex('@comment{ never closed', 'b.bib'),
    /b\.bib: @comment \(line 1\): a brace is never closed/,
  );
});

test('an empty file, or one with only comments, has no entries', () => {
  assert.deepEqual(parseBibtex('', 'x.bib'), []);
  assert.deepEqual(parseBibtex('% nothing here\n@comment{x}\nmail me@example.org', 'x.bib'), []);
});
