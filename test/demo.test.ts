// `ribao demo` with no network: both editions from the samples, editor edits shown, site served.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, tempDir } from './helpers.ts';

test('demo builds an edition of each template from the samples', async () => {
  const cwd = tempDir();
  const result = await ribao(['demo', '--no-serve'], { cwd });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /papers \(paper-digest\) 2026-11-20: 4 entries/);
  const papers = readFileSync(join(cwd, 'data', 'demo', 'site', 'papers', '2026-11-20.md'), 'utf8');
  assert.match(
    papers,
    /^> 注：本期有 1 条尚未翻译.*\n\n## Sparse Lattice Routing for Long-Context Transformers\n\[面向长上下文 Transformer 的稀疏格点路由\]\(https:\/\/arxiv\.org\/abs\/2611\.01234\)\n\n长上下文推理/,
  );
  const daily = readFileSync(join(cwd, 'data', 'demo', 'site', 'daily', '2026-11-20.md'), 'utf8');
  for (const heading of ['# 资讯', '# 推特', '# 论文', '# HuggingFace&Github', '# 投融资', '# 声明']) {
    assert.match(daily, new RegExp(`\\n${heading}\\n`), heading);
  }
  assert.match(
    daily,
    /### 某研究者：长上下文不是免费的午餐\n\n贡献人：@ribao\n\nhttps:\/\/x\.com\/someone\/status\/1234567890/,
  );
  // A second demo starts from a fresh store again.
  assert.equal((await ribao(['demo', '--no-serve'], { cwd })).code, 0);
});

test('demo serves the site on localhost and prints the URL', async () => {
  const cwd = tempDir();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ribao.js'), 'demo', '--port', '0'], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const found = /serving the demo site at (http:\/\/localhost:\d+\/)/.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('close', (code) => reject(new Error(`demo exited ${code}: ${out}`)));
    });
    const home = await fetch(url);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await home.text(), /AI 论文日报/);
    const edition = await (await fetch(new URL('daily/2026-11-20.html', url))).text();
    assert.match(edition, /一文看懂稀疏格点路由/);
    assert.equal((await fetch(new URL('../../etc/passwd', url))).status, 404);
    assert.equal((await fetch(new URL('%2e%2e/%2e%2e/etc/passwd', url))).status, 404);
  } finally {
    child.kill('SIGTERM');
  }
});
