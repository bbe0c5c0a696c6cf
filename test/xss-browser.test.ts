// Hostile feed → site, feeds and e-mail, opened in a real browser (Debian's Chromium): none of the
// classic XSS vectors in test/fixtures/xss-feed.xml runs. Every payload calls window.__xss() (and
// many alert()): the test fails on any call and any dialog. Pages are opened as served (with the CSP)
// and again with the CSP bypassed, so the markup itself must be inert, not merely blocked.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/config/load.ts';
import { renderMailHtml } from '../src/email/render-html.ts';
import { assembleEdition } from '../src/pipeline/run.ts';
import { listen, serveStatic } from '../src/serve/static.ts';
import { HAVE_CHROMIUM, launch, offlineContext, type Watch } from '../src/site/browser-testing.ts';
import { openStore } from '../src/store/open.ts';
import { ROOT, ribao, tempDir } from './helpers.ts';

const skip = !HAVE_CHROMIUM && 'needs Debian chromium at /usr/bin/chromium';
const FIXTURE = join(ROOT, 'test', 'fixtures', 'xss-feed.xml');
const DAY = '2026-11-20';

let cwd = '';
let site = '';
let browser: Browser;
let server: Server;
let origin = '';

before(async () => {
  if (skip) return;
  cwd = tempDir();
  const imported = await ribao(['import', FIXTURE], { cwd });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /imported 4 new/);
  const built = await ribao(['build', '--date', DAY, '--out', 'site'], { cwd });
  assert.equal(built.code, 0, built.stderr);
  site = join(cwd, 'site');
  server = serveStatic(site);
  origin = await listen(server, 0);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A context whose pages report any call of window.__xss (and any dialog) into `calls`. */
async function trapped(
  bypassCSP: boolean,
): Promise<{ context: BrowserContext; watch: Watch; calls: string[] }> {
  const { context, watch } = await offlineContext(browser, { bypassCSP });
  const calls: string[] = [];
  await context.exposeFunction('__xss', (what: unknown) => {
    calls.push(String(what));
  });
  return { context, watch, calls };
}

function sitePaths(suffixes: string[]): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(/[\\/]/).join('/'))
    .filter((f) => suffixes.some((s) => f.endsWith(s)))
    .sort();
}

/** Opens a page, clicks every link and summary that stays on the page, focuses every control. */
async function exercise(context: BrowserContext, path: string): Promise<void> {
  const page = await context.newPage();
  const [file = '', query] = path.split('?');
  const url = new URL(file.split('/').map(encodeURIComponent).join('/') + (query ? `?${query}` : ''), origin);
  const response = await page.goto(url.href);
  assert.equal(response?.status(), 200, path);
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('summary, button, input, a, p, img')) {
      for (const type of ['mouseover', 'focus', 'click', 'toggle', 'error', 'load']) {
        element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
      }
    }
  });
  // javascript: links would run on a real click; dispatching `click` follows a link's href.
  const links = await page.$$eval('a[href]', (all) => all.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(
    links.every((href) => !/^\s*(?:javascript|vbscript|data):/i.test(href)),
    `${path}: ${links.filter((h) => /script:|data:/i.test(h)).join(', ')}`,
  );
  await page.waitForTimeout(50);
  await page.close();
}

test('no vector runs on any page of the site, with the CSP and with it bypassed', { skip }, async () => {
  const pages = sitePaths(['.html']);
  assert.ok(pages.length >= 10, pages.join(', '));
  for (const bypassCSP of [false, true]) {
    const { context, watch, calls } = await trapped(bypassCSP);
    for (const path of pages) await exercise(context, path);
    // The search page renders the hostile titles as results too.
    for (const query of ['script', 'javascript', 'Markdown', 'mutation']) {
      await exercise(context, `search.html?q=${query}`);
    }
    assert.deepEqual(calls, [], `__xss called (CSP ${bypassCSP ? 'bypassed' : 'on'})`);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.pageErrors, []);
    await context.close();
  }
});

test('search results show the hostile titles as text', { skip }, async () => {
  const { context, calls } = await trapped(true);
  const page = await context.newPage();
  await page.goto(new URL('search.html?q=markdown', origin).href);
  await page.locator('#search-results li a').first().waitFor();
  const titles = await page.locator('#search-results li a').allTextContents();
  // The importer already reduced titles to text; what is left of the Markdown stays text on every page.
  const hostile =
    "![pic](javascript:__xss('md-title')) [link](javascript:__xss('md-title-link')) **Markdown in a title**";
  assert.ok(titles.includes(hostile), titles.join(' | '));
  assert.equal(await page.locator('#search-results img, #search-results strong').count(), 0);
  const hrefs = await page.$$eval('#search-results a', (all) =>
    all.map((a) => (a as HTMLAnchorElement).href),
  );
  assert.ok(
    hrefs.every((h) => h.startsWith(origin)),
    hrefs.join(', '),
  );
  assert.deepEqual(calls, []);
  await context.close();
});

test('the feeds: opened directly, and every item’s HTML rendered as a page without any CSP', {
  skip,
}, async () => {
  const { context, watch, calls } = await trapped(true);
  const feeds = sitePaths(['.xml', '.json']).filter(
    (f) => !f.startsWith('search/') && !f.startsWith('sitemap'),
  );
  assert.ok(feeds.some((f) => f.endsWith('feed.json')) && feeds.some((f) => f.endsWith('atom.xml')));
  let items = 0;
  for (const path of feeds) {
    await exercise(context, path);
    if (!path.endsWith('.json')) continue;
    const feed = JSON.parse(readFileSync(join(site, path), 'utf8')) as {
      items: { title: string; content_html: string; summary: string }[];
    };
    for (const item of feed.items) {
      const page = await context.newPage();
      // A feed reader puts the title (text) and the content (HTML) into its own page.
      await page.setContent(`<h1>${item.title}</h1><div>${item.content_html}</div><p>${item.summary}</p>`);
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('*')) element.dispatchEvent(new Event('error'));
      });
      await page.close();
      items++;
    }
  }
  assert.ok(items >= 4, `${items} feed items rendered`);
  assert.deepEqual(calls, []);
  assert.deepEqual(watch.dialogs, []);
  await context.close();
});

test('the e-mail of the edition, rendered without any CSP', { skip }, async () => {
  const config = await loadConfig({ db: join(cwd, 'data', 'ribao.db'), env: {} });
  const store = await openStore(config.db);
  const { context, watch, calls } = await trapped(true);
  try {
    for (const name of Object.keys(config.publications)) {
      const edition = await assembleEdition({ config, store }, name, DAY);
      const mail = renderMailHtml(edition, {
        webUrl: 'https://ribao.example/daily/2026-11-20.html',
        unsubscribeUrl: 'https://ribao.example/unsubscribe?token=t',
        prefs: '',
        disclaimer: edition.title,
      });
      const page = await context.newPage();
      await page.setContent(mail);
      await page.evaluate(() => {
        for (const element of document.querySelectorAll('*')) {
          for (const type of ['click', 'error', 'load', 'mouseover']) element.dispatchEvent(new Event(type));
        }
      });
      await page.close();
    }
  } finally {
    await store.close();
  }
  assert.deepEqual(calls, []);
  assert.deepEqual(watch.dialogs, []);
  await context.close();
});
