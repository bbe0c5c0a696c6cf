import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import { cleanText } from '../../text/clean.ts';
import descriptor from './source.ts';

const format = descriptor.formats?.find((f) => f.name === 'arxiv-atom');
if (!format) throw new Error('source.ts declares no arxiv-atom format');
const arxivAtom = format;

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const REAL = fileURLToPath(new URL('../../../../shared/data/arxiv-api-atom-2026/', import.meta.url));

/** Every response.xml under the shared folder, in path order. */
function realResponses(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'response.xml') found.push(path);
    }
  };
  walk(REAL);
  return found;
}

// [id, version, title, authors, categories, primary, published, listing day]
const EXPECTED: [string, number, string, string[], string[], string, string, string][] = [
  [
    '2410.19022',
    1,
    'Heterogeneous Random Forest',
    ['Ye-eun Kim', 'Seoung Yun Kim', 'Hyunjoong Kim'],
    ['cs.LG', 'stat.ML'],
    'cs.LG',
    '2024-10-24T09:18:55Z',
    '2024-10-25',
  ],
  [
    '2410.19022',
    1,
    'Heterogeneous Random Forest',
    ['Ye-eun Kim', 'Seoung Yun Kim', 'Hyunjoong Kim'],
    ['cs.LG', 'stat.ML'],
    'cs.LG',
    '2024-10-24T09:18:55Z',
    '2024-10-25',
  ],
  [
    '1903.02058',
    2,
    'Rotatable random sequences in local fields',
    ['Steven N. Evans', 'Daniel Raban'],
    ['math.PR'],
    'math.PR',
    '2019-03-05T21:16:31Z',
    '2019-03-07',
  ],
  [
    '2412.12023',
    1,
    "Rotating random trees with Skorokhod's $M_1$ topology",
    ['Antoine Aurillard'],
    ['math.PR'],
    'math.PR',
    '2024-12-16T17:48:59Z',
    '2024-12-17',
  ],
  [
    '1706.09868',
    1,
    'Rotational random walk of the harmonic three body system',
    ['Ori Katz-Saporta', 'Efi Efrati'],
    ['nlin.CD'],
    'nlin.CD',
    '2017-06-29T17:30:11Z',
    '2017-06-30',
  ],
  [
    '2101.02199',
    5,
    'Random-field random surfaces',
    ['Paul Dario', 'Matan Harel', 'Ron Peled'],
    ['math-ph', 'math.PR'],
    'math-ph',
    '2021-01-06T18:59:05Z',
    '2021-01-07',
  ],
  [
    '2502.06628',
    1,
    "Random Variables aren't Random",
    ['Paul W. Vos'],
    ['stat.OT'],
    'stat.OT',
    '2025-02-10T16:26:01Z',
    '2025-02-11',
  ],
  [
    '2409.12515',
    1,
    'Random Markov property for random walks in random environments',
    ['Julien Allasia', 'Rangel Baldasso', 'Oriane Blondel', 'Augusto Teixeira'],
    ['math.PR'],
    'math.PR',
    '2024-09-19T07:13:02Z',
    '2024-09-20',
  ],
  [
    '1607.04331',
    2,
    'Random projections of random manifolds',
    ['Subhaneil Lahiri', 'Peiran Gao', 'Surya Ganguli'],
    ['stat.ML', 'cs.LG', 'q-bio.NC'],
    'stat.ML',
    '2016-07-14T21:43:39Z',
    '2016-07-18',
  ],
  [
    '1910.08253',
    1,
    'Random Graphs from Random Matrices',
    ['Igor Rivin'],
    ['math.PR', 'hep-th'],
    'math.PR',
    '2019-10-18T04:16:06Z',
    '2019-10-21',
  ],
];

test('the real 2026 API responses (current serialization)', (t) => {
  if (!existsSync(REAL)) {
    t.skip(`shared data not found at ${REAL}; the real-response checks need ../shared/data`);
    return;
  }
  const files = realResponses();
  assert.equal(files.length, 4);
  const items: RawItem[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.equal(arxivAtom.sniff(text, file), true, `sniffs ${file}`);
    items.push(...arxivAtom.parse(text, file));
  }
  assert.equal(items.length, EXPECTED.length);
  for (const [
    index,
    [id, version, title, authors, categories, primary, published, listedOn],
  ] of EXPECTED.entries()) {
    const item = items[index];
    assert.ok(item);
    assert.equal(item.externalId, id);
    assert.equal(item.kind, 'paper');
    assert.equal(item.url, `https://arxiv.org/abs/${id}`);
    assert.equal(item.title, title);
    assert.deepEqual(item.authors, authors);
    assert.equal(item.publishedAt, published);
    assert.equal(item.listedOn, listedOn, `${id} listing day`);
    assert.equal(item.lang, 'en');
    assert.ok(item.summary.length > 100 && !/<\w+[^>]*>/.test(item.summary), `${id} summary is plain text`);
    const extra = item.extra ?? {};
    assert.deepEqual(
      [extra.arxivId, extra.version, extra.categories, extra.primaryCategory],
      [id, version, categories, primary],
      `${id} extra`,
    );
  }
  const withDoi = items.find((i) => i.externalId === '1706.09868');
  assert.equal(withDoi?.extra?.doi, '10.1103/PhysRevLett.122.024102');
  assert.equal(withDoi?.extra?.comment, null);
  assert.equal(withDoi?.extra?.updatedAt, '2017-06-29T17:30:11Z');
  assert.equal(items[0]?.extra?.comment, '18 pages, 6 figures');
  // Current responses keep the authors' paragraph breaks; normalize collapses them.
  assert.match(items[5]?.summary ?? '', /cases\.\n {2}It is shown/);
});

