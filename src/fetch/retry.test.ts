// Retry-After parsing and the backoff schedule (the retry loop itself is tested over HTTP in http.test.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffMs, DEFAULT_RETRY, parseRetryAfter } from './retry.ts';

const NOW = Date.parse('2026-11-20T08:00:00Z');

test('Retry-After: delay-seconds or an HTTP date; anything else is ignored', () => {
  assert.equal(parseRetryAfter('120', NOW), 120_000);
  assert.equal(parseRetryAfter(' 0 ', NOW), 0);
  assert.equal(parseRetryAfter('Fri, 20 Nov 2026 08:00:30 GMT', NOW), 30_000);
  assert.equal(parseRetryAfter('Fri, 20 Nov 2026 07:00:00 GMT', NOW), 0, 'a date in the past: now');
  for (const bad of [null, '', '-5', '1.5', 'soon']) assert.equal(parseRetryAfter(bad, NOW), null, `${bad}`);
});

test('backoff doubles per attempt, jittered within its upper half, capped at the maximum wait', () => {
  assert.equal(
    backoffMs(1, DEFAULT_RETRY, () => 0),
    500,
  );
  assert.equal(
    backoffMs(1, DEFAULT_RETRY, () => 1),
    1000,
  );
  assert.equal(
    backoffMs(3, DEFAULT_RETRY, () => 0.5),
    3000,
  );
  assert.equal(
    backoffMs(10, DEFAULT_RETRY, () => 1),
    DEFAULT_RETRY.maxWaitMs,
  );
});
