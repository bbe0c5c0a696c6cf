import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArxivId } from './arxiv-id.ts';

const id = (input: string) => parseArxivId(input);

test('new-style ids: four digits 0704–1412, five from 1501, versions stripped', () => {
  assert.deepEqual(id('0704.0001'), { id: '0704.0001', version: null });
  assert.deepEqual(id('1412.9999v4'), { id: '1412.9999', version: 4 });
  assert.deepEqual(id('1501.00001'), { id: '1501.00001', version: null });
  assert.deepEqual(id('2401.12345v3'), { id: '2401.12345', version: 3 });
  assert.deepEqual(id('  arXiv:2401.12345v12 '), { id: '2401.12345', version: 12 });
  assert.deepEqual(id('ARXIV: 2401.12345'), { id: '2401.12345', version: null });
  // The wrong sequence length for the month, a month 13, a month before new-style ids began.
  for (const bad of ['2401.1234', '1412.12345', '2413.12345', '0703.0001', '2401.12345v', '2401.12345x']) {
    assert.equal(id(bad), null, bad);
  }
});

test('old-style ids: archive, optional subject class, YYMMNNN', () => {
  assert.deepEqual(id('hep-th/9901001'), { id: 'hep-th/9901001', version: null });
  assert.deepEqual(id('math.GT/0309136'), { id: 'math.GT/0309136', version: null });
  assert.deepEqual(id('cs/0112017v2'), { id: 'cs/0112017', version: 2 });
  assert.deepEqual(id('arXiv:cond-mat/0102536v1'), { id: 'cond-mat/0102536', version: 1 });
  assert.deepEqual(id('q-bio/0401001'), { id: 'q-bio/0401001', version: null });
  for (const bad of [
    'hep-th/990100',
    'hep-th/9913001',
    'HEP-TH/9901001',
    'math.gt/0309136',
    'hep th/9901001',
  ]) {
    assert.equal(id(bad), null, bad);
  }
});

test('URLs on arxiv.org hosts, OAI identifiers and arXiv DOIs', () => {
  const cases: [string, string, number | null][] = [
    ['https://arxiv.org/abs/2401.12345v3', '2401.12345', 3],
    ['http://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001', 2],
    ['https://export.arxiv.org/abs/math.GT/0309136', 'math.GT/0309136', null],
    ['https://arxiv.org/pdf/cs/0112017v2.pdf', 'cs/0112017', 2],
    ['https://arxiv.org/pdf/2401.12345v1', '2401.12345', 1],
    ['https://arxiv.org/html/2401.12345v2/', '2401.12345', 2],
    ['https://www.arxiv.org/abs/2401.12345?context=cs#top', '2401.12345', null],
    ['oai:arXiv.org:2401.12345', '2401.12345', null],
    ['oai:arXiv.org:hep-th/9901001', 'hep-th/9901001', null],
    ['oai:arXiv.org:2404.03708v1', '2404.03708', 1],
    ['10.48550/arXiv.2401.12345', '2401.12345', null],
    ['https://doi.org/10.48550/arXiv.2401.12345', '2401.12345', null],
    ['doi:10.48550/ARXIV.hep-th/9901001', 'hep-th/9901001', null],
  ];
  for (const [input, expected, version] of cases) {
    assert.deepEqual(id(input), { id: expected, version }, input);
  }
  for (const bad of [
    'https://example.com/abs/2401.12345',
    'https://arxiv.org/list/cs.AI/new',
    '10.1000/arXiv.2401.12345',
    'oai:example.org:2401.12345',
    'javascript:2401.12345',
    '',
  ]) {
    assert.equal(id(bad), null, bad);
  }
});

test('sites that show a paper under its arXiv id are aliases of it', () => {
  for (const url of [
    'https://huggingface.co/papers/2611.01234',
    'https://hf.co/papers/2611.01234',
    'https://www.alphaxiv.org/abs/2611.01234v2',
    'https://www.alphaxiv.org/overview/2611.01234',
    'https://ar5iv.labs.arxiv.org/html/2611.01234',
    'https://www.semanticscholar.org/arxiv/2611.01234',
  ]) {
    assert.equal(parseArxivId(url)?.id, '2611.01234', url);
  }
  assert.equal(parseArxivId('https://paperswithcode.com/paper/sparse-lattice-routing'), null);
  assert.equal(parseArxivId('https://huggingface.co/models/2611.01234'), null);
});
