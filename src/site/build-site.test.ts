import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { escapeHtml } from '../render/html.ts';
import { buildSite } from './build-site.ts';
import { PAGE_CSP } from './layout.ts';
import { DAY, htmlPages, publishAll, readSite, sampleSite } from './testing.ts';

/** Relative hrefs and srcs of a page, resolved to paths from the site root. */
function internalLinks(page: string, html: string): string[] {
  const base = new URL(page, 'https://site.invalid/');
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)]
    .map((m) => (m[1] ?? '').replaceAll('&#38;', '&'))
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'))
    .map((href) => decodeURIComponent(new URL(href, base).pathname.slice(1)));
}

test('the site has every page kind, each in the shell with the strict CSP, and every internal link resolves', async () => {
  const site = await sampleSite();
  const report = await buildSite(site, site.out);
  const pages = htmlPages(site.out);
  for (const expected of [
    'index.html',
    'archive.html',
    'about.html',
    'search.html',
    'papers/index.html',
    `papers/${DAY}.html`,
    `daily/${DAY}.html`,
    'daily/section/投融资.html',
    'daily/section/资讯.html',
  ]) {
    assert.ok(pages.includes(expected), `${expected} in ${pages.join(', ')}`);
  }
  assert.equal(pages.filter((p) => p.includes('/story/')).length, 12, 'one story page per printed story');
  assert.equal(report.pages, pages.length);
  for (const page of pages) {
    const html = readSite(site.out, page);
    assert.ok(
      html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PAGE_CSP)}">`),
      page,
    );
    assert.match(html, /<meta name="referrer" content="no-referrer">/);
    assert.doesNotMatch(html, /<style|\sstyle=|<script(?![^>]*\ssrc=)/, `${page}: nothing inline`);
    assert.match(html, /<main id="main"/);
    assert.match(html, /<a class="skip" href="#main">/);
    assert.match(html, /<meta property="og:url" content="https:\/\/ribao\.example\/site\//);
    for (const link of internalLinks(page, html)) {
      const file = join(site.out, ...link.split('/'));
      assert.ok(
        existsSync(file) && (link.endsWith('/') ? existsSync(join(file, 'index.html')) : true),
        `${page} → ${link}`,
      );
    }
    // Relative URLs only: the site works under any base path.
    assert.doesNotMatch(html.replace(/<head>[\s\S]*<\/head>/, ''), /href="https:\/\/ribao\.example/);
  }
  assert.ok(existsSync(join(site.out, 'search', 'manifest.json')));
  assert.ok(existsSync(join(site.out, 'search', 'search.js')));
  assert.ok(
    existsSync(join(site.out, 'assets', 'style.css')) && existsSync(join(site.out, 'assets', 'toggle.js')),
  );
  assert.equal(report.search.docs, 12);
  const sitemap = readSite(site.out, 'sitemap.xml');
  assert.match(sitemap, /<loc>https:\/\/ribao\.example\/site\/<\/loc><lastmod>2026-11-20<\/lastmod>/);
  assert.match(sitemap, /<loc>https:\/\/ribao\.example\/site\/daily\/story\/[0-9a-f]+\.html<\/loc>/);
  assert.equal((sitemap.match(/<url>/g) ?? []).length, pages.length);
  assert.match(readSite(site.out, 'robots.txt'), /^Sitemap: https:\/\/ribao\.example\/site\/sitemap\.xml$/m);
  await site.store.close();
});

