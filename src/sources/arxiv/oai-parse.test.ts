import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { cleanText } from '../../text/clean.ts';
import { adaptOaiResponse } from './oai-adapt.ts';
import { parseOaiResponse } from './oai-parse.ts';
import descriptor from './source.ts';

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

test('an arXiv-format page: headers, deleted records, authors, entities, the resumption token', () => {
  const page = parseOaiResponse(testdata('oai-arxiv-page1.xml'), 'page1.xml');
  assert.equal(page.responseDate, '2024-01-10T12:00:00Z');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.resumption, {
    token: '6960524|1001',
    cursor: 0,
    completeListSize: 5,
    expirationDate: null,
  });
  assert.equal(page.records.length, 3);
  const [first, deleted, old] = page.records;
  assert.ok(first && deleted && old);
  assert.deepEqual(first.header, {
    identifier: 'oai:arXiv.org:2401.00001',
    datestamp: '2024-01-08',
    setSpecs: ['cs', 'cs:cs:CL'],
    deleted: false,
  });
  assert.equal(first.metadata?.format, 'arXiv');
  if (first.metadata?.format !== 'arXiv') return;
  assert.equal(first.metadata.id, '2401.00001');
  assert.deepEqual(first.metadata.authors, [
    { keyname: "Bal\\'azs", forenames: 'Anna', suffix: null, affiliations: ['Example University'] },
    { keyname: 'Chen', forenames: 'Er', suffix: null, affiliations: [] },
  ]);
  assert.equal(
    first.metadata.title,
    'Sparse Routing for the $\\sigma$-Model of\n  Long-Context Transformers',
  );
  assert.match(first.metadata.abstract, /accuracy loss < 1% & no retraining\./);
  assert.deepEqual(first.metadata.categories, ['cs.CL', 'cs.LG']);
  assert.equal(first.metadata.license, 'http://creativecommons.org/licenses/by/4.0/');
  assert.deepEqual([first.metadata.created, first.metadata.updated], ['2024-01-02', '2024-01-08']);
  assert.equal(deleted.header.deleted, true);
  assert.equal(deleted.metadata, null);
  assert.equal(old.metadata?.id, 'cs/0112017');
});

test('the last page: an empty resumption token with attributes; numeric character references', () => {
  const page = parseOaiResponse(testdata('oai-arxiv-page2.xml'), 'page2.xml');
  assert.deepEqual(page.resumption, { token: '', cursor: 3, completeListSize: 5, expirationDate: null });
  const items = adaptOaiResponse(page, 'page2.xml');
  assert.deepEqual(items[0]?.authors, ['Claire René']);
  assert.equal(items[0]?.externalId, 'hep-th/9901001');
  assert.equal(items[1]?.externalId, '0704.0002');
});

test('arXiv-format records become papers; deleted ones are skipped; versions are what the format says', () => {
  const items = adaptOaiResponse(parseOaiResponse(testdata('oai-arxiv-page1.xml'), 'p.xml'), 'p.xml');
  assert.deepEqual(
    items.map((i) => [i.externalId, i.url]),
    [
      ['2401.00001', 'https://arxiv.org/abs/2401.00001'],
      ['cs/0112017', 'https://arxiv.org/abs/cs/0112017'],
    ],
  );
  const [paper, old] = items;
  assert.ok(paper && old);
  assert.deepEqual(paper.authors, ['Anna Balázs', 'Er Chen']);
  assert.equal(cleanText(paper.title), 'Sparse Routing for the σ-Model of Long-Context Transformers');
  assert.equal(paper.publishedAt, '2024-01-02');
  assert.equal(paper.listedOn, null, 'a created day has no time to place it against the cutoff');
  assert.deepEqual(paper.extra, {
    arxivId: '2401.00001',
    version: null,
    versions: [{ version: 1, submitted: '2024-01-02' }],
    categories: ['cs.CL', 'cs.LG'],
    primaryCategory: 'cs.CL',
    doi: null,
    comment: '12 pages, 4 figures',
    journalRef: null,
    updatedAt: '2024-01-08',
    license: 'http://creativecommons.org/licenses/by/4.0/',
  });
  assert.deepEqual(old.authors, ['Jürgen Müller, Jr']);
  assert.equal(old.extra?.version, 1, 'never updated: version 1');
  assert.equal(old.extra?.doi, '10.1000/jlp.2002.001');
  assert.equal(old.extra?.journalRef, 'J. Logic Prog. 12 (2002) 1-20');
});

