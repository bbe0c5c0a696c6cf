import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isListingDay, listingDay, windowStart } from './announce.ts';

const day = (iso: string) => listingDay(new Date(iso));

test('before the 14:00 New York cutoff on Mon–Thu: listed the next day', () => {
  // January: New York is on EST (UTC−5), so the cutoff is 19:00 UTC.
  assert.equal(day('2024-01-02T18:59:59Z'), '2024-01-03'); // Tue 13:59:59
  assert.equal(day('2024-01-02T05:00:00Z'), '2024-01-03'); // Tue 00:00
  assert.equal(day('2024-01-04T12:00:00Z'), '2024-01-05'); // Thu 07:00 → Friday's listing
});

test('at or after the cutoff: waits for the next weekday cutoff', () => {
  assert.equal(day('2024-01-02T19:00:00Z'), '2024-01-04'); // Tue 14:00 exactly
  assert.equal(day('2024-01-03T04:59:59Z'), '2024-01-04'); // Tue 23:59:59 New York, already Wed in UTC
  assert.equal(day('2024-01-04T19:30:00Z'), '2024-01-08'); // Thu 14:30 → Friday's cutoff → Monday
});

test('Friday and the weekend', () => {
  assert.equal(day('2024-01-05T18:00:00Z'), '2024-01-08'); // Fri 13:00 → announced Sunday, listed Monday
  assert.equal(day('2024-01-05T19:00:00Z'), '2024-01-09'); // Fri 14:00 → Monday's cutoff → Tuesday
  assert.equal(day('2024-01-06T12:00:00Z'), '2024-01-09'); // Saturday
  assert.equal(day('2024-01-08T04:59:00Z'), '2024-01-09'); // Sun 23:59 New York (Monday in UTC)
  assert.equal(day('2024-01-08T18:59:00Z'), '2024-01-09'); // Mon 13:59
});

test('daylight saving: the same UTC time falls either side of the cutoff', () => {
  // US DST began Sunday 2025-03-09: 18:30 UTC is 13:30 EST on Friday the 7th but 14:30 EDT on Monday the 10th.
  assert.equal(day('2025-03-07T18:30:00Z'), '2025-03-10');
  assert.equal(day('2025-03-10T18:30:00Z'), '2025-03-12');
  assert.equal(day('2025-03-10T17:59:59Z'), '2025-03-11'); // 13:59:59 EDT
  // DST ended Sunday 2025-11-02: 18:30 UTC is 14:30 EDT on Friday the 31st, 13:30 EST on Monday the 3rd.
  assert.equal(day('2025-10-31T18:30:00Z'), '2025-11-04');
  assert.equal(day('2025-11-03T18:30:00Z'), '2025-11-04');
  // Submitted in the small hours of the switch itself (a Sunday): Monday's cutoff, Tuesday's listing.
  assert.equal(day('2025-03-09T07:30:00Z'), '2025-03-11');
});

test('windowStart is the first instant of a listing day’s window', () => {
  const cases = ['2024-01-03', '2024-01-08', '2024-01-09', '2025-03-11', '2025-03-12', '2025-11-04'];
  for (const listing of cases) {
    const start = windowStart(listing);
    assert.equal(listingDay(start), listing, `${listing} starts at ${start.toISOString()}`);
    assert.notEqual(listingDay(new Date(start.getTime() - 1000)), listing, listing);
  }
  assert.equal(windowStart('2024-01-03').toISOString(), '2024-01-01T19:00:00.000Z'); // Mon 14:00 EST
  assert.equal(windowStart('2024-01-09').toISOString(), '2024-01-05T19:00:00.000Z'); // Fri 14:00 EST
  assert.equal(windowStart('2025-03-12').toISOString(), '2025-03-10T18:00:00.000Z'); // Mon 14:00 EDT
});

test('listing days are weekdays', () => {
  assert.equal(isListingDay('2024-01-05'), true);
  assert.equal(isListingDay('2024-01-06'), false);
  assert.equal(isListingDay('2024-01-07'), false);
  assert.throws(() => isListingDay('2024/01/05'), RangeError);
});
