// Reading files to import: encodings declared in the file are honoured, undeclared non-UTF-8 is refused.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readInput, readText } from './read-input.ts';

const testdata = (name: string) => new URL(`../fetch/testdata/${name}`, import.meta.url).pathname;

test('a GB2312 feed that says so in its XML declaration imports as Chinese', async () => {
  const batch = await readInput(testdata('gb2312-feed.xml'), 'auto');
  assert.ok(batch.items.length > 0);
  assert.match(batch.items.map((i) => i.title).join(' '), /[\u4e00-\u9fff]/);
});

test('bytes that are not UTF-8 and declare nothing are refused with the reason', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ribao-read-')), 'latin1.txt');
  writeFileSync(file, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x61]));
  await assert.rejects(readText(file), /latin1\.txt: is not UTF-8 text and declares no encoding/);
});
