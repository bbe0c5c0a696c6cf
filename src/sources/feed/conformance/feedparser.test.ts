// feedparser's own test files read in place from ../shared/data/feedparser-tests (never copied): each
// file's `Expect:` expression is run against our parse where our model can express it. Reports the pass
// rate and the failures; the sanitize/ cases are counted apart (sanitizing is the publishing stage's).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../errors.ts';
import { decodeBody } from '../../../fetch/charset.ts';
import { adaptDocument } from '../adapt.ts';
import { parseFeed } from '../parse.ts';
import { expressible, type Outcome, verdict } from './feedparser-view.ts';
import { type Expr, parsePython } from './python-expr.ts';

const root = fileURLToPath(new URL('../../../../../shared/data/feedparser-tests/', import.meta.url));
const skip = existsSync(root) ? false : `real data absent: ${root} (only in the project's CI checkout)`;
const FOLDERS = ['wellformed', 'illformed', 'encoding', 'entities'];

test('the expression reader: feedparser-style Python with unicode escapes, chains and calls', () => {
  const tree = parsePython("not bozo and entries[0]['title'] == u'caf\\xe9 \\u2019' == entries[0].get('x')");
  assert.equal(tree.t, 'and');
  const comparison = tree.t === 'and' ? tree.r : undefined;
  assert.equal(comparison?.t, 'cmp');
  assert.deepEqual(comparison?.t === 'cmp' ? comparison.ops : [], ['==', '==']);
  assert.deepEqual(comparison?.t === 'cmp' ? comparison.operands[1] : undefined, { t: 'str', v: 'café ’' });
  assert.equal(expressible(parsePython("entries[0]['title_detail']['language'] == 'en'")), false);
  assert.equal(expressible(parsePython("len(entries) == 2 and feed['title'] == 'x'")), true);
  assert.throws(() => parsePython('entries[0]['), /expected/);
});

interface Case {
  file: string;
  expect: string;
  headers: Map<string, string>;
}

/** The `Expect:` and `Header:` lines of the comment a test file begins with (in its own encoding). */
function readCase(path: string): Case | undefined {
  const bytes = readFileSync(path);
  const head = /<!--([\s\S]*?)-->/.exec(decodeBody(bytes, null).text)?.[1] ?? '';
  const expect = /^\s*Expect:\s*(.+?)\s*$/m.exec(head)?.[1];
  if (!expect) return undefined;
  const headers = new Map<string, string>();
  for (const [, name = '', value = ''] of head.matchAll(/^\s*Header:\s*([\w-]+):\s*(.*?)\s*$/gm))
    headers.set(name.toLowerCase(), value);
  return { file: relative(root, path), expect, headers };
}

/** Our reading of the file as feedparser's test server serves it: at 127.0.0.1:8097, with its headers. */
function ours(testCase: Case): Outcome {
  const bytes = readFileSync(join(root, testCase.file));
  const contentType = testCase.headers.get('content-type') ?? null;
  const { text, charset } = decodeBody(bytes, contentType);
  const served = `http://127.0.0.1:8097/tests/${testCase.file}`;
  // The HTTP layer reports where the body came from; a Content-Location that is no web address is ignored.
  const location = testCase.headers.get('content-location');
  const located = location ? new URL(location, served).href : served;
  const documentUrl = /^https?:/.test(located) ? located : served;
  try {
    const { wire, warnings } = parseFeed(text, testCase.file, contentType);
    const { feed, items } = adaptDocument(wire, { documentUrl });
    return { refused: false, warnings, bytes, text, charset, feed, items };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { refused: true, warnings: [], bytes, text, charset, feed: { title: '', link: null }, items: [] };
  }
}

function files(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return files(path);
      return name.endsWith('.xml') ? [path] : [];
    });
}

test("feedparser's test files: Expect lines our model can express pass", { skip }, (t) => {
  const tally = { files: 0, sanitize: 0, cdf: 0, noExpect: 0, inexpressible: 0, checked: 0, passed: 0 };
  const failures: string[] = [];
  const perFolder = new Map<string, { checked: number; passed: number }>();
  for (const path of FOLDERS.flatMap((folder) => files(join(root, folder)))) {
    tally.files++;
    const testCase = readCase(path);
    if (!testCase) {
      tally.noExpect++;
      continue;
    }
    if (testCase.file.includes('/sanitize/')) {
      tally.sanitize++;
      continue;
    }
    // Microsoft's Channel Definition Format (1997) is no format this source reads: nothing to express.
    if (testCase.file.includes('/cdf/')) {
      tally.cdf++;
      continue;
    }
    let tree: Expr;
    try {
      tree = parsePython(testCase.expect);
    } catch {
      tally.inexpressible++;
      continue;
    }
    if (!expressible(tree)) {
      tally.inexpressible++;
      if (process.env.FEEDPARSER_LIST_INEXPRESSIBLE)
        t.diagnostic(`inexpressible: ${testCase.file}: ${testCase.expect}`);
      continue;
    }
    const outcome = ours(testCase);
    const ok = verdict(tree, outcome);
    const folder = testCase.file.split('/').slice(0, -1).join('/');
    const counts = perFolder.get(folder) ?? { checked: 0, passed: 0 };
    counts.checked++;
    tally.checked++;
    if (ok) {
      counts.passed++;
      tally.passed++;
    } else failures.push(`${testCase.file}: ${testCase.expect} — ours: ${describe(outcome)}`);
    perFolder.set(folder, counts);
  }
  const rate = tally.passed / tally.checked;
  t.diagnostic(
    `feedparser: ${tally.passed}/${tally.checked} expressible cases pass (${(rate * 100).toFixed(1)}%); ` +
      `${tally.inexpressible} not expressible in our model, ${tally.sanitize} sanitize cases skipped, ` +
      `${tally.cdf} CDF (not a feed format we read) skipped, ` +
      `${tally.noExpect} without Expect, ${tally.files} files`,
  );
  for (const [folder, counts] of [...perFolder].sort())
    t.diagnostic(`  ${folder}: ${counts.passed}/${counts.checked}`);
  for (const failure of failures) t.diagnostic(`fail: ${failure}`);
  assert.ok(tally.checked > 600, `expected the corpus, checked ${tally.checked}`);
  assert.ok(rate >= 0.95, `${tally.passed}/${tally.checked} pass`);
});

function describe(outcome: Outcome): string {
  if (outcome.refused) return `refused (decoded as ${outcome.charset})`;
  const [first] = outcome.items;
  const entry = first && {
    title: first.title,
    url: first.url,
    id: first.externalId,
    date: first.publishedAt,
  };
  return JSON.stringify({
    warnings: outcome.warnings,
    feed: outcome.feed,
    entries: outcome.items.length,
    first: entry,
    authors: first?.authors,
    summary: first?.summary.slice(0, 60),
    charset: outcome.charset,
  });
}
