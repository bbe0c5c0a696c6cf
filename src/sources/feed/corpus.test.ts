// Real feeds read in place from ../shared/data/ (never copied): rss-parser's 31 feeds against its golden
// item titles and links, and gofeed's JSON Feed cases. Skipped when the folder is absent (a user's clone).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import { htmlToText } from '../../text/html-text.ts';
import source from './source.ts';

const data = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const rssParser = join(data, 'rss-parser-tests');
const gofeed = join(data, 'gofeed-testdata');
const absent = (folder: string) => (existsSync(folder) ? false : `real data absent: ${folder} (only in CI)`);
const format = source.formats?.[0];
assert.ok(format);

/** Bytes → text by the XML declaration's encoding (encoding.rss is ISO-8859-1), as an HTTP client would. */
function readFeedFile(path: string): string {
  const bytes = readFileSync(path);
  const declared = /encoding\s*=\s*["']([\w.-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  return new TextDecoder(declared ?? 'utf-8').decode(bytes);
}

/** A golden file: UTF-8, except encoding.json, which upstream saved in Latin-1. */
function readGolden(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

interface GoldenItem {
  title?: string;
  link?: string;
}

/** Same link: equal as URLs, or a relative golden link that resolves to ours. */
function sameLink(golden: string, ours: string): boolean {
  try {
    return new URL(golden.trim(), ours || undefined).href === ours;
  } catch {
    return false;
  }
}

test("rss-parser's real feeds: item titles and links match the goldens", { skip: absent(rssParser) }, (t) => {
  const inputs = readdirSync(join(rssParser, 'input')).sort();
  let checked = 0;
  let passed = 0;
  const failures: string[] = [];
  for (const name of inputs) {
    const goldenPath = join(rssParser, 'output', name.replace(/\.\w+$/, '.json'));
    const text = readFeedFile(join(rssParser, 'input', name));
    if (name === 'unrecognized.rss') {
      // rss-parser rejects this one (an HTML "Document Moved" page); we must too, naming the file.
      assert.throws(
        () => format.parse(text, name),
        (error) => error instanceof InputError && error.input === name,
      );
      continue;
    }
    if (!existsSync(goldenPath)) {
      assert.ok(format.parse(text, name).length > 0, `${name} (no golden) has items`);
      continue;
    }
    assert.equal(format.sniff(text, name), true, `sniff ${name}`);
    const golden =
      (JSON.parse(readGolden(goldenPath)) as { feed: { items?: GoldenItem[] } }).feed.items ?? [];
    // We leave out entries with neither title nor link; rss-parser keeps them empty.
    const expected = golden.filter((item) => item.title?.trim() || item.link?.trim());
    let items: RawItem[] = [];
    try {
      items = format.parse(text, name);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
    if (items.length !== expected.length)
      failures.push(`${name}: ${items.length} items, golden has ${expected.length}`);
    expected.forEach((want, i) => {
      const got = items[i];
      checked++;
      const titleOk = !want.title?.trim() || htmlToText(want.title) === got?.title;
      const linkOk = !want.link?.trim() || sameLink(want.link, got?.url ?? '');
      if (titleOk && linkOk) passed++;
      else
        failures.push(
          `${name}#${i}: ${JSON.stringify([want.title, want.link])} ≠ ${JSON.stringify([got?.title, got?.url])}`,
        );
    });
  }
  t.diagnostic(`rss-parser corpus: ${passed}/${checked} items match on title and link`);
  for (const failure of failures.slice(0, 40)) t.diagnostic(`mismatch: ${failure}`);
  assert.ok(checked > 1000, `expected the corpus, checked ${checked} items`);
  assert.ok(passed / checked >= 0.97, `${passed}/${checked} items match`);
});

interface JsonFeedItem {
  id?: string;
  title?: string;
  url?: string;
  external_url?: string;
}

/** Items we keep: a title or a link (json10_simple has an item with neither). */
const hasTitleOrLink = (item: JsonFeedItem) => Boolean(item.title || item.url || item.external_url);

test("gofeed's JSON Feed cases parse; the invalid ones are refused naming the file", {
  skip: absent(gofeed),
}, () => {
  const folders = ['parser/json', 'parser/json/invalid', 'translator/json', 'parser/universal'];
  const files = folders.flatMap((folder) =>
    readdirSync(join(gofeed, folder))
      .filter((name) => name.endsWith('.json') && !name.endsWith('_expected.json'))
      .map((name) => join(gofeed, folder, name)),
  );
  assert.ok(files.length >= 8, `found ${files.length} JSON Feed cases`);
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    if (path.includes('invalid')) {
      assert.throws(
        () => format.parse(text, path),
        (error) => error instanceof InputError && error.input === path,
      );
      continue;
    }
    const raw = JSON.parse(text) as { items: JsonFeedItem[] };
    const kept = raw.items.filter(hasTitleOrLink);
    const items = format.parse(text, path);
    assert.equal(items.length, kept.length, path);
    items.forEach((item, i) => {
      if (kept[i]?.id) assert.equal(item.externalId, kept[i]?.id, path);
      if (kept[i]?.title) assert.equal(item.title, kept[i]?.title, path);
    });
  }
});

test("gofeed's translator: JSON Feed items normalized as gofeed expects", { skip: absent(gofeed) }, () => {
  const folder = join(gofeed, 'translator/json');
  const inputs = readdirSync(folder).filter(
    (name) => name.endsWith('.json') && !name.endsWith('_expected.json'),
  );
  assert.ok(inputs.length >= 3);
  for (const name of inputs) {
    const expected = JSON.parse(
      readFileSync(join(folder, name.replace(/\.json$/, '_expected.json')), 'utf8'),
    ) as {
      items: { guid?: string; title?: string; link?: string; published?: string; image?: { url: string } }[];
    };
    const items = format.parse(readFileSync(join(folder, name), 'utf8'), name);
    const kept = expected.items.filter((item) => item.title || item.link);
    assert.equal(items.length, kept.length, name);
    kept.forEach((want, i) => {
      const got = items[i];
      if (want.guid) assert.equal(got?.externalId, want.guid, `${name} guid`);
      if (want.title) assert.equal(got?.title, want.title, `${name} title`);
      if (want.link) assert.equal(got?.url, want.link, `${name} link`);
      if (want.published)
        assert.equal(got?.publishedAt, new Date(want.published).toISOString(), `${name} date`);
      if (want.image) assert.equal(got?.image, want.image.url, `${name} image`);
    });
  }
});
