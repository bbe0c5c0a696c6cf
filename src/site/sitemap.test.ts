import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sitePaths } from './paths.ts';
import { sitemapFiles } from './sitemap.ts';

test('a sitemap of absolute URLs; past the limit, an index of several', () => {
  const paths = sitePaths('https://example.org/d/');
  const urls = [
    { path: 'index.html', lastmod: '2026-11-20' },
    { path: 'daily/index.html', lastmod: null },
    { path: 'daily/section/%E6%8A%95.html', lastmod: '2026-11-20T01:02:03Z' },
  ];
  const one = sitemapFiles(paths, urls);
  assert.deepEqual([...one.keys()], ['sitemap.xml', 'robots.txt']);
  assert.equal(
    one.get('sitemap.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      '<url><loc>https://example.org/d/</loc><lastmod>2026-11-20</lastmod></url>\n' +
      '<url><loc>https://example.org/d/daily/</loc></url>\n' +
      '<url><loc>https://example.org/d/daily/section/%E6%8A%95.html</loc><lastmod>2026-11-20T01:02:03Z</lastmod></url>\n</urlset>\n',
  );
  assert.equal(
    one.get('robots.txt'),
    'User-agent: *\nAllow: /\nSitemap: https://example.org/d/sitemap.xml\n',
  );
  const split = sitemapFiles(paths, urls, 2);
  assert.deepEqual([...split.keys()], ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml', 'robots.txt']);
  assert.match(
    split.get('sitemap.xml') ?? '',
    /<sitemapindex[^>]*>\n<sitemap><loc>https:\/\/example\.org\/d\/sitemap-1\.xml<\/loc><\/sitemap>/,
  );
  assert.equal((split.get('sitemap-2.xml')?.match(/<url>/g) ?? []).length, 1);
});
