// gofeed's translator goldens read in place from ../shared/data/gofeed-testdata/translator (never copied):
// its "universal" feed for RSS, Atom and JSON Feed inputs, compared field by field where our model has
// the field (titles, links, ids, dates, text, authors, images, categories). Reports the pass rate.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RawItem } from '../../../model/item.ts';
import { htmlToText } from '../../../text/html-text.ts';
import { adaptDocument, type FeedInfo } from '../adapt.ts';
import { parseFeedBytes } from '../parse.ts';

const root = fileURLToPath(
  new URL('../../../../../shared/data/gofeed-testdata/translator/', import.meta.url),
);
const skip = existsSync(root) ? false : `real data absent: ${root} (only in the project's CI checkout)`;

interface Person {
  name?: string;
  email?: string;
}
interface GoldenItem {
  title?: string;
  link?: string;
  guid?: string;
  description?: string;
  content?: string;
  publishedParsed?: string;
  updatedParsed?: string;
  authors?: Person[];
  image?: { url?: string };
  categories?: string[];
}
interface Golden {
  title?: string;
  link?: string;
  items?: GoldenItem[];
}

type Check = [field: string, ok: boolean, detail: string];

/** One check per field the golden states and our model holds. */
function compare(golden: Golden, feed: FeedInfo, items: RawItem[]): Check[] {
  const checks: Check[] = [];
  const check = (field: string, want: unknown, got: unknown, ok = want === got) =>
    checks.push([field, ok, `${JSON.stringify(want)} ≠ ${JSON.stringify(got)}`]);
  if (golden.title) check('feed.title', text(golden.title), feed.title);
  if (golden.link) check('feed.link', golden.link, feed.link, sameUrl(golden.link, feed.link));
  const wanted = golden.items ?? [];
  check('items', wanted.length, items.length);
  wanted.forEach((want, i) => {
    const got = items[i];
    if (!got) return;
    if (want.title) check('title', text(want.title), got.title);
    if (want.link) check('link', want.link, got.url, sameUrl(want.link, got.url));
    if (want.guid) check('guid', want.guid, got.externalId);
    const date = want.publishedParsed ?? want.updatedParsed;
    if (date) check('date', new Date(date).toISOString(), got.publishedAt);
    // Our summary is the short description before the full content, as text.
    const body = want.description || want.content;
    if (body) check('summary', text(body), got.summary);
    const names = (want.authors ?? []).map((person) => person.name ?? person.email ?? '').filter(Boolean);
    if (names.length) check('authors', names.join('; '), got.authors.join('; '));
    if (want.image?.url) check('image', want.image.url, got.image);
    if (want.categories?.length) {
      const ours = (got.extra?.categories as string[] | undefined) ?? [];
      check('categories', want.categories.join(', '), ours.join(', '));
    }
  });
  return checks;
}

const text = (html: string) => htmlToText(html);

function sameUrl(want: string, got: string | null): boolean {
  if (got === null) return false;
  try {
    return new URL(want).href === got;
  } catch {
    return want === got;
  }
}

function cases(): { name: string; input: string; golden: string }[] {
  return ['rss', 'atom', 'json'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((name) => /\.(xml|json)$/.test(name) && !name.endsWith('_expected.json'))
      .filter((name) => folder === 'json' || name.endsWith('.xml'))
      .map((name) => ({
        name: `${folder}/${name}`,
        input: join(root, folder, name),
        golden: join(
          root,
          folder,
          folder === 'json' ? name.replace(/\.json$/, '_expected.json') : name.replace(/\.xml$/, '.json'),
        ),
      })),
  );
}

test("gofeed's translator goldens: our feed and items agree field by field", { skip }, (t) => {
  let passed = 0;
  let checked = 0;
  let filesPassed = 0;
  const failures: string[] = [];
  const all = cases();
  for (const { name, input, golden } of all) {
    const expected = JSON.parse(readFileSync(golden, 'utf8')) as Golden;
    const { wire } = parseFeedBytes(readFileSync(input), name);
    const { feed, items } = adaptDocument(wire);
    const checks = compare(expected, feed, items);
    for (const [field, ok, detail] of checks) {
      checked++;
      if (ok) passed++;
      else failures.push(`${name} ${field}: ${detail}`);
    }
    if (checks.every(([, ok]) => ok)) filesPassed++;
  }
  t.diagnostic(
    `gofeed translator: ${passed}/${checked} field checks pass (${((passed / checked) * 100).toFixed(1)}%); ` +
      `${filesPassed}/${all.length} files agree on every field`,
  );
  for (const failure of failures) t.diagnostic(`fail: ${failure}`);
  assert.ok(all.length >= 90, `expected the corpus, found ${all.length} cases`);
  assert.ok(passed / checked >= 0.9, `${passed}/${checked} field checks pass`);
});
