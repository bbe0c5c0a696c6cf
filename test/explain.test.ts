// `ribao explain` through the real CLI: sample files imported, then each story explained.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, tempDir } from './helpers.ts';

const SAMPLES = join(ROOT, 'samples', 'sources');

interface Explained {
  story: { id: string; keys: string[]; items: { source: string }[] };
  publication: string | null;
  position: number;
  of: number;
  terms: { name: string; value: number; reason: string }[];
  score: number;
}

async function imported(): Promise<string> {
  const cwd = tempDir();
  const files = [join(SAMPLES, '2026-11-20.hf-daily.json'), join(SAMPLES, 'arxiv-cs-ai.atom')];
  const result = await ribao(['import', ...files], { cwd });
  assert.equal(result.code, 0, result.stderr);
  return cwd;
}

test('explain prints every term with its reason, and a total that is their sum and the listed score', async () => {
  const cwd = await imported();
  const listed = await ribao(['stories', '--json', '--date', '2026-11-20'], { cwd });
  const { stories } = JSON.parse(listed.stdout) as { stories: { id: string; score: number }[] };
  assert.ok(stories.length >= 3);
  for (const [index, { id, score }] of stories.entries()) {
    const result = await ribao(['explain', id, '--json'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const explained = JSON.parse(result.stdout) as Explained;
    assert.equal(explained.score, score, 'the same score as `ribao stories`');
    assert.equal(explained.position, index + 1);
    const hundredths = explained.terms.reduce((sum, t) => sum + Math.round(t.value * 100), 0);
    assert.equal(Math.round(explained.score * 100), hundredths);
  }

  // The paper both hf-daily and arXiv list, found by its arXiv id.
  const text = await ribao(['explain', '2611.01234'], { cwd });
  assert.equal(text.code, 0, text.stderr);
  const lines = text.stdout.split('\n');
  assert.equal(lines[0], 'Sparse Lattice Routing for Long-Context Transformers');
  assert.match(text.stdout, /^ {2}keys: arxiv:2611\.01234 /m);
  assert.match(text.stdout, /^ {2}hf-daily: https:\/\/arxiv\.org\/abs\/2611\.01234$/m);
  assert.match(text.stdout, /^ {2}upvotes +\+4\.96 {2}log1p\(142 upvotes on hf-daily\)$/m);
  assert.match(
    text.stdout,
    /^ {2}sources +\+0\.50 {2}0\.5 × \(2 independent sources − 1\): arxiv, hf-daily$/m,
  );
  const terms = lines.flatMap((line) => {
    const m = /^ {2}(\w+) +([+-]\d+\.\d\d) {2}\S/.exec(line);
    return m ? [Number(m[2])] : [];
  });
  assert.ok(terms.length >= 7, text.stdout);
  const total = Number(/^ {2}score +(\d+\.\d\d)$/m.exec(text.stdout)?.[1]);
  assert.equal(
    Math.round(total * 100),
    terms.reduce((sum, v) => sum + Math.round(v * 100), 0),
  );
});

test('explain finds a story by id prefix or key, within a publication, and says what it cannot find', async () => {
  const cwd = await imported();
  const byArxiv = JSON.parse(
    (await ribao(['explain', 'arXiv:2611.02345', '--json'], { cwd })).stdout,
  ) as Explained;
  const id = byArxiv.story.id;
  const byPrefix = await ribao(['explain', id.slice(0, 6), '--json'], { cwd });
  assert.equal(byPrefix.code, 0, byPrefix.stderr);
  assert.equal((JSON.parse(byPrefix.stdout) as Explained).story.id, id);
  const byKey = await ribao(['explain', 'url:https://arxiv.org/abs/2611.02345', '--json'], { cwd });
  assert.equal((JSON.parse(byKey.stdout) as Explained).story.id, id);

  const inPapers = await ribao(['explain', id, '--publication', 'papers', '--json'], { cwd });
  assert.equal(inPapers.code, 0, inPapers.stderr);
  const explained = JSON.parse(inPapers.stdout) as Explained;
  assert.equal(explained.publication, 'papers');
  assert.equal(explained.score, byArxiv.score, 'no profile or weights configured: the same score');

  const missing = await ribao(['explain', '2611.99999'], { cwd });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^ribao: 2611\.99999: no story holds the key arxiv:2611\.99999\n$/);
  const nothing = await ribao(['explain', 'fffffffff'], { cwd });
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /fffffffff: no story id starts with this/);
  const noPublication = await ribao(['explain', id, '-p', 'weekly'], { cwd });
  assert.equal(noPublication.code, 2);
  assert.match(noPublication.stderr, /--publication weekly: no such publication/);
  assert.equal((await ribao(['explain'], { cwd })).code, 2);
});
