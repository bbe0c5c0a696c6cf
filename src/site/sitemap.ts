// sitemap.xml (split into a sitemap index past 50,000 URLs, the protocol's limit) and robots.txt
// pointing at it. Absolute URLs from site.baseUrl; lastmod from the data, never the clock.

import { escapeXmlText as escapeXml } from '../render/feeds/xml.ts';
import type { SitePaths } from './paths.ts';

export interface SitemapUrl {
  /** Path from the site root. */
  path: string;
  /** YYYY-MM-DD or an ISO instant. */
  lastmod: string | null;
}

const MAX_URLS = 50_000;

/** File name (from the site root) → content. */
export function sitemapFiles(paths: SitePaths, urls: SitemapUrl[], max = MAX_URLS): Map<string, string> {
  const files = new Map<string, string>();
  const chunks: SitemapUrl[][] = [];
  for (let i = 0; i < urls.length; i += max) chunks.push(urls.slice(i, i + max));
  if (chunks.length <= 1) {
    files.set(paths.sitemap, urlset(paths, chunks[0] ?? []));
  } else {
    const names = chunks.map((_, i) => `sitemap-${i + 1}.xml`);
    chunks.forEach((chunk, i) => {
      files.set(names[i] as string, urlset(paths, chunk));
    });
    files.set(
      paths.sitemap,
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${names
        .map((n) => `<sitemap><loc>${escapeXml(paths.absolute(n))}</loc></sitemap>`)
        .join('\n')}\n</sitemapindex>\n`,
    );
  }
  files.set('robots.txt', `User-agent: *\nAllow: /\nSitemap: ${paths.absolute(paths.sitemap)}\n`);
  return files;
}

function urlset(paths: SitePaths, urls: SitemapUrl[]): string {
  const lines = urls.map((u) => {
    const loc = paths.absolute(
      u.path.endsWith('index.html') ? u.path.slice(0, -'index.html'.length) : u.path,
    );
    const lastmod = u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : '';
    return `<url><loc>${escapeXml(loc)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}
