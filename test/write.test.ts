// The write stage through the CLI, against a scripted OpenAI-compatible server on loopback: drafts
// land in the editions, a re-run makes zero calls, flagged drafts wait for an editor, the budget
// stops cleanly, `ribao costs` reports what was spent.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  fakeTranslation,
  ROOT,
  ribao,
  type ScriptedLlm,
  scriptedLlm,
  tempDir,
  tokensFor,
} from './helpers.ts';

const SAMPLE_HF = join(ROOT, 'samples', 'sources', '2026-11-20.hf-daily.json');
const WRITE = ['write', '-p', 'papers', '--date', '2026-11-20'];
const BUILD = ['build', '--date', '2026-11-20', '--out', 'site'];

async function sampleDay(): Promise<string> {
  const cwd = tempDir();
  assert.equal((await ribao(['import', SAMPLE_HF], { cwd })).code, 0);
  return cwd;
}

const envFor = (llm: ScriptedLlm) => ({
  RIBAO_LLM_BASE_URL: llm.url,
  RIBAO_LLM_API_KEY: 'k',
  RIBAO_LLM_MODEL: 'scripted',
});

test('write drafts through the endpoint, build prints them, a re-run makes zero calls', async () => {
  const llm = await scriptedLlm((request) => ({ content: fakeTranslation(request) }));
  try {
    const cwd = await sampleDay();
    const first = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /3 drafted, 0 from cache, 0 flagged, 0 kept, 0 pending, 0 failed/);
    assert.equal(llm.calls, 3);
    const again = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.match(again.stdout, /0 drafted, 0 from cache, 0 flagged, 3 kept/);
    assert.equal(llm.calls, 3, 'a re-run makes zero calls');
    assert.equal((await ribao(BUILD, { cwd })).code, 0);
    const papers = readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8');
    assert.doesNotMatch(papers, /尚未翻译/);
    assert.match(
      papers,
      /\]\(https:\/\/arxiv\.org\/abs\/2611\.01234\)\n\n.*译.*https:\/\/github\.com\/example\/slr/,
    );
    const costs = await ribao(['costs', '--by', 'task'], { cwd });
    assert.match(costs.stdout, /paper-translation\s+3\s+0%/);
  } finally {
    await llm.close();
  }
});

test('bad answers are retried once with the complaint, then flagged for an editor, never printed', async () => {
  const answers = [
    { content: '{"title": "半截' },
    { content: JSON.stringify({ title: 'Title', body: 'This is English, not Chinese at all.' }) },
    { content: JSON.stringify({ title: '标题', body: '中文译文，详见 https://evil.example/pwned' }) },
  ];
  const llm = await scriptedLlm(
    (_request, call) => answers[(call - 1) % answers.length] as { content: string },
  );
  try {
    const cwd = await sampleDay();
    const result = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.equal(result.code, 3, 'partial: writeups need an editor');
    assert.equal(llm.calls, 6, 'each story: one try and one retry');
    assert.match(result.stdout, /0 drafted, 0 from cache, \d flagged/);
    assert.match(result.stderr + result.stdout, /flagged|unusable/);
    assert.equal((await ribao(BUILD, { cwd })).code, 0);
    const papers = readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8');
    assert.match(papers, /本期有 3 条尚未翻译/);
    assert.match(papers, /条机器译文未通过质量检查，正等待编辑审核/);
    assert.doesNotMatch(papers, /evil\.example/);

    const good = await scriptedLlm((request) => ({ content: fakeTranslation(request) }));
    try {
      const redraft = await ribao([...WRITE, '--redraft-flagged'], { cwd, env: envFor(good) });
      assert.equal(redraft.code, 0, redraft.stderr);
      assert.match(redraft.stdout, /3 drafted/);
    } finally {
      await good.close();
    }
  } finally {
    await llm.close();
  }
});

test('an endpoint that keeps failing (HTTP 500, retried) leaves the edition buildable', async () => {
  const llm = await scriptedLlm(() => ({ status: 500, content: 'upstream exploded' }));
  try {
    const cwd = await sampleDay();
    const result = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /500/);
    assert.equal(llm.calls, 9, 'three stories, each tried three times by the client');
    assert.equal((await ribao(BUILD, { cwd })).code, 0);
    const costs = await ribao(['costs', '--json'], { cwd });
    assert.equal(JSON.parse(costs.stdout).lines[0].errors, 3);
  } finally {
    await llm.close();
  }
});

test('the budget stops writing cleanly: the edition still builds, marked, and a later run fills it in', async () => {
  const llm = await scriptedLlm((request) => {
    const content = fakeTranslation(request);
    return { content, usage: tokensFor(request, content) };
  });
  try {
    const cwd = await sampleDay();
    writeFileSync(
      join(cwd, 'ribao.config.yaml'),
      'llm:\n  budget:\n    cost: 0.0008\n  prices:\n    scripted: { input: 1.0, output: 2.0 }\n',
    );
    const capped = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.equal(capped.code, 0, capped.stderr);
    assert.match(capped.stdout, /budget reached: 0\.\d+ of 0\.0008 USD spent/);
    const drafted = Number(/(\d) drafted/.exec(capped.stdout)?.[1]);
    assert.ok(drafted >= 1 && drafted < 3, capped.stdout);
    assert.match(capped.stdout, new RegExp(`${3 - drafted} pending`));
    assert.equal((await ribao(BUILD, { cwd })).code, 0);
    assert.match(readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8'), /尚未翻译/);
    writeFileSync(
      join(cwd, 'ribao.config.yaml'),
      'llm:\n  prices:\n    scripted: { input: 1.0, output: 2.0 }\n',
    );
    const rest = await ribao(WRITE, { cwd, env: envFor(llm) });
    assert.match(rest.stdout, new RegExp(`${3 - drafted} drafted, 0 from cache, 0 flagged, ${drafted} kept`));
  } finally {
    await llm.close();
  }
});
