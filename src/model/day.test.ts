// Calendar days: read strictly, never throw.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayIn, isoDay } from './day.ts';

test('calendar days: real days only, never a throw', () => {
  assert.equal(dayIn(new Date('2026-11-19T17:00:00Z'), 'Asia/Shanghai'), '2026-11-20');
  assert.equal(isoDay('2025-06-10T00:43:01Z'), '2025-06-10');
  assert.equal(isoDay('2026-02-30'), null);
  assert.equal(isoDay('2026-13-45'), null);
  assert.equal(isoDay(undefined), null);
});
