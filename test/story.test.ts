// An editor's decisions through the CLI: they change the built edition and stay in the history.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, tempDir } from './helpers.ts';

test('ribao story: pin, order, move, drop and show with history, followed by build', async () => {
  const cwd = tempDir();
  const rss = join(ROOT, 'samples', 'sources', 'ai-news.rss.xml');
  assert.equal((await ribao(['import', rss], { cwd })).code, 0);
  const listed = JSON.parse((await ribao(['stories', '--json'], { cwd })).stdout) as {
    date: string;
    stories: { id: string; items: { url: string }[] }[];
  };
  const byUrl = (part: string) =>
    listed.stories.find((s) => s.items.some((i) => i.url.includes(part)))?.id ?? '';
  const [orbital, serve, explained] = [byUrl('orbital'), byUrl('slr-serve'), byUrl('slr-explained')];
  const run = async (...args: string[]) => {
    const result = await ribao(['story', ...args, '--by', 'ed'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };
  await run('move', serve, '-p', 'daily', '--section', '投融资');
  await run('order', '-p', 'daily', explained, orbital);
  await run('pin', serve, '-p', 'daily');
  await run('drop', explained);
  assert.equal((await ribao(['build', '--date', listed.date, '--out', 'site'], { cwd })).code, 0);
  const md = readFileSync(join(cwd, 'site', 'daily', `${listed.date}.md`), 'utf8');
  assert.doesNotMatch(md, /slr-explained/, 'dropped');
  const section = md.slice(md.indexOf('# 投融资'));
  assert.ok(
    section.indexOf('slr-serve') < section.indexOf('orbital-series-b'),
    'pinned first, then by position',
  );
  const shown = JSON.parse(await run('show', serve, '--json')) as {
    history: { action: string; by: string }[];
  };
  assert.deepEqual(
    shown.history.map((h) => `${h.action} by ${h.by}`),
    ['pin by ed', 'move by ed'],
  );
  const bad = await ribao(['story', 'move', serve, '-p', 'daily', '--section', '不存在'], { cwd });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--section 不存在: not a section of daily/);
  const missing = await ribao(['story', 'drop', 'nope'], { cwd });
  assert.match(missing.stderr, /nope: no such story/);
});
