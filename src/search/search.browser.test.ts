// The search page in a real browser (Chromium via playwright-core) under a strict CSP: Chinese and
// English queries, <mark> highlighting, hostile titles shown as text, and only the needed shards fetched.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { stem } from '../stories/profile/stem.ts';
import { type Manifest, postingPath, shardOf } from './client/engine.js';
import { type SearchDoc, writeSearchIndex } from './static-index.ts';
import { queryTerms } from './tokens.ts';

const CHROMIUM = '/usr/bin/chromium';
const DOCS = JSON.parse(
  await readFile(new URL('testdata/docs.json', import.meta.url), 'utf8'),
) as SearchDoc[];
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'";
const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Search</title></head>
<body>
<form id="search-form"><input id="search-q" name="q" type="search"></form>
<noscript><p>Search needs JavaScript.</p></noscript>
<ol id="search-results"></ol>
<script type="module" src="search/search.js"></script>
</body></html>`;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
};

let dir = '';
let server: Server;
let origin = '';
let browser: Browser;
let manifest: Manifest;

/** Serves `dir` on loopback: GET only, no directory listing, nothing outside `dir`. */
function serve(root: string): Promise<Server> {
  const http = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

/** A page that records console errors, page errors, dialogs, CSP violations and every request. */
async function openPage(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    // The browser asks for /favicon.ico by itself; the test site has none.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, problems, requests };
}

async function query(page: Page, text: string): Promise<void> {
  await page.fill('#search-q', text);
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#search-results:not([aria-busy])', { state: 'attached' });
}

const postingsOf = (requests: string[]) => new Set(requests.filter((path) => path.includes('/p/')));
const expectedPostings = (text: string) => {
  const { required, optional } = queryTerms(text);
  return new Set(
    [...required, ...optional].map(
      (token) => `/search/${postingPath(manifest, shardOf(token, manifest.postingShards))}`,
    ),
  );
};
const titles = (page: Page) =>
  page.$$eval('#search-results li a', (links) => links.map((a) => a.textContent));

const skip = !existsSync(CHROMIUM) && `needs Chromium at ${CHROMIUM}`;

before(async () => {
  if (skip) return;
  dir = await mkdtemp(join(tmpdir(), 'ribao-search-site-'));
  await writeSearchIndex(DOCS, dir, { postingShardBytes: 512, docShardSize: 4 });
  manifest = JSON.parse(await readFile(join(dir, 'search/manifest.json'), 'utf8'));
  await writeFile(join(dir, 'search.html'), PAGE_HTML);
  server = await serve(dir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a Chinese query, then an English one: results, <mark>, only the needed shards', { skip }, async () => {
  const { page, problems, requests } = await openPage();
  await page.goto(`${origin}/search.html`);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(postingsOf(requests), new Set(), 'no shard before a query');

  await query(page, '强化学习');
  // The title match ranks above the body match.
  assert.deepEqual(await titles(page), ['强化学习让大模型学会数学推理', '深度求索发布推理模型']);
  const marks = await page.$$eval('#search-results mark', (nodes) => nodes.map((node) => node.textContent));
  assert.ok(marks.includes('强化学习'), `marks: ${marks}`);
  assert.deepEqual(postingsOf(requests), expectedPostings('强化学习'));
  assert.equal(await page.getAttribute('#search-results li', 'lang'), 'zh');
  assert.equal(new URL(page.url()).searchParams.get('q'), '强化学习');

  requests.length = 0;
  await query(page, 'speculative decoding');
  assert.deepEqual(await titles(page), ['Speculative decoding doubles generation throughput']);
  const english = await page.$$eval('#search-results mark', (nodes) => nodes.map((node) => node.textContent));
  assert.deepEqual(english.slice(0, 2), ['Speculative', 'decoding']);
  assert.deepEqual(postingsOf(requests), expectedPostings('speculative decoding'));
  const docShards = requests.filter((path) => path.includes('/d/'));
  assert.equal(docShards.length, 1, `doc shards: ${docShards}`);
  assert.ok(
    requests.every((path) => path.startsWith('/search/')),
    `${requests}`,
  );

  await query(page, 'zebra');
  assert.match((await page.textContent('#search-status')) ?? '', /No results/);
  assert.deepEqual(await titles(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('hostile titles and texts show as text, and a javascript: URL is no link', { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(`${origin}/search.html?q=${encodeURIComponent('injection')}`);
  await page.waitForSelector('#search-results li');
  await page.waitForSelector('#search-results:not([aria-busy])', { state: 'attached' });
  const shown = await titles(page);
  assert.ok(shown.includes('<img src=x onerror=alert(1)> Prompt injection hides in web pages'), `${shown}`);
  assert.equal(
    await page.$$eval('#search-results img, #search-results script, #search-results b', (n) => n.length),
    0,
  );
  const snippets = await page.$$eval('#search-results li p', (nodes) =>
    nodes.map((node) => node.textContent),
  );
  assert.ok(
    snippets.some((text) => text?.includes("<script>alert('xss')</script>")),
    `${snippets}`,
  );
  const unsafe = await page.$eval('#search-results', (list) =>
    [...list.querySelectorAll('a')]
      .filter((a) => a.textContent?.startsWith('A link that must not run'))
      .map((a) => a.getAttribute('href')),
  );
  assert.deepEqual(unsafe, [null]);

  await query(page, '越狱');
  assert.deepEqual(await titles(page), ['<script>alert("越狱")</script>越狱攻击绕过安全对齐']);
  const marks = await page.$$eval('#search-results li a mark', (nodes) =>
    nodes.map((node) => node.textContent),
  );
  assert.deepEqual(marks, ['越狱', '越狱']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Porter stemmer gives the same stems in Chromium as in Node', { skip }, async () => {
  const { page, problems } = await openPage();
  await page.goto(`${origin}/search.html`);
  const words = (await readFile(new URL('testdata/stem-words.txt', import.meta.url), 'utf8'))
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  const stems = await page.evaluate(async (list) => {
    const porter = (await import(`${location.origin}/search/porter.js`)) as {
      stem: (word: string) => string;
    };
    return list.map((word: string) => porter.stem(word));
  }, words);
  assert.deepEqual(stems, words.map(stem));
  assert.deepEqual(problems, []);
  await page.close();
});
