// The typed-array bucket table: entries per key newest first, capped buckets skipped, growth keeps all.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SlotTable } from './slot-table.ts';

function entries(table: SlotTable, key: number, cap = 100): number[] {
  const seen: number[] = [];
  table.visit(key, cap, (entry) => seen.push(entry));
  return seen;
}

test('buckets hold entries newest first; an unknown key has none', () => {
  const table = new SlotTable(16);
  table.add(7, 1, 100);
  table.add(7, 2, 100);
  table.add(0xffffffff, 3, 100);
  assert.deepEqual(entries(table, 7), [2, 1]);
  assert.deepEqual(entries(table, 0xffffffff), [3]);
  assert.deepEqual(entries(table, 8), []);
  assert.equal(table.count(7), 2);
});

test('a full bucket stops growing and is skipped whole', () => {
  const table = new SlotTable(16);
  for (let i = 0; i < 10; i++) table.add(42, i, 4);
  assert.equal(table.count(42), 4);
  assert.deepEqual(entries(table, 42, 4), []);
  assert.deepEqual(entries(table, 42, 5), [3, 2, 1, 0]);
});

test('growing past the initial size keeps every bucket', () => {
  const table = new SlotTable(16);
  for (let key = 0; key < 5000; key++) table.add(key * 2654435761, key, 10);
  for (const key of [0, 1, 2500, 4999]) assert.deepEqual(entries(table, key * 2654435761), [key]);
  assert.ok(table.bytes > 5000 * 12);
});
