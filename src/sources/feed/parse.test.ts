// Tests of reading feed text: sniffing for `--format auto`, every kind of bad input turned into an
// InputError that names the file and the reason, warnings for what is read anyway, and XML bombs, each
// run in a child process with a time limit and a small heap.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { parseFeed, parseFeedBytes, parseFeedText, sniffFeed } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

function rejects(name: string, reason: RegExp): void {
  assert.throws(
    () => parseFeedText(fixture(name), `testdata/${name}`),
    (error: unknown) => {
      assert.ok(error instanceof InputError, `an InputError, got ${String(error)}`);
      assert.equal(error.input, `testdata/${name}`);
      assert.match(error.message, reason);
      assert.doesNotMatch(error.message, /\n\s+at /, 'no stack trace in the message');
      return true;
    },
  );
}

test('sniff: RSS, Atom, RDF and JSON Feed, behind BOM, declaration, comments and stylesheet PIs', () => {
  for (const name of ['rss2.xml', 'atom.xml', 'rss1.rdf', 'feed.json'])
    assert.equal(sniffFeed(fixture(name)), true, name);
  assert.equal(sniffFeed('\uFEFF  <?xml version="1.0"?><!-- c --><!DOCTYPE rss><rss version="2.0"/>'), true);
  assert.equal(sniffFeed('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), true);
});

test('sniff: not HTML, OPML, other JSON or a <feedback> root', () => {
  for (const name of ['bad/page.html', 'bad/opml.xml', 'bad/not-a-feed.json', 'bad/empty.xml']) {
    assert.equal(sniffFeed(fixture(name)), false, name);
  }
  assert.equal(sniffFeed('<feedback><entry/></feedback>'), false);
  assert.equal(
    sniffFeed('{"version": "1.1", "items": []}'),
    false,
    'only the jsonfeed.org version URL sniffs',
  );
});

test('an HTML page is not a feed, and the error points at the feed it links to', () => {
  rejects(
    'bad/page.html',
    /is an HTML page, not a feed \(the page links to a feed at https:\/\/lab\.example\.com\/blog\/feed\.xml\)/,
  );
  assert.throws(
    () => parseFeedText('<html><body>hi</body></html>', 'x.html'),
    /x\.html: is an HTML page, not a feed$/,
  );
});

test('truncated XML: cut inside a tag, or cut between elements', () => {
  rejects('bad/truncated.xml', /truncated or malformed XML/);
  rejects('bad/unclosed.xml', /root element <rss> is never closed/);
  const broken = '<rss version="2.0"><channel><title>t</title><item><title>x</item></channel></rss>';
  assert.throws(
    () => parseFeedText(broken, 'broken.xml'),
    /^InputError: broken\.xml: is not well-formed XML \(.+\)$/,
  );
});

test('a well-formed feed with nothing in it is an empty feed, not an error', () => {
  assert.deepEqual(parseFeedText('<rss version="2.0">\n</rss>', 'hollow.xml'), { format: 'rss', feed: {} });
  assert.equal(parseFeedText('<feed xmlns="http://www.w3.org/2005/Atom"/>', 'a.xml').format, 'atom');
});

test('read anyway, with a warning: a root end tag missing its ">", undeclared prefixes, bad bytes', () => {
  const cut = parseFeed('<rss version="2.0"><channel><title>t</title></channel></rss', 'cut.xml');
  assert.equal(cut.wire.format, 'rss');
  assert.deepEqual(cut.warnings, ['ends in "</rss" without its ">"']);
  const prefixed = parseFeed('<rss><channel><itunes:subtitle>x</itunes:subtitle></channel></rss>', 'p.xml');
  assert.deepEqual(prefixed.warnings, ['uses undeclared XML namespace prefixes (itunes)']);
  const cdata = '<rss><channel><description><![CDATA[<o:p>Word</o:p>]]></description></channel></rss>';
  assert.deepEqual(parseFeed(cdata, 'c.xml').warnings, [], 'markup inside CDATA is text');
  const served = parseFeed('<rss><channel><title>\uFFFD</title></channel></rss>', 's.xml', 'text/plain');
  assert.deepEqual(served.warnings, [
    'has bytes that are invalid in its encoding (read as U+FFFD)',
    'was served as text/plain, not as a feed type',
  ]);
  const bogus = parseFeed('<?xml version="1.0" encoding="bogus"?><rss><channel/></rss>', 'b.xml');
  assert.deepEqual(bogus.warnings, ['declares an unknown encoding "bogus"']);
});

test('feed files in other encodings decode by BOM or XML declaration (GB2312, Big5, UTF-16)', () => {
  const rss = (encoding: string, title: string) =>
    `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;
  const gb = new Uint8Array(Buffer.from(new TextEncoder().encode(rss('GB2312', 'X'))));
  const gbBytes = Buffer.concat([
    gb.subarray(0, gb.indexOf(0x58)),
    Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
    gb.subarray(gb.indexOf(0x58) + 1),
  ]);
  assert.equal(channelTitle(parseFeedBytes(gbBytes, 'gb.xml').wire), '中文');
  const big5 = Buffer.from(rss('big5', 'X'), 'latin1');
  const big5Bytes = Buffer.concat([
    big5.subarray(0, big5.indexOf(0x58)),
    Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]),
    big5.subarray(big5.indexOf(0x58) + 1),
  ]);
  assert.equal(channelTitle(parseFeedBytes(big5Bytes, 'big5.xml').wire), '中文');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss('utf-8', '日报'), 'utf16le')]);
  assert.equal(
    channelTitle(parseFeedBytes(utf16, 'bom.xml').wire),
    '日报',
    'the BOM wins over the declaration',
  );
  const served = Buffer.from(rss('iso-8859-1', 'caf\u00e9'), 'utf8');
  assert.equal(
    channelTitle(parseFeedBytes(served, 'u.xml', 'application/rss+xml; charset=utf-8').wire),
    'café',
  );
});

function channelTitle(wire: ReturnType<typeof parseFeedText>): string | undefined {
  return wire.format === 'rss' ? wire.feed.title : undefined;
}

test('empty file, non-feed XML, non-XML text', () => {
  rejects('bad/empty.xml', /is empty/);
  rejects('bad/opml.xml', /root element <opml>, not an RSS, Atom or RDF feed/);
  assert.throws(() => parseFeedText('hello', 'notes.txt'), /notes\.txt: is neither XML nor JSON/);
});

test('JSON that is not a JSON Feed, and JSON that is cut off', () => {
  rejects('bad/not-a-feed.json', /is JSON but not a JSON Feed/);
  rejects('bad/broken.json', /is not valid JSON/);
});

test('an external entity (XXE) is refused, never resolved', () => {
  rejects('bad/xxe.xml', /declares an external XML entity \(secret\), which ribao refuses to read/);
});

test('plain internal entities are expanded; the DOCTYPE goes; predefined references stay', () => {
  const text =
    '<!DOCTYPE rss [<!ENTITY id "tag:example.com,"><!ENTITY at "AT&amp;T">]><rss version="2.0"><channel>' +
    '<item><guid isPermaLink="false">&id;2025:/blog/</guid><title>&at; &amp; &unknown;</title></item></channel></rss>';
  const wire = parseFeedText(text, 'entities.xml');
  assert.equal(wire.format === 'rss' && wire.feed.items?.[0]?.guid?.value, 'tag:example.com,2025:/blog/');
  assert.match(
    String(wire.format === 'rss' && wire.feed.items?.[0]?.title),
    /^AT&(?:amp;)?T &(?:amp;)? &unknown;$/,
  );
});

/** Parse a generated document in a child with 128 MB of heap and 20 s; report the error or the items. */
function parseInChild(documentExpression: string): { message: string; ms: number } {
  const script = `
    import { parseFeedText } from ${JSON.stringify(new URL('./parse.ts', import.meta.url).href)};
    import { readFileSync } from 'node:fs';
    const text = ${documentExpression};
    const start = performance.now();
    let message = 'parsed';
    try { parseFeedText(text, 'bomb.xml'); } catch (error) { message = String(error); }
    process.stdout.write(JSON.stringify({ message, ms: performance.now() - start }));`;
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=128', '--input-type=module', '-e', script],
    {
      timeout: 20_000,
      maxBuffer: 1 << 20,
      encoding: 'utf8',
    },
  );
  assert.equal(child.signal, null, 'finished before the time limit');
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { message: string; ms: number };
}

const file = (name: string) =>
  `readFileSync(new URL(${JSON.stringify(new URL(`./testdata/${name}`, import.meta.url).href)}), 'utf8')`;

test('XML bombs end in a clear InputError, in bounded time and memory', () => {
  const bombs: [string, string, RegExp][] = [
    [
      'billion laughs',
      file('bad/billion-laughs.xml'),
      /entities that expand into other entities \(lol1 uses lol\): an entity-expansion bomb/,
    ],
    [
      'quadratic blowup',
      `'<!DOCTYPE rss [<!ENTITY a "' + 'a'.repeat(16000) + '">]><rss><channel><title>' + '&a;'.repeat(100000) + '</title></channel></rss>'`,
      /expands its XML entities past 1 MiB: an entity-expansion bomb/,
    ],
    [
      'XXE',
      `'<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'`,
      /declares an external XML entity \(x\)/,
    ],
    [
      'parameter-entity XXE',
      `'<!DOCTYPE rss [<!ENTITY % d SYSTEM "http://127.0.0.1:9/x.dtd"> %d;]><rss><channel/></rss>'`,
      /declares an external XML entity \(d\)/,
    ],
    [
      '100k nested elements',
      `'<rss><channel><item>' + '<a>'.repeat(100000) + '</a>'.repeat(100000) + '</item></channel></rss>'`,
      /nests XML elements too deeply \(more than 100 levels\)/,
    ],
    [
      'a 64 MB attribute value',
      `'<rss><channel><item><link href="' + 'x'.repeat(64 * 1024 * 1024) + '"/></item></channel></rss>'`,
      /has an XML start tag <link> longer than 1 MiB \(a huge attribute value\)/,
    ],
    [
      '300k attributes',
      `'<rss><channel><item ' + Array.from({ length: 300000 }, (_, i) => 'a' + i + '="1"').join(' ') + '/></channel></rss>'`,
      /has an XML start tag <item> longer than 1 MiB/,
    ],
    [
      '1000 entity declarations',
      `'<!DOCTYPE rss [' + '<!ENTITY e "x">'.repeat(1000) + ']><rss/>'`,
      /declares 1000 XML entities \(ribao reads at most 64\)/,
    ],
  ];
  for (const [name, expression, reason] of bombs) {
    const { message } = parseInChild(expression);
    assert.match(message, /^InputError: bomb\.xml: /, name);
    assert.match(message, reason, name);
  }
});
