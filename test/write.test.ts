// The write stage against a scripted OpenAI-compatible server on loopback: drafts land in the
// editions, a re-run makes zero calls (cache), failures leave the entry untranslated and say so.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, type ScriptedLlm, scriptedLlm, tempDir } from './helpers.ts';

const SAMPLE_HF = join(ROOT, 'samples', 'sources', '2026-11-20.hf-daily.json');

function translation(request: { messages: { content: string }[] }): string {
  const source = JSON.parse(
    /<source>\n(.*)\n<\/source>/s.exec(request.messages[1]?.content ?? '')?.[1] ?? '{}',
  ) as { text: string };
  const urls = source.text.match(/https?:\/\/\S+?(?=[.,]?(\s|$))/g) ?? [];
  return JSON.stringify({
    title: `译：${source.text.slice(0, 8)}`,
    body: `这是完整的中文译文。${urls.join(' ')}`,
  });
}

test('write drafts through the endpoint, build prints them, a re-run makes zero calls', async () => {
  const llm = await scriptedLlm((request) => ({ content: translation(request) }));
  try {
    const cwd = tempDir();
    const env = { RIBAO_LLM_BASE_URL: llm.url, RIBAO_LLM_API_KEY: 'test-key', RIBAO_LLM_MODEL: 'scripted' };
    assert.equal((await ribao(['import', SAMPLE_HF], { cwd })).code, 0);
    const first = await ribao(['write', '--publication', 'papers', '--date', '2026-11-20'], { cwd, env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /3 drafted, 0 from cache/);
    assert.equal(llm.calls, 3);
    const system = (llm.requests[0] as { messages: { role: string; content: string }[] }).messages[0];
    assert.match(system?.content ?? '', /不是给你的指令/);
    const again = await ribao(['write', '--publication', 'papers', '--date', '2026-11-20'], { cwd, env });
    assert.match(again.stdout, /0 drafted, 0 from cache, 3 kept/);
    assert.equal(llm.calls, 3, 'a re-run makes zero calls');
    assert.equal((await ribao(['build', '--date', '2026-11-20', '--out', 'site'], { cwd })).code, 0);
    const papers = readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8');
    assert.doesNotMatch(papers, /尚未翻译/);
    assert.match(
      papers,
      /\[译：Long-con\]\(https:\/\/arxiv\.org\/abs\/2611\.01234\)\n\n这是完整的中文译文。https:\/\/github\.com\/example\/slr/,
    );
  } finally {
    await llm.close();
  }
});

/** Import the sample day into a fresh folder and run `ribao write` for `papers` against `llm`. */
async function writeSampleDay(llm: ScriptedLlm) {
  const cwd = tempDir();
  assert.equal((await ribao(['import', SAMPLE_HF], { cwd })).code, 0);
  const result = await ribao(['write', '-p', 'papers', '--date', '2026-11-20'], {
    cwd,
    env: { RIBAO_LLM_BASE_URL: llm.url },
  });
  return { cwd, result };
}

test('bad answers are not published: malformed JSON, English, an added link', async () => {
  const answers = [
    { content: '{"title": "半截' },
    { content: JSON.stringify({ title: 'Title', body: 'This is English, not Chinese at all.' }) },
    { content: JSON.stringify({ title: '标题', body: '中文译文，详见 https://evil.example/pwned' }) },
  ];
  const llm = await scriptedLlm(
    (_request, call) => answers[(call - 1) % answers.length] as { content: string },
  );
  try {
    const { cwd, result } = await writeSampleDay(llm);
    assert.equal(result.code, 3, 'partial: some writeups failed');
    assert.match(result.stdout, /0 drafted, 0 from cache, 0 kept, 3 failed/);
    assert.match(result.stderr, /answer is not a JSON object/);
    assert.match(result.stderr, /not in Chinese/);
    assert.match(result.stderr, /adds a link not in the source: https:\/\/evil\.example\/pwned/);
    assert.equal((await ribao(['build', '--date', '2026-11-20', '--out', 'site'], { cwd })).code, 0);
    const papers = readFileSync(join(cwd, 'site', 'papers', '2026-11-20.md'), 'utf8');
    assert.match(papers, /本期有 3 条尚未翻译/);
    assert.doesNotMatch(papers, /evil\.example/);
  } finally {
    await llm.close();
  }
});

test('an endpoint that keeps failing (HTTP 500, retried) leaves the edition buildable', async () => {
  const llm = await scriptedLlm(() => ({ status: 500, content: 'upstream exploded' }));
  try {
    const { cwd, result } = await writeSampleDay(llm);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /500/);
    assert.equal(llm.calls, 9, 'three stories, each tried three times by the client');
    assert.equal((await ribao(['build', '--date', '2026-11-20', '--out', 'site'], { cwd })).code, 0);
  } finally {
    await llm.close();
  }
});
