// Tests of the star history: deltas against an earlier day, same-day re-runs, backfills, the bound,
// and reading a stored history that may be malformed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHistory, recordStars, STAR_POINTS } from './stars.ts';

test('the first count has no delta; later days count from the latest earlier day', () => {
  const first = recordStars([], '2025-06-08', 100);
  assert.deepEqual(first, { points: [{ day: '2025-06-08', stars: 100 }], delta: null, since: null });
  const second = recordStars(first.points, '2025-06-10', 130);
  assert.deepEqual(second, {
    points: [
      { day: '2025-06-08', stars: 100 },
      { day: '2025-06-10', stars: 130 },
    ],
    delta: 30,
    since: '2025-06-08',
  });
  assert.equal(recordStars(second.points, '2025-06-11', 125).delta, -5);
});

test('collecting the same day again replaces its point and keeps the delta', () => {
  const points = [
    { day: '2025-06-09', stars: 100 },
    { day: '2025-06-10', stars: 120 },
  ];
  assert.deepEqual(recordStars(points, '2025-06-10', 124), {
    points: [
      { day: '2025-06-09', stars: 100 },
      { day: '2025-06-10', stars: 124 },
    ],
    delta: 24,
    since: '2025-06-09',
  });
});

test('a backfill (a day before the latest point) records nothing: the API only knows today', () => {
  const points = [{ day: '2025-06-10', stars: 120 }];
  assert.deepEqual(recordStars(points, '2025-06-01', 125), { points, delta: null, since: null });
});

test('the history is bounded to the latest points', () => {
  let points: { day: string; stars: number }[] = [];
  for (let day = 1; day <= 20; day++) {
    points = recordStars(points, `2025-06-${String(day).padStart(2, '0')}`, day * 10).points;
  }
  assert.equal(points.length, STAR_POINTS);
  assert.deepEqual(points.at(0), { day: '2025-06-13', stars: 130 });
  assert.deepEqual(points.at(-1), { day: '2025-06-20', stars: 200 });
});

test('readHistory keeps well-formed points, sorted, and drops the rest', () => {
  assert.deepEqual(readHistory(null), {});
  assert.deepEqual(readHistory([1, 2]), {});
  assert.deepEqual(readHistory('stars'), {});
  assert.deepEqual(
    readHistory({
      'openai/whisper': [
        { day: '2025-06-10', stars: 12, note: 'extra keys go' },
        { day: '2025-06-09', stars: 10 },
        { day: 'yesterday', stars: 11 },
        { day: '2025-06-11', stars: 1.5 },
        null,
        'junk',
      ],
      'a/b': 'not a list',
      'c/d': [],
    }),
    {
      'openai/whisper': [
        { day: '2025-06-09', stars: 10 },
        { day: '2025-06-10', stars: 12 },
      ],
    },
  );
});
