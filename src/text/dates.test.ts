// Tests of feed date parsing: the spellings feeds use, and feedparser's and gofeed's date cases read in
// place from ../shared/data/ (skipped when absent, as in a user's clone), with their pass rates.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseFeedDate, toIsoUtc } from './dates.ts';

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
  assert.equal(toIsoUtc('Nov 22, 2025'), '2025-11-22T00:00:00.000Z');
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00'), '2025-11-22T09:30:00.000Z');
  assert.equal(toIsoUtc('2006-01-02 15:04:05'), '2006-01-02T15:04:05.000Z');
});

test('odd spacing and punctuation, bare US zones, GMT offsets, asctime, slashes, W3C-DTF partials', () => {
  assert.equal(toIsoUtc('Fri,24 Nov 2023 18:28:36 -0000'), '2023-11-24T18:28:36.000Z');
  assert.equal(toIsoUtc('Thu,  5 Apr 2012 10:00:00 GMT'), '2012-04-05T10:00:00.000Z');
  assert.equal(toIsoUtc('Mon, 13 Feb, 2012 06:28:00 UTC'), '2012-02-13T06:28:00.000Z');
  assert.equal(toIsoUtc('Mon, 26 January 2004 16:31:00 PT'), '2004-01-27T00:31:00.000Z');
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00 GMT+8'), '2025-11-22T01:30:00.000Z');
  assert.equal(toIsoUtc('Sun Jan  4 16:29:06 2004'), '2004-01-04T16:29:06.000Z');
  assert.equal(toIsoUtc('Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)'), '2012-08-30T15:26:16.000Z');
  assert.equal(toIsoUtc('2025/11/20 10:00'), '2025-11-20T10:00:00.000Z');
  assert.equal(toIsoUtc('2003-12'), '2003-12-01T00:00:00.000Z');
  assert.equal(toIsoUtc('2003'), '2003-01-01T00:00:00.000Z');
});

test('Chinese and Korean dates are read in their own zone (+08:00, +09:00) unless they name one', () => {
  assert.equal(toIsoUtc('2025年11月20日'), '2025-11-19T16:00:00.000Z');
  assert.equal(toIsoUtc('2025年11月20日 10:30'), '2025-11-20T02:30:00.000Z');
  assert.equal(toIsoUtc('2025年11月20日（星期四） 下午3:05'), '2025-11-20T07:05:00.000Z');
  assert.equal(toIsoUtc('2025年11月20日 10时30分'), '2025-11-20T02:30:00.000Z');
  assert.equal(toIsoUtc('2025年11月20日 10:30 UTC'), '2025-11-20T10:30:00.000Z');
  assert.equal(toIsoUtc('2004년 05월 28일 01:31:15'), '2004-05-27T16:31:15.000Z');
  assert.equal(toIsoUtc('2004-05-25 오후 11:23:17'), '2004-05-25T14:23:17.000Z');
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
    '2003-12-31T25:14:55Z',
    '2013-01-27-01',
    'Sun, 16 Dec 2012 1:2:3:4 GMT',
    'Sun, 16 Dec 2012 11:47:32 +zz:00',
    '9999-12-31T23:59:59-99:99',
    'x'.repeat(10_000),
  ]) {
    assert.equal(toIsoUtc(value), null, String(value));
  }
  assert.equal(toIsoUtc('Sat, 22 Nov 2025 09:30:00 XYZ'), null);
});

const data = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const gofeedCases = `${data}gofeed-testdata/date-parsers.json`;
const feedparserCases = `${data}feedparser-tests/date-parsers.json`;
const absent = (path: string) =>
  existsSync(path) ? false : `real data absent: ${path} (only in the project's CI checkout)`;

test("gofeed's date cases", { skip: absent(gofeedCases) }, (t) => {
  const { cases } = JSON.parse(readFileSync(gofeedCases, 'utf8')) as {
    cases: { input: string; expected_utc: string }[];
  };
  assert.ok(cases.length > 10);
  // gofeed states the instant to the second.
  const failures = cases.filter((c) => toIsoUtc(c.input)?.slice(0, 19) !== c.expected_utc.replace(' ', 'T'));
  t.diagnostic(`gofeed dates: ${cases.length - failures.length}/${cases.length} pass`);
  assert.deepEqual(failures, []);
});

test("feedparser's date cases: the instant (UTC, to the second) or a refusal", {
  skip: absent(feedparserCases),
}, (t) => {
  const { cases } = JSON.parse(readFileSync(feedparserCases, 'utf8')) as {
    cases: { parse_date: string; input_value: string; expected_value: number[] | null }[];
  };
  const failures: string[] = [];
  for (const { parse_date, input_value, expected_value } of cases) {
    const ms = parseFeedDate(input_value);
    const date = ms === null ? null : new Date(ms);
    const got = date && [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    ];
    const want = expected_value?.slice(0, 6) ?? null;
    if (JSON.stringify(got) !== JSON.stringify(want))
      failures.push(
        `${parse_date} ${JSON.stringify(input_value)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
      );
  }
  t.diagnostic(`feedparser dates: ${cases.length - failures.length}/${cases.length} pass`);
  for (const failure of failures) t.diagnostic(`fail: ${failure}`);
  // Known: ISO 8601's ordinal `03335` (YYDDD) is refused, as `22013` must be for the W3C-DTF parser.
  assert.ok(failures.length <= 1, failures.join('\n'));
  assert.ok(cases.length >= 70);
});
