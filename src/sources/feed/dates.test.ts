// Tests of feed date parsing: the spellings feeds use, and gofeed's date cases read in place from
// ../shared/data/gofeed-testdata/date-parsers.json (skipped when absent, as in a user's clone).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toIsoUtc } from './dates.ts';

test('RFC 822 with offsets and zone names, RFC 3339, date-only, all in UTC', () => {
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00 +0800'), '2025-11-22T01:30:00.000Z');
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00 PST'), '2025-11-22T17:30:00.000Z');
  assert.equal(toIsoUtc('22 Nov 25 09:30 GMT'), '2025-11-22T09:30:00.000Z');
  assert.equal(toIsoUtc('2025-11-22T08:15:00-05:00'), '2025-11-22T13:15:00.000Z');
  assert.equal(toIsoUtc('2025-11-22T08:15:00.25+0530'), '2025-11-22T02:45:00.250Z');
  assert.equal(toIsoUtc('2025-11-22'), '2025-11-22T00:00:00.000Z');
  assert.equal(toIsoUtc(' 2025-11-22 08:15:00 '), '2025-11-22T08:15:00.000Z');
});

test('a date without a zone is UTC whatever the machine zone, including loose spellings', () => {
  assert.equal(toIsoUtc('November 22, 2025 3:04 PM'), '2025-11-22T15:04:00.000Z');
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00'), '2025-11-22T09:30:00.000Z');
});

test('absent, unreadable and impossible dates are null', () => {
  for (const value of [
    undefined,
    null,
    '',
    '  ',
    'the day after the conference',
    '2025-02-30',
    '0001-01-01',
  ]) {
    assert.equal(toIsoUtc(value), null, String(value));
  }
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00 XYZ'), null);
});

const corpus = fileURLToPath(
  new URL('../../../../shared/data/gofeed-testdata/date-parsers.json', import.meta.url),
);
const skip = existsSync(corpus) ? false : `real data absent: ${corpus} (only in the project's CI checkout)`;

test("gofeed's date cases", { skip }, () => {
  const { cases } = JSON.parse(readFileSync(corpus, 'utf8')) as {
    cases: { input: string; expected_utc: string }[];
  };
  assert.ok(cases.length > 10);
  for (const { input, expected_utc } of cases) {
    // gofeed states the instant to the second.
    assert.equal(toIsoUtc(input)?.slice(0, 19), expected_utc.replace(' ', 'T'), input);
  }
});
