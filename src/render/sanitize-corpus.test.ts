// feedparser's sanitizer corpus (../shared/data/feedparser-tests/wellformed/sanitize, 745 feeds): every
// HTML payload in every case, read every way a reader might read it, must come out inert.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeXML } from 'entities';
import { sanitizeHtml } from './sanitize.ts';
import { unsafeParts } from './sanitize-check.ts';

const CORPUS = join(
  new URL('../../..', import.meta.url).pathname,
  'shared/data/feedparser-tests/wellformed/sanitize',
);

/** The feed elements that carry text or HTML in these cases. */
const PAYLOAD =
  /<(content:encoded|xhtml:body|content|summary|title|tagline|subtitle|info|copyright|description|fullitem|body)\b([^>]*)>([\s\S]*?)<\/\1\s*>/g;

/** Each payload read as written (inline XHTML), with one level of XML decoding (escaped HTML), and
 * base64-decoded when the element says so. Reading too many ways only adds inputs. */
function fragments(feed: string): string[] {
  const body = feed.replace(/^<!--[\s\S]*?-->/, '');
  return [...body.matchAll(PAYLOAD)].flatMap(([, , attributes = '', inner = '']) => {
    const raw = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    const reads = [raw, decodeXML(raw)];
    if (/mode=["']base64["']/.test(attributes)) reads.push(Buffer.from(raw, 'base64').toString('utf8'));
    return reads;
  });
}

test('feedparser sanitize corpus: no executable vector survives', {
  skip: !existsSync(CORPUS) && 'needs ../shared/data/feedparser-tests',
}, (t) => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xml'));
  let checked = 0;
  let unsafeBefore = 0;
  const failures: string[] = [];
  for (const file of files) {
    const reads = fragments(readFileSync(join(CORPUS, file), 'utf8'));
    assert.ok(reads.length > 0, `${file}: no payload element found`);
    for (const fragment of reads) {
      if (unsafeParts(fragment).length > 0) unsafeBefore++;
      for (const base of [undefined, 'https://ribao.example/papers/story/x.html']) {
        const out = sanitizeHtml(fragment, { base });
        const problems = unsafeParts(out);
        if (problems.length > 0) failures.push(`${file}: ${problems.join(', ')} in ${out.slice(0, 200)}`);
        checked++;
      }
    }
  }
  t.diagnostic(
    `${files.length} cases; ${unsafeBefore} payload readings unsafe as given; ` +
      `${checked} sanitized (with and without a base), ${failures.length} unsafe`,
  );
  assert.ok(files.length >= 700, `expected the full corpus, found ${files.length} cases`);
  // The check bites: the corpus is mostly attacks, and the checker sees them before sanitizing.
  assert.ok(unsafeBefore >= 300, `only ${unsafeBefore} payloads looked unsafe before sanitizing`);
  assert.deepEqual(failures, []);
});