test('a story page shows the Chinese, the original one click away, every source, provenance, credit and corrections', async () => {
  const site = await sampleSite();
  const [id] = await site.store.storyIdsForKeys(['arxiv:2611.01234']);
  assert.ok(id);
  await site.store.putWriteup({
    storyId: id,
    lang: 'zh',
    title: '面向长上下文 Transformer 的稀疏格点路由',
    body: '长上下文推理受限于注意力的二次复杂度。本文提出稀疏格点路由 (SLR)。',
    status: 'edited',
    task: 'paper-translation',
    model: null,
    promptVersion: null,
    editedBy: 'demo-editor',
    updatedAt: '2026-11-22T02:00:00.000Z',
    tokens: null,
    cost: null,
    gate: [],
  });
  await site.store.logDecision({
    at: '2026-11-22T02:00:00.000Z',
    by: 'demo-editor',
    action: 'edit',
    storyId: id,
    publication: null,
    detail: { note: '修正了显存数字' },
  });
  await publishAll(site);
  await buildSite(site, site.out);
  const page = readSite(site.out, `papers/story/${id}.html`);
  assert.match(page, /<h1>面向长上下文 Transformer 的稀疏格点路由<\/h1>/);
  assert.match(page, /<div class="body" lang="zh-CN"><p>长上下文推理/);
  assert.match(page, /<details class="original">\n<summary>英文原文/);
  assert.match(
    page,
    /<div class="original-text" lang="en">\n<p class="original-title">Sparse Lattice Routing/,
  );
  const sources = page.slice(page.indexOf('<h2 id="sources">'), page.indexOf('<h2 id="provenance">'));
  assert.match(
    sources,
    /href="https:\/\/arxiv\.org\/abs\/2611\.01234[^"]*"[^>]*>[^<]+<\/a> <span class="source-name">arxiv/,
  );
  assert.match(sources, /<span class="source-name">hf-daily · 2026-11-19<\/span>/);
  assert.match(page, /中文由编辑 @demo-editor 撰写/);
  assert.match(page, /<h2 id="corrections">更正记录<\/h2>/);
  assert.match(
    page,
    /更正于 <time datetime="2026-11-22T02:00:00.000Z">2026-11-22 10:00 \(UTC\+8\)<\/time>（@demo-editor）：修正了显存数字/,
  );
  // The daily edition credits its contributor; the feed item keeps its id and moves its update time.
  const feed = readSite(site.out, 'papers/atom.xml');
  assert.match(feed, new RegExp(`<id>ribao:papers:${id}</id>`));
  assert.match(feed, /<updated>2026-11-22T02:00:00(?:\.000)?Z<\/updated>/);
  const daily = readSite(site.out, `daily/${DAY}.html`);
  assert.match(daily, /贡献人：@ribao/);
  await site.store.close();
});

test('tags get pages whose names stay inside their folder; a dropped story and an unused tag are removed', async () => {
  const site = await sampleSite();
  const [id] = await site.store.storyIdsForKeys(['url:https://news.example.com/articles/orbital-series-b']);
  assert.ok(id);
  const place = (tags: string[]) =>
    site.store.putPlacement({
      storyId: id,
      publication: 'daily',
      section: '投融资',
      tags,
      by: 'ed',
      updatedAt: DAY,
    });
  await place(['芯片', '../../escape', '<b>x</b>']);
  await buildSite(site, site.out);
  const pages = htmlPages(site.out);
  assert.ok(pages.includes('daily/tag/芯片.html'));
  const tagPages = pages.filter((p) => p.includes('/tag/'));
  assert.deepEqual(tagPages, ['daily/tag/--..-escape.html', 'daily/tag/-b-x-b-.html', 'daily/tag/芯片.html']);
  assert.match(readSite(site.out, 'daily/tag/-b-x-b-.html'), /<h1>#&#60;b&#62;x&#60;\/b&#62;<\/h1>/);
  assert.match(
    readSite(site.out, `daily/story/${id}.html`),
    /<a href="\.\.\/\.\.\/daily\/tag\/%E8%8A%AF%E7%89%87\.html">#芯片<\/a>/,
  );
  assert.match(readSite(site.out, 'daily/index.html'), /#芯片<\/a> <span class="count">1<\/span>/);

  await place(['芯片']);
  await site.store.setDropped(id, true);
  await publishAll(site);
  const report = await buildSite(site, site.out);
  assert.ok(report.removed.includes(`daily/story/${id}.html`), report.removed.join(', '));
  assert.ok(!existsSync(join(site.out, 'daily', 'story', `${id}.html`)));
  assert.deepEqual(
    htmlPages(site.out).filter((p) => p.includes('/tag/')),
    [],
    'the only story with tags was dropped',
  );
  await site.store.close();
});

test('building twice writes the same bytes', async () => {
  const site = await sampleSite();
  await buildSite(site, site.out);
  const first = htmlPages(site.out).map((p) => readSite(site.out, p));
  await buildSite(site, site.out);
  assert.deepEqual(
    htmlPages(site.out).map((p) => readSite(site.out, p)),
    first,
  );
  await site.store.close();
});
