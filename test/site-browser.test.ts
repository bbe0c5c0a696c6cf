// The built site in a real browser (Debian's Chromium via playwright-core): the demo's store (the
// sample sources with editors' Chinese) built with `ribao build`, served on loopback by serve/static.ts.
// Every page renders and every internal link resolves; no console errors, no CSP violations, axe-core
// finds nothing serious or critical in either theme; search finds Chinese and English; the bilingual
// toggle works with and without JavaScript. Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { listen, serveStatic } from '../src/serve/static.ts';
import {
  axe,
  cspViolations,
  grave,
  HAVE_CHROMIUM,
  launch,
  offlineContext,
} from '../src/site/browser-testing.ts';
import { ROOT, ribao, tempDir } from './helpers.ts';

const skip = !HAVE_CHROMIUM && 'needs Debian chromium at /usr/bin/chromium';
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs', 'screenshots')
  : join(tempDir(), 'screenshots');
const DAY = '2026-11-20';

let browser: Browser;
let server: Server;
let origin = '';

before(async () => {
  if (skip) return;
  const cwd = tempDir();
  const demo = await ribao(['demo', '--no-serve', '--dir', 'demo'], { cwd });
  assert.equal(demo.code, 0, demo.stderr);
  const config = join(ROOT, 'samples', 'demo.config.yaml');
  const built = await ribao(
    ['build', '--config', config, '--db', join('demo', 'ribao.db'), '--date', DAY, '--out', 'site'],
    { cwd },
  );
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /^site site: \d+ pages/m);
  server = serveStatic(join(cwd, 'site'));
  origin = await listen(server, 0);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens `path` and checks what every page must satisfy; returns the page for more. */
async function open(page: Page, path: string): Promise<Page> {
  const response = await page.goto(new URL(path, origin).href);
  assert.equal(response?.status(), 200, path);
  assert.ok(await page.locator('main h1').first().isVisible(), `${path}: a visible heading`);
  return page;
}

test('every page renders, every internal link resolves, no errors, no CSP violations, axe clean in both themes', {
  skip,
}, async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { context, watch } = await offlineContext(browser, { colorScheme });
    const page = await context.newPage();
    const queue = ['index.html'];
    const seen = new Set(queue);
    const checkedLinks = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift() as string;
      await open(page, path);
      assert.deepEqual(await cspViolations(page), [], `${path}: CSP violations`);
      const problems = grave(await axe(page));
      assert.deepEqual(problems, [], `${path} (${colorScheme}): ${JSON.stringify(problems, null, 1)}`);
      const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(origin).origin) continue;
        url.hash = '';
        const target = url.pathname.slice(1);
        if (!checkedLinks.has(target)) {
          checkedLinks.add(target);
          const status = (await fetch(url)).status;
          assert.equal(status, 200, `${path} links to ${target}: HTTP ${status}`);
        }
        if (target.endsWith('.html') && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    assert.ok(seen.size >= 25, `crawled ${seen.size} pages`);
    for (const kind of ['papers/story/', 'daily/section/', 'archive.html', 'about.html', 'search.html']) {
      assert.ok(
        [...seen].some((p) => decodeURIComponent(p).startsWith(kind)),
        `crawl reached ${kind}`,
      );
    }
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.dialogs, []);
    assert.ok(
      watch.offsite.every((r) => r.startsWith('image ')),
      `only pictures come from elsewhere: ${watch.offsite.join(', ')}`,
    );
    await context.close();
  }
});

test('search finds Chinese and English terms', { skip }, async () => {
  const { context, watch } = await offlineContext(browser);
  const page = await open(await context.newPage(), 'search.html');
  for (const [query, expected] of [
    ['稀疏格点路由', '面向长上下文 Transformer 的稀疏格点路由'],
    ['融资', 'Orbital Labs 完成 1.2 亿美元 B 轮融资，研发推理芯片'],
    ['lattice', '面向长上下文 Transformer 的稀疏格点路由'],
    ['refusal', '立场：视觉语言模型的基准应当衡量拒答'],
  ] as const) {
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    const first = page.locator('#search-results li a').first();
    await first.waitFor();
    const titles = await page.locator('#search-results li a').allTextContents();
    assert.ok(titles.includes(expected), `${query}: ${titles.join(' | ')}`);
  }
  // A result opens its story page.
  await page.locator('#search-results li a', { hasText: '拒答' }).first().click();
  await page.waitForURL(/\/story\/[0-9a-f]+\.html$/);
  assert.match((await page.locator('main h1').textContent()) ?? '', /拒答/);
  // ?q= in the address runs the search on load.
  await open(page, 'search.html?q=Orbital');
  await page.locator('#search-results li a').first().waitFor();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual([...watch.consoleErrors, ...watch.pageErrors], []);
  await context.close();
});

test('the English original is one click away, with or without JavaScript', { skip }, async () => {
  for (const javaScriptEnabled of [true, false]) {
    const { context } = await offlineContext(browser, { javaScriptEnabled });
    const page = await open(await context.newPage(), `papers/${DAY}.html`);
    const original = page.locator('details.original').first();
    const english = original.locator('.original-text[lang="en"]');
    assert.equal(await english.isVisible(), false);
    await original.locator('summary').click();
    assert.ok(await english.isVisible(), `opens on click (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
    assert.match((await english.textContent()) ?? '', /Sparse Lattice Routing|Position|Tokenizer/);
    const toggle = page.locator('[data-bilingual] button');
    if (javaScriptEnabled) {
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      const states = await page.$$eval('details.original', (all) =>
        all.map((d) => (d as HTMLDetailsElement).open),
      );
      assert.ok(states.length >= 3 && states.every(Boolean), 'the button opens every original');
      // The choice is remembered on the next page.
      await open(page, `daily/${DAY}.html`);
      const later = await page.$$eval('details.original', (all) =>
        all.map((d) => (d as HTMLDetailsElement).open),
      );
      assert.ok(later.length > 0 && later.every(Boolean));
    } else {
      assert.equal(await toggle.count(), 0, 'no button without JavaScript');
      assert.ok(await page.locator('[data-bilingual]').isHidden());
    }
    await context.close();
  }
});

test('screenshots of home, edition, story and search at desktop and phone widths', { skip }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  const story = await storyPath('面向长上下文 Transformer 的稀疏格点路由');
  for (const [device, viewport, colorScheme] of [
    ['desktop', { width: 1280, height: 900 }, 'light'],
    ['phone', { width: 390, height: 844 }, 'dark'],
  ] as const) {
    const { context } = await offlineContext(browser, { viewport, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [name, path] of [
      ['home', 'index.html'],
      ['edition', `daily/${DAY}.html`],
      ['story', story],
      ['search', 'search.html?q=长上下文'],
    ] as const) {
      await open(page, path);
      if (name === 'search') await page.locator('#search-results li a').first().waitFor();
      if (name === 'story') await page.locator('details.original summary').click();
      const file = join(SHOTS, `${name}-${device}.png`);
      const png = await page.screenshot({ path: file });
      assert.ok(png.length > 5_000, `${file}: ${png.length} bytes`);
    }
    await context.close();
  }
});

/** The papers story page whose title is `title`, found from the edition page. */
async function storyPath(title: string): Promise<string> {
  const { context } = await offlineContext(browser);
  const page = await open(await context.newPage(), `papers/${DAY}.html`);
  const href = await page.locator('article.entry h2 a', { hasText: title }).getAttribute('href');
  await context.close();
  assert.ok(href, title);
  return new URL(href, new URL(`papers/${DAY}.html`, origin)).pathname.slice(1);
}
