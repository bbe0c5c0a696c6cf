import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { ArxivApiError, parseArxivFeed } from './parse.ts';

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

test('classic serialization: inline namespaces, wrapped text, arxiv: extension elements', () => {
  const feed = parseArxivFeed(testdata('classic.xml'), 'classic.xml');
  assert.equal(feed.id, 'http://arxiv.org/api/q7Tn2mVbKc0Xw9RhZs4LdYpE1aU');
  assert.deepEqual([feed.totalResults, feed.startIndex, feed.itemsPerPage], [57, 0, 3]);
  assert.equal(feed.entries.length, 3);
  const [first, old, third] = feed.entries;
  assert.ok(first && old && third);
  assert.equal(first.id, 'http://arxiv.org/abs/2401.01234v1');
  assert.equal(first.title, 'Sparse Lattice Routing for Long-Context\n  Transformers');
  assert.match(first.summary, /^Long-context inference is .*\ncells\. On a 128K-token/s);
  assert.match(first.summary, /accuracy loss < 1%\n& no retraining\./, 'entities decoded');
  assert.deepEqual(first.authors, [
    { name: 'Lin Yi', affiliation: 'Example University' },
    { name: 'Chen Er', affiliation: null },
  ]);
  assert.deepEqual(first.categories, ['cs.CL', 'cs.LG']);
  assert.equal(first.primaryCategory, 'cs.CL');
  assert.equal(first.comment, '12 pages, 4 figures');
  assert.deepEqual(first.links[1], {
    href: 'http://arxiv.org/pdf/2401.01234v1',
    rel: 'related',
    type: 'application/pdf',
    title: 'pdf',
  });
  assert.equal(old.id, 'http://arxiv.org/abs/hep-th/9901001v2');
  assert.equal(old.title, "Bal\\'azs Duality and the $\\sigma$-Model\n  on Curved Backgrounds");
  assert.equal(old.journalRef, 'Nucl.Phys. B550 (1999) 101-120');
  assert.equal(old.doi, '10.1016/S0550-3213(99)00101-2');
  assert.equal(old.published, '1999-01-04T16:30:00Z');
  assert.equal(old.updated, '1999-02-15T10:20:30Z');
  assert.equal(third.comment, null);
  assert.equal(third.doi, null);
});

test('bad input is an InputError naming the input', () => {
  const classic = testdata('classic.xml');
  const cases: [string, string, RegExp][] = [
    ['empty.xml', '', /empty\.xml: is empty/],
    ['blank.xml', ' \n\t', /blank\.xml: is empty/],
    [
      'truncated.xml',
      classic.slice(0, classic.indexOf('</entry>') + 8),
      /truncated\.xml: is not well-formed XML/,
    ],
    ['cut-in-tag.xml', classic.slice(0, 1500), /cut-in-tag\.xml: is not well-formed XML \(line \d+/],
    [
      'page.html',
      '<!DOCTYPE html>\n<html><head><title>arXiv</title></head><body><p>Busy</body></html>',
      /page\.html: is an HTML page/,
    ],
    [
      'xhtml.xml',
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>hi</p></body></html>',
      /xhtml\.xml: is an HTML page/,
    ],
    [
      'rss.xml',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      /rss\.xml: is XML but not an Atom feed/,
    ],
    ['data.json', '{"entries": []}', /data\.json: is not well-formed XML/],
  ];
  for (const [origin, text, message] of cases) {
    assert.throws(
      () => parseArxivFeed(text, origin),
      (error: unknown) =>
        error instanceof InputError && error.input === origin && message.test(error.message),
      origin,
    );
  }
});

test('an API error feed is an error carrying the API message', () => {
  assert.throws(
    () => parseArxivFeed(testdata('error.xml'), 'error.xml'),
    (error: unknown) =>
      error instanceof ArxivApiError &&
      error instanceof InputError &&
      error.apiMessage === 'incorrect id format for 1234.12345' &&
      error.message === 'error.xml: the arXiv API returned an error: incorrect id format for 1234.12345',
  );
});

test('billion laughs: refused before any entity is declared, let alone expanded', () => {
  const levels = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
  ).join('\n');
  const bomb = `<?xml version="1.0"?>
<!DOCTYPE feed [
<!ENTITY lol0 "lol">
${levels}
]>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/x</id><title>&lol9;</title>
  <entry><id>http://arxiv.org/abs/2401.01234v1</id><title>&lol9;</title><summary>&lol9;</summary></entry>
</feed>`;
  const started = performance.now();
  assert.throws(
    () => parseArxivFeed(bomb, 'bomb.xml'),
    (error: unknown) =>
      error instanceof InputError && /bomb\.xml: has a DOCTYPE declaration/.test(error.message),
  );
  assert.ok(performance.now() - started < 1000, 'rejected without expanding');
});

test('a leading byte-order mark is accepted', () => {
  const feed = parseArxivFeed(`\uFEFF${testdata('classic.xml')}`, 'bom.xml');
  assert.equal(feed.entries.length, 3);
});