test('the classic fixture becomes RawItems with ids, versions, listing days and raw TeX', () => {
  const items = arxivAtom.parse(testdata('classic.xml'), 'classic.xml');
  assert.deepEqual(
    items.map((i) => [i.externalId, i.url, i.extra?.version, i.listedOn]),
    [
      ['2401.01234', 'https://arxiv.org/abs/2401.01234', 1, '2024-01-03'],
      ['hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001', 2, '1999-01-05'],
      ['2401.04321', 'https://arxiv.org/abs/2401.04321', 3, '2024-01-09'],
    ],
  );
  const [slr, old] = items;
  assert.ok(slr && old);
  assert.deepEqual(slr.authors, ['Lin Yi', 'Chen Er']);
  assert.deepEqual(slr.extra, {
    arxivId: '2401.01234',
    version: 1,
    versions: [{ version: 1, submitted: '2024-01-02T18:59:59Z' }],
    categories: ['cs.CL', 'cs.LG'],
    primaryCategory: 'cs.CL',
    doi: null,
    comment: '12 pages, 4 figures',
    journalRef: null,
    updatedAt: '2024-01-02T18:59:59Z',
  });
  assert.equal(old.title, "Bal\\'azs Duality and the $\\sigma$-Model\n  on Curved Backgrounds");
  assert.equal(cleanText(old.title), 'Balázs Duality and the σ-Model on Curved Backgrounds');
  assert.deepEqual(
    old.authors,
    ['A. Balázs'],
    'author names are cleaned here: normalize keeps names as given',
  );
  assert.deepEqual(old.extra?.versions, [
    { version: 1, submitted: '1999-01-04T16:30:00Z' },
    { version: 2, submitted: '1999-02-15T10:20:30Z' },
  ]);
  assert.equal(old.extra?.doi, '10.1016/S0550-3213(99)00101-2');
  assert.equal(old.extra?.journalRef, 'Nucl.Phys. B550 (1999) 101-120');
  assert.equal(old.publishedAt, '1999-01-04T16:30:00Z');
});

test('sniff: arXiv API responses only', () => {
  assert.equal(arxivAtom.sniff(testdata('classic.xml'), 'classic.xml'), true);
  assert.equal(arxivAtom.sniff(testdata('error.xml'), 'error.xml'), true);
  const blog = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id></feed>';
  assert.equal(arxivAtom.sniff(blog, 'blog.xml'), false);
  const rss = '<rss version="2.0"><channel><link>https://arxiv.org/list/cs.CL/new</link></channel></rss>';
  assert.equal(arxivAtom.sniff(rss, 'arxiv-rss.xml'), false);
  assert.equal(arxivAtom.sniff('[{"paper": {"id": "2401.01234"}}]', 'hf.json'), false);
});

test('a generic Atom feed forced through arxiv-atom is rejected entry by entry', () => {
  const blog = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:blog</id><title>Blog</title>
    <entry><id>https://example.com/posts/1</id><title>Hello</title><published>2024-01-02T00:00:00Z</published></entry></feed>`;
  assert.throws(
    () => arxivAtom.parse(blog, 'blog.xml'),
    (error: unknown) =>
      error instanceof InputError &&
      /^blog\.xml: entry 1: id "https:\/\/example\.com\/posts\/1"/.test(error.message),
  );
});

test('an entry without a usable <published> date is rejected', () => {
  const text = testdata('classic.xml').replace(
    '<published>2024-01-05T20:15:00Z</published>',
    '<published>soon</published>',
  );
  assert.throws(
    () => arxivAtom.parse(text, 'classic.xml'),
    (error: unknown) =>
      error instanceof InputError && /classic\.xml: entry 3 \(2401\.04321\)/.test(error.message),
  );
});
