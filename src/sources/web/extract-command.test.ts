// `ribao extract` as a person runs it: a child process on saved pages, JSON lines in input order, a bad
// file reported in its own line with exit 3, stdin with `-`, --url, usage errors with exit 2.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/ribao.js', import.meta.url));
const data = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

function ribao(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

test('several files → one JSON line each, in order; a missing file gets an error line and exit 3', async () => {
  const files = [data('article.html'), data('does-not-exist.html'), data('platforms/csdn.html')];
  const { code, stdout } = await ribao(['extract', ...files]);
  assert.equal(code, 3);
  const [first, second, third] = lines(stdout);
  assert.equal(first?.file, files[0]);
  assert.equal(first?.title, 'Sparse Attention at Scale');
  assert.deepEqual(Object.keys(first ?? {}).sort(), [
    'byline',
    'canonical',
    'excerpt',
    'file',
    'image',
    'lang',
    'markdown',
    'publishedTime',
    'readerable',
    'siteName',
    'text',
    'title',
  ]);
  // No --url: links resolve against the page's canonical link (then its <base href>).
  assert.match(String(first?.markdown), /\(https:\/\/lab\.example\.com\/blog\/notes\/pattern\.html\)/);
  assert.deepEqual(Object.keys(second ?? {}).sort(), ['error', 'file']);
  assert.match(String(second?.error), /no such file|ENOENT/);
  assert.equal(
    third?.title,
    'PyTorch 2 中 torch.compile 的原理与实践',
    'the canonical URL picks the CSDN quirk',
  );
  assert.doesNotMatch(String(third?.markdown), /登录后复制/);
});

test('all good files exit 0; a GBK page is decoded by its <meta charset>; --url sets the base', async () => {
  const { code, stdout } = await ribao([
    'extract',
    '--url',
    'https://news.example/2024/open-models.html',
    data('gbk.html'),
  ]);
  assert.equal(code, 0);
  const [page] = lines(stdout);
  assert.equal(page?.title, '国产大模型开源进展观察');
  assert.match(String(page?.text), /竞争的重点正从参数规模转向数据质量/);
});

test('- reads stdin; without canonical or --url, relative links resolve against a file URL', async () => {
  const html = `<html><body><article><p>${'Saved from a browser, with commas, clauses, and enough words. '.repeat(6)}<a href="next.html">next</a></p></article></body></html>`;
  const { code, stdout } = await ribao(['extract', '-'], html);
  assert.equal(code, 0);
  const [page] = lines(stdout);
  assert.equal(page?.file, '-');
  assert.match(String(page?.markdown), /\[next\]\(file:\/\/\/dev\/next\.html\)/);
  const local = await ribao(['extract', data('hostile.html')]);
  assert.equal(local.code, 0);
  assert.ok(
    String(lines(local.stdout)[0]?.markdown).includes('[a normal link](file:///fine)'),
    'root-relative on a file URL',
  );
});

test('usage errors exit 2: no FILE, a relative --url, an unknown option', async () => {
  for (const args of [
    ['extract'],
    ['extract', '--url', 'relative/path', data('article.html')],
    ['extract', '--bogus', 'x'],
  ]) {
    const { code, stderr, stdout } = await ribao(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^ribao: /);
    assert.equal(stdout, '');
  }
});
