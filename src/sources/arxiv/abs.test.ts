import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { cleanText } from '../../text/clean.ts';
import { parseAbsFile, sniffAbs } from './abs.ts';
import { splitAuthors } from './authors.ts';
import descriptor from './source.ts';

const SAMPLE = readFileSync(new URL('testdata/sample.abs', import.meta.url), 'utf8');

test('an .abs file: header fields, continuation lines, revision dates, abstract', () => {
  const [record, old, ...rest] = parseAbsFile(SAMPLE, 'sample.abs');
  assert.ok(record && old);
  assert.equal(rest.length, 0);
  assert.equal(record.id, '2401.00001');
  assert.equal(record.submitter, 'Anna Balazs');
  assert.deepEqual(record.versions, [
    { version: 1, submitted: '2024-01-02T18:59:59.000Z', size: '443kb' },
    { version: 2, submitted: '2024-01-08T10:00:00.000Z', size: '450kb' },
  ]);
  assert.equal(record.title, 'Sparse Routing for the $\\sigma$-Model of Long-Context\n  Transformers');
  assert.deepEqual(record.categories, ['cs.CL', 'cs.LG']);
  assert.equal(record.journalRef, 'Proc. Example Conf. 1 (2024) 1--12');
  assert.equal(record.doi, '10.1000/example.2024.1');
  assert.equal(record.license, 'http://creativecommons.org/licenses/by/4.0/');
  assert.equal(record.reportNo, null);
  assert.match(
    record.abstract,
    /^ {2}We route .*Aharonov--Bohm\.\nMemory falls by 41\\% at \$T\^2\$ cost\.$/s,
  );
  assert.equal(old.id, 'hep-th/9901001');
  assert.deepEqual(
    old.versions.map((v) => v.version),
    [1],
  );
});

test('the arxiv-abs import format: papers with cleaned names, versions and listing days', () => {
  const format = descriptor.formats?.find((f) => f.name === 'arxiv-abs');
  assert.ok(format);
  assert.equal(format.sniff(SAMPLE, 'sample.abs'), true);
  assert.equal(format.sniff('Title: x', 'x.abs'), false);
  const [paper, old] = format.parse(SAMPLE, 'sample.abs');
  assert.ok(paper && old);
  assert.equal(paper.externalId, '2401.00001');
  assert.deepEqual(paper.authors, ['Anna Balázs', 'Øystein Bjørn', 'C.-P. Yuan']);
  assert.equal(paper.publishedAt, '2024-01-02T18:59:59.000Z');
  assert.equal(paper.listedOn, '2024-01-03');
  assert.equal(paper.extra?.version, 2);
  assert.equal(
    cleanText(paper.summary),
    'We route each query to a few lattice cells, following Aharonov–Bohm. Memory falls by 41% at T² cost.',
  );
  assert.equal(old.url, 'https://arxiv.org/abs/hep-th/9901001');
  assert.deepEqual(old.authors, ['Claire René']);
});

test('what is not an .abs record is an InputError naming the file', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.abs', '', /empty\.abs: is empty/],
    ['notes.txt', 'Title: hello\n', /does not start with the dashed rule/],
    [
      'no-title.abs',
      SAMPLE.replace(/^Title: String Junctions and Learning\n/m, ''),
      /record 2: \(hep-th\/9901001\) has no Title: line/,
    ],
    [
      'bad-date.abs',
      SAMPLE.replace('Mon, 4 Jan 1999 16:30:00 GMT', 'sometime in 1999'),
      /unreadable date "sometime in 1999"/,
    ],
    ['cut.abs', SAMPLE.slice(0, 120), /has no \\\\ lines around its header/],
  ];
  for (const [origin, text, message] of cases) {
    assert.throws(
      () => parseAbsFile(text, origin),
      (error: unknown) =>
        error instanceof InputError && error.input === origin && message.test(error.message),
      origin,
    );
  }
  assert.equal(sniffAbs(SAMPLE), true);
});

test('author lists: commas, "and", affiliations, suffixes, TeX', () => {
  assert.deepEqual(splitAuthors("Ramesh Narayan, Bohdan Paczy\\'nski, and Tsvi Piran"), [
    'Ramesh Narayan',
    'Bohdan Paczyński',
    'Tsvi Piran',
  ]);
  assert.deepEqual(splitAuthors('A. One ((1) MIT, (2) ANL), B. Two (2) and C. Three, Jr.'), [
    'A. One',
    'B. Two',
    'C. Three, Jr.',
  ]);
  assert.deepEqual(splitAuthors('The ATLAS Collaboration'), ['The ATLAS Collaboration']);
  assert.deepEqual(splitAuthors('  '), []);
});
