// The writer's other tasks through the CLI, against a scripted endpoint on loopback: section
// classification where rules leave a story open, the edition lead, long-article translation, eval.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ChatRequest, fakeTranslation, ROOT, ribao, scriptedLlm, sourceOf, tempDir } from './helpers.ts';

function newsroomModel(request: ChatRequest): string {
  const system = request.messages[0]?.content ?? '';
  const source = sourceOf(request);
  if (system.includes('"section"')) {
    return JSON.stringify({
      section: /raises/.test(String(source.title)) ? '投融资' : '产业',
      tags: ['人工智能'],
    });
  }
  if (system.includes('"lead"')) return JSON.stringify({ lead: '本期导语：芯片融资与开源工具值得关注。' });
  return fakeTranslation(request);
}

const CONFIG = `publications:
  daily:
    title: AI 日报
    template: daily-report
    lead: true
    classify: true
    sections:
      - { title: 研究, match: { keywords: [explained] } }
      - { title: 产业 }
      - { title: 投融资 }
`;

test('classification places what no rule does, the lead opens the edition, a re-run calls nothing', async () => {
  const llm = await scriptedLlm((request) => ({ content: newsroomModel(request) }));
  try {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ribao.config.yaml'), CONFIG);
    const env = { RIBAO_LLM_BASE_URL: llm.url };
    const rss = join(ROOT, 'samples', 'sources', 'ai-news.rss.xml');
    assert.equal((await ribao(['import', rss], { cwd })).code, 0);
    const day = JSON.parse((await ribao(['stories', '--json'], { cwd })).stdout).date as string;
    const written = await ribao(['write', '--date', day], { cwd, env });
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /3 drafted, .*, 2 placed, lead drafted/);
    const classify = llm.requests.find((r) => r.messages[0]?.content.includes('"section"'));
    assert.deepEqual(sourceOf(classify as ChatRequest).sections, ['研究', '产业', '投融资']);
    const calls = llm.calls;
    const again = await ribao(['write', '--date', day], { cwd, env });
    assert.match(
      again.stdout,
      /0 drafted, 0 from cache, 0 flagged, 3 kept, 0 pending, 0 failed, lead cached/,
    );
    assert.equal(llm.calls, calls, 'a re-run makes zero calls');
    assert.equal((await ribao(['build', '--date', day, '--out', 'site'], { cwd })).code, 0);
    const md = readFileSync(join(cwd, 'site', 'daily', `${day}.md`), 'utf8');
    assert.match(md, /^# AI 日报（\d+月\d+日）\n\n本期导语：芯片融资与开源工具值得关注。\n/);
    assert.match(md, /# 投融资\n\n### [^\n]*\n\nhttps:\/\/news\.example\.com\/articles\/orbital-series-b/);
    assert.match(md, /# 产业\n\n### [^\n]*\n\nhttps:\/\/github\.com\/example\/slr-serve/);
  } finally {
    await llm.close();
  }
});

test('translate: a long article chunk by chunk, code and links intact, cached on a second run', async () => {
  const llm = await scriptedLlm((request) => ({ content: fakeTranslation(request) }));
  try {
    const cwd = tempDir();
    const article = join(ROOT, 'src', 'writer', 'testdata', 'chunk-article.md');
    const source = readFileSync(article, 'utf8');
    const first = await ribao(['translate', article, '--out', 'zh.md'], {
      cwd,
      env: { RIBAO_LLM_BASE_URL: llm.url },
    });
    assert.equal(first.code, 0, first.stderr);
    const zh = readFileSync(join(cwd, 'zh.md'), 'utf8');
    assert.match(zh, /译/);
    const protectedText = source.match(/```[\s\S]*?```|https?:\/\/[^\s)"'>]+/g) ?? [];
    for (const kept of protectedText) assert.ok(zh.includes(kept.replace(/[.,;]+$/, '')), kept);
    assert.equal(zh.split('\n').length, source.split('\n').length, 'the structure is kept line for line');
    for (const r of llm.requests) assert.doesNotMatch(r.messages[1]?.content ?? '', /https?:\/\/|```/);
    const calls = llm.calls;
    const again = await ribao(['translate', article], { cwd, env: { RIBAO_LLM_BASE_URL: llm.url } });
    assert.equal(again.stdout, zh);
    assert.equal(llm.calls, calls);
  } finally {
    await llm.close();
  }
});

test('translate without an endpoint says what is missing', async () => {
  const result = await ribao(['translate', join(ROOT, 'README.md')], { cwd: tempDir() });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /needs an LLM endpoint/);
});

test('eval reports what the gate finds in a dataset', async () => {
  const result = await ribao(['eval', join(ROOT, 'src', 'writer', 'testdata', 'eval.jsonl')], {
    cwd: tempDir(),
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /4 records, 3 with a translation, 1 with arXiv's listing prefix/);
  assert.match(result.stdout, /translated the arXiv listing prefix/);
});
