// The CLI end to end, as a user runs it: a real child process, a real SQLite file, real files.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, SHARED, tempDir } from './helpers.ts';

const HF_DAYS = join(SHARED, 'hf-daily-papers', 'daily');
const SAMPLE_HF = join(ROOT, 'samples', 'sources', '2026-11-20.hf-daily.json');

async function storyCount(cwd: string, date: string): Promise<number> {
  const result = await ribao(['stories', '--json', '--date', date], { cwd });
  return (JSON.parse(result.stdout) as { stories: unknown[] }).stories.length;
}

test('every real Hugging Face day imports or is named with its reason; re-importing changes nothing', async (t) => {
  if (!existsSync(HF_DAYS)) return t.skip(`${HF_DAYS} is absent (it comes with ../shared/data)`);
  const cwd = tempDir();
  const files = readdirSync(HF_DAYS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(HF_DAYS, f));
  const first = await ribao(['import', '--json', ...files], { cwd });
  const report = JSON.parse(first.stdout) as {
    imported: number;
    merged: number;
    errors: { input: string; error: string }[];
  };
  for (const e of report.errors)
    assert.ok(
      files.some((f) => e.error.startsWith(f)),
      `error names its file: ${e.error}`,
    );
  t.diagnostic(
    `${files.length} files: ${report.imported} new stories, ${report.merged} merged, ${report.errors.length} files rejected`,
  );
  assert.ok(report.imported > 2000);
  assert.equal(first.code, report.errors.length > 0 ? 3 : 0);
  const again = await ribao(['import', '--json', ...files], { cwd });
  const second = JSON.parse(again.stdout) as {
    imported: number;
    merged: number;
    updated: number;
    skipped: number;
  };
  assert.deepEqual([second.imported, second.merged, second.updated], [0, 0, 0]);
  assert.equal(second.skipped, report.imported + report.merged);
});

test('a paper listed on two days is one story', async () => {
  const cwd = tempDir();
  const day = JSON.parse(readFileSync(SAMPLE_HF, 'utf8')) as unknown[];
  writeFileSync(join(cwd, '2026-11-21.json'), JSON.stringify(day.slice(0, 1)));
  const result = await ribao(['import', SAMPLE_HF, join(cwd, '2026-11-21.json')], { cwd });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 3 new, 1 merged/);
  assert.equal(await storyCount(cwd, '2026-11-20'), 3);
  assert.equal(await storyCount(cwd, '2026-11-21'), 0);
});

test('bad input exits 2 with one clear line naming the input, and the store is unchanged', async () => {
  const cwd = tempDir();
  assert.equal((await ribao(['import', SAMPLE_HF], { cwd })).code, 0);
  const db = readFileSync(join(cwd, 'data', 'ribao.db'));
  const cases: [string, string, RegExp][] = [
    ['truncated.json', '[{"paper": {"id": "2611.0', /truncated\.json: .*(truncated|JSON)/i],
    [
      'page.xml',
      '<!doctype html><html><head><title>x</title></head><body>hi</body></html>',
      /page\.xml: .*HTML/i,
    ],
    ['notes.txt', 'just some words', /notes\.txt: .*format/],
    ['empty.json', '', /empty\.json: is empty/],
  ];
  for (const [name, content, message] of cases) {
    writeFileSync(join(cwd, name), content);
    const result = await ribao(['import', name], { cwd });
    assert.equal(result.code, 2, `${name}: ${result.stderr}`);
    assert.equal(result.stderr.trim().split('\n').length, 1, `${name}: one line, got ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/, 'no stack trace');
  }
  const missing = await ribao(['import', 'nope.json'], { cwd });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json: no such file/);
  const unknown = await ribao(['import', '--format', 'docx', SAMPLE_HF], { cwd });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--format docx: unknown format/);
  assert.equal(await storyCount(cwd, '2026-11-20'), 3);
  assert.ok(db.length > 0);
});

test('usage and configuration errors exit 2', async () => {
  const cwd = tempDir();
  assert.equal((await ribao(['frobnicate'], { cwd })).code, 2);
  assert.equal((await ribao(['import'], { cwd })).code, 2);
  assert.equal((await ribao(['build', '--date', '2026-13-45'], { cwd })).code, 2);
  writeFileSync(join(cwd, 'bad.yaml'), 'publications:\n  papers:\n    template: nope\n');
  const bad = await ribao(['--config', 'bad.yaml', 'config', 'dump'], { cwd });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.yaml: .*template/);
});

test('config dump shows defaults and environment overrides, secrets masked', async () => {
  const cwd = tempDir();
  const env = {
    RIBAO_LLM_BASE_URL: 'http://127.0.0.1:9/v1',
    RIBAO_LLM_API_KEY: 'sk-very-secret',
    RIBAO_LLM_MODEL: 'qwen-plus',
  };
  const result = await ribao(['config', 'dump', '--db', 'x/y.db'], { cwd, env });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /db: x\/y\.db/);
  assert.match(result.stdout, /model: qwen-plus/);
  assert.match(result.stdout, /apiKey: "?\*{8}"?/);
  assert.doesNotMatch(result.stdout, /sk-very-secret/);
  assert.match(result.stdout, /template: paper-digest/);
  assert.match(result.stdout, /template: daily-report/);
});

test('import → build renders both formats to files, without network or LLM', async () => {
  const cwd = tempDir();
  const samples = readdirSync(join(ROOT, 'samples', 'sources')).map((f) =>
    join(ROOT, 'samples', 'sources', f),
  );
  assert.equal((await ribao(['import', ...samples], { cwd })).code, 0);
  const built = await ribao(['build', '--date', '2026-11-20', '--out', 'site'], { cwd });
  assert.equal(built.code, 0, built.stderr);
  const papers = readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8');
  assert.match(papers, /^> 注：本期有 4 条尚未翻译/);
  assert.match(
    papers,
    /\n## Sparse Lattice Routing for Long-Context Transformers\n\[Sparse Lattice Routing for Long-Context Transformers\]\(https:\/\/arxiv\.org\/abs\/2611\.01234\)\n\n/,
  );
  assert.match(papers, /Tokenizer-Free Speech LLMs with ×4 Fewer Parameters/, 'TeX cleaned');
  const daily = readFileSync(join(cwd, 'site', 'daily', '2026-11-20.md'), 'utf8');
  assert.match(daily, /^# AI 日报（11月20日）\n\n/);
  assert.match(daily, /\n# 论文\n\n### \*\*/);
  assert.match(daily, /\n# 声明\n\n本文档仅供学习交流使用，版权归原作者所有。\n$/);
  assert.ok(existsSync(join(cwd, 'site', 'index.html')));
});
