// Replays every saved real day in ../shared/data/hf-daily-papers/daily/ through the hf-daily import format.
// Reads those files in place (never copies them); skips when the folder is absent, as in a user's clone.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import { parseArxivId } from '../../stories/arxiv-id.ts';
import source from './source.ts';

const folder = fileURLToPath(new URL('../../../../shared/data/hf-daily-papers/daily/', import.meta.url));
const present = existsSync(folder);
const skip = present ? false : `real data absent: ${folder} (only in the project's CI checkout)`;
const MAX_REJECTED = 3;

/** The number of entries a saved day holds, read independently of the parser under test. */
function entryCount(text: string): number {
  const json: unknown = JSON.parse(text);
  if (Array.isArray(json)) return json.length;
  return (json as { data: unknown[] }).data.length;
}

test('every saved real day parses into items or is rejected naming the file', { skip }, () => {
  const format = source.formats?.[0];
  assert.ok(format);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  assert.ok(files.length > 100, `expected the corpus, found ${files.length} files`);
  const rejected: string[] = [];
  for (const name of files) {
    const path = join(folder, name);
    const text = readFileSync(path, 'utf8');
    assert.equal(format.sniff(text, name), true, `sniff ${name}`);
    let items: ReturnType<typeof format.parse>;
    try {
      items = format.parse(text, path);
    } catch (error) {
      assert.ok(error instanceof InputError, `${name}: ${String(error)}`);
      assert.ok(error.message.includes(path), error.message);
      rejected.push(error.message);
      continue;
    }
    assert.equal(items.length, entryCount(text), `${name}: one item per entry`);
    const day = name.slice(0, 10);
    for (const item of items) {
      const arxivId = parseArxivId(String(item.extra?.arxivId))?.id;
      assert.ok(arxivId, `${name}: ${item.externalId} has an arXiv id`);
      assert.equal(item.externalId, `${day}/${arxivId}`);
      assert.equal(item.url, `https://arxiv.org/abs/${arxivId}`);
      assert.ok(item.title.trim(), `${name}: ${item.externalId} has a title`);
      assert.equal(item.listedOn, day);
      assert.equal(item.kind, 'paper');
    }
  }
  if (rejected.length > 0)
    console.log(`hf-daily corpus: rejected ${rejected.length}:\n${rejected.join('\n')}`);
  assert.ok(rejected.length <= MAX_REJECTED, `${rejected.length} of ${files.length} files rejected`);
});

test('the Python-repr days (2024-12-11 … 2025-01-10) are repaired, not rejected', { skip }, () => {
  const format = source.formats?.[0];
  assert.ok(format);
  const days = readdirSync(folder).filter((name) => name >= '2024-12-11' && name <= '2025-01-10.json');
  assert.ok(days.length >= 20, `expected the repr days, found ${days.length}`);
  for (const name of days) {
    const text = readFileSync(join(folder, name), 'utf8');
    const items = format.parse(text, join(folder, name));
    assert.equal(items.length, entryCount(text), name);
    assert.ok(
      items.every((item) => item.authors.length > 0 && item.summary.length > 0),
      `${name}: authors and summaries survive the repair`,
    );
  }
});
