// Tests of reading feed text: sniffing for `--format auto`, and every kind of bad input turned into
// an InputError that names the file and the reason. Entity bombs run in a child with a time limit.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { parseFeedText, sniffFeed } from './parse.ts';

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
  assert.throws(
    () => parseFeedText('<rss></rss>', 'hollow.xml'),
    /hollow\.xml: has a <rss> root but no RSS feed content/,
  );
});

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
  rejects('bad/xxe.xml', /external XML entity/);
});

test('a billion-laughs document is read without expanding its entities, in bounded time and memory', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { parseFeedText } from ${JSON.stringify(new URL('./parse.ts', import.meta.url).href)};
    import { adaptFeed } from ${JSON.stringify(new URL('./adapt.ts', import.meta.url).href)};
    const file = new URL(${JSON.stringify(new URL('./testdata/bad/billion-laughs.xml', import.meta.url).href)});
    const text = readFileSync(file, 'utf8');
    const { items } = adaptFeed(parseFeedText(text, 'billion-laughs.xml'));
    process.stdout.write(JSON.stringify(items));`;
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=128', '--input-type=module', '-e', script],
    {
      timeout: 10_000,
      maxBuffer: 1 << 20,
      encoding: 'utf8',
    },
  );
  assert.equal(child.signal, null, 'finished before the time limit');
  assert.equal(child.status, 0, child.stderr);
  const items = JSON.parse(child.stdout) as { title: string; summary: string }[];
  assert.equal(items.length, 1);
  assert.equal(items[0]?.title, 'Bomb &lol9;', 'the reference stays literal');
  assert.ok(child.stdout.length < 1000);
});