test('arXivRaw records carry the version history and a listing day', () => {
  const [item, ...rest] = adaptOaiResponse(
    parseOaiResponse(testdata('oai-arxivraw.xml'), 'raw.xml'),
    'raw.xml',
  );
  assert.ok(item);
  assert.equal(rest.length, 0);
  assert.deepEqual(item.authors, ['Anna Balázs', 'Er Chen', 'C.-P. Yuan']);
  assert.equal(item.publishedAt, '2024-01-02T18:59:59.000Z');
  assert.equal(item.listedOn, '2024-01-03');
  assert.equal(item.extra?.version, 2);
  assert.deepEqual(item.extra?.versions, [
    { version: 1, submitted: '2024-01-02T18:59:59.000Z' },
    { version: 2, submitted: '2024-01-08T10:00:00.000Z' },
  ]);
  assert.equal(item.extra?.updatedAt, '2024-01-08T10:00:00.000Z');
});

test('OAI errors are read, not thrown, by the parser; a saved error page is refused on import', () => {
  const none = parseOaiResponse(testdata('oai-no-records.xml'), 'none.xml');
  assert.deepEqual(none.errors, [{ code: 'noRecordsMatch', message: 'No records match the given criteria' }]);
  assert.deepEqual(none.records, []);
  assert.equal(none.resumption, null);
  assert.throws(
    () => adaptOaiResponse(parseOaiResponse(testdata('oai-bad-token.xml'), 'bad.xml'), 'bad.xml'),
    (error: unknown) =>
      error instanceof InputError &&
      /bad\.xml: holds an OAI-PMH error instead of records: badResumptionToken/.test(error.message),
  );
});

test('hostile and broken input is an InputError naming the input', () => {
  const page = testdata('oai-arxiv-page1.xml');
  const bomb = `<?xml version="1.0"?>
<!DOCTYPE OAI-PMH [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header><identifier>&c;</identifier></header></record></ListRecords></OAI-PMH>`;
  const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><OAI-PMH>&e;</OAI-PMH>`;
  const cases: [string, string, RegExp][] = [
    ['bomb.xml', bomb, /has a DOCTYPE declaration/],
    ['external.xml', external, /has a DOCTYPE declaration/],
    ['truncated.xml', page.slice(0, page.indexOf('</record>') + 9), /is not well-formed XML/],
    ['empty.xml', '  ', /is empty/],
    ['busy.html', '<!DOCTYPE html><html><body>Retry later</body></html>', /is an HTML page/],
    ['atom.xml', testdata('classic.xml'), /root element <feed>, not an OAI-PMH response/],
  ];
  for (const [origin, text, message] of cases) {
    assert.throws(
      () => parseOaiResponse(text, origin),
      (error: unknown) =>
        error instanceof InputError && error.input === origin && message.test(error.message),
      origin,
    );
  }
});

test('entities: five XML ones and character references once each; undeclared names stay literal', () => {
  const xml = `<OAI-PMH><responseDate>&amp;lt; &#38;gt; &#x1F600; &#0; &#xD800; &nbsp;</responseDate></OAI-PMH>`;
  assert.equal(parseOaiResponse(xml, 'e.xml').responseDate, '&lt; &gt; 😀 &#0; &#xD800; &nbsp;');
});

test('records the adapter cannot read are InputErrors naming the record', () => {
  const text = testdata('oai-arxiv-page1.xml')
    .replace('<id>2401.00001</id>', '<id>not-an-id</id>')
    .replace('oai:arXiv.org:2401.00001', 'oai:arXiv.org:nonsense');
  assert.throws(
    () => adaptOaiResponse(parseOaiResponse(text, 'p.xml'), 'p.xml'),
    (error: unknown) =>
      error instanceof InputError && /record 1 \(oai:arXiv\.org:nonsense\): "not-an-id"/.test(error.message),
  );
});

test('the arxiv-oai import format sniffs saved pages, and only those', () => {
  const format = descriptor.formats?.find((f) => f.name === 'arxiv-oai');
  assert.ok(format);
  assert.equal(format.sniff(testdata('oai-arxiv-page1.xml'), 'a.xml'), true);
  assert.equal(format.sniff(testdata('oai-arxivraw.xml'), 'a.xml'), true);
  assert.equal(format.sniff(testdata('classic.xml'), 'a.xml'), false);
  const dc =
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><request metadataPrefix="oai_dc">x</request></OAI-PMH>';
  assert.equal(format.sniff(dc, 'dc.xml'), false);
  assert.equal(format.parse(testdata('oai-arxiv-page2.xml'), 'p2.xml').length, 2);
});
