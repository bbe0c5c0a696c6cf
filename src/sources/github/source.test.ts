// Tests of the `github` descriptor: its config schema and example, and that `config dump` masks the token.
// collect() against a loopback server is collect.test.ts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpConfig } from '../../config/load.ts';
import { ConfigSchema } from '../../config/schema.ts';
import source from './source.ts';

test('the descriptor: kind github, defaults, the example is valid', () => {
  assert.equal(source.kind, 'github');
  assert.deepEqual(source.config.parse({ repos: ['openai/whisper'] }), {
    apiBase: 'https://api.github.com',
    repos: ['openai/whisper'],
    releases: true,
    releasesPerRepo: 5,
    token: null,
    linkedFromPapers: false,
  });
  const { id: _id, kind, ...own } = source.example;
  assert.equal(kind, 'github');
  assert.doesNotThrow(() => source.config.parse(own));
});

test('config: repos are owner/name, something to watch is required, unknown keys refused', () => {
  for (const bad of [
    {},
    { repos: [] },
    { repos: ['whisper'] },
    { repos: ['https://github.com/openai/whisper'] },
    { repos: ['topics/llm'] },
    { repos: ['a/b'], token: '' },
    { repos: ['a/b'], apiBase: 'file:///etc' },
    { repos: ['a/b'], releasesPerRepo: 0 },
    { repos: ['a/b'], repo: ['c/d'] },
  ]) {
    assert.equal(source.config.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.equal(source.config.safeParse({ linkedFromPapers: true }).success, true);
  assert.deepEqual(source.config.parse({ repos: [' a/b '], token: ' ghp_x ' }).repos, ['a/b']);
});

test('config dump masks the token', () => {
  const config = ConfigSchema.parse({
    sources: [{ id: 'gh', kind: 'github', repos: ['openai/whisper'], token: 'ghp_0123456789secret' }],
  });
  const dump = dumpConfig(config);
  assert.doesNotMatch(dump, /ghp_0123456789secret/);
  assert.match(dump, /token: "?\*{8}"?/);
});
