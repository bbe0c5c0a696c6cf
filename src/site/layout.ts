// The page shell every site page shares: the strict CSP and referrer policy, Open Graph and canonical
// tags (the only absolute URLs besides the sitemap), the skip link, header navigation and footer.

import { type Child, type Html, html } from './html.ts';
import { relative, type SitePaths } from './paths.ts';

/** The site's Content-Security-Policy as pages carry it (<meta>: GitHub Pages cannot set headers):
 * nothing inline, nothing from elsewhere but https images. */
export const PAGE_CSP =
  "default-src 'none'; img-src https: data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'";

/** The same as a header, where `frame-ancestors` works too (browsers refuse it in <meta>, loudly). */
export const SITE_CSP = `${PAGE_CSP}; frame-ancestors 'none'`;

export interface SiteFrame {
  paths: SitePaths;
  title: string;
  description: string;
  /** Publications shown in the navigation: name and title. */
  publications: { name: string; title: string }[];
  /** True when a file publish writes (a feed, an edition's Markdown) is there to link to. */
  published(path: string): boolean;
}

/** Links to those of `links` that exist. */
export function existingLinks(
  frame: SiteFrame,
  from: string,
  links: { label: string; path: string }[],
): Html[] {
  return links
    .filter((l) => frame.published(l.path))
    .map((l) => html`<a href="${relative(from, l.path)}">${l.label}</a>`);
}

/** Fragments with ` · ` between them. */
export function dotted(items: Html[]): Html {
  return html`${items.map((item, i) => (i === 0 ? item : html` · ${item}`))}`;
}

/** A publication's (or one of its sections') three feeds, those that exist. */
export function feedLinks(frame: SiteFrame, from: string, publication: string, section?: string): Html[] {
  const { paths } = frame;
  return existingLinks(frame, from, [
    { label: 'RSS', path: paths.feed(publication, 'rss', section) },
    { label: 'Atom', path: paths.feed(publication, 'atom', section) },
    { label: 'JSON Feed', path: paths.feed(publication, 'json', section) },
  ]);
}

export interface PageInfo {
  /** The page's own path from the site root (`papers/story/ab12.html`). */
  path: string;
  title: string;
  description: string;
  /** Open Graph type. */
  type?: 'website' | 'article';
  /** An https picture for Open Graph. */
  image?: string | null;
  /** Feeds announced in the head: title and path from the site root. */
  feeds?: { title: string; path: string }[];
  /** Loaded as a module after the page. */
  scripts?: string[];
  /** Which navigation item is this page (a publication's name, `archive`, `search`, `about`). */
  current?: string;
}

export function layout(frame: SiteFrame, info: PageInfo, content: Html): string {
  const { paths } = frame;
  const link = (to: string) => relative(info.path, to);
  const canonical = paths.absolute(info.path.endsWith('/index.html') ? info.path.slice(0, -10) : info.path);
  const fullTitle = info.path === paths.home ? frame.title : `${info.title} · ${frame.title}`;
  const nav: { key: string; href: string; label: string }[] = [
    ...frame.publications.map((p) => ({ key: p.name, href: paths.publication(p.name), label: p.title })),
    { key: 'archive', href: paths.archive, label: '归档' },
    { key: 'search', href: paths.search, label: '搜索' },
    { key: 'about', href: paths.about, label: '关于' },
  ];
  const feeds = (info.feeds ?? []).filter((f) => frame.published(f.path));
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${info.description}">
<link rel="canonical" href="${canonical}">
<meta property="og:site_name" content="${frame.title}">
<meta property="og:type" content="${info.type ?? 'website'}">
<meta property="og:title" content="${info.title}">
<meta property="og:description" content="${info.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="zh_CN">
${info.image ? html`<meta property="og:image" content="${info.image}">\n` : ''}<link rel="stylesheet" href="${link(paths.asset('style.css'))}">
${feeds.map((f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${link(f.path)}">\n`)}<script type="module" src="${link(paths.asset('toggle.js'))}"></script>
${(info.scripts ?? []).map((s) => html`<script type="module" src="${link(s)}"></script>\n`)}</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<a class="brand" href="${link(paths.home)}">${frame.title}</a>
<nav aria-label="站点导航"><ul>
${nav.map((n) => html`<li><a href="${link(n.href)}"${ariaCurrent(info.current === n.key)}>${n.label}</a></li>\n`)}</ul></nav>
</header>
<main id="main" tabindex="-1">
${content}
</main>
<footer class="site-footer">
<p>${frame.description}</p>
<p>${footerLinks(frame, link, feeds)}</p>
</footer>
</body>
</html>
`.text;
}

function ariaCurrent(current: boolean): Child {
  return current ? html` aria-current="page"` : '';
}

function footerLinks(
  frame: SiteFrame,
  link: (to: string) => string,
  feeds: { title: string; path: string }[],
): Child {
  return dotted([
    ...feeds.map((f) => html`<a href="${link(f.path)}">${f.title}</a>`),
    html`<a href="${link(frame.paths.sitemap)}">网站地图</a>`,
    html`<a href="${link(frame.paths.about)}">关于本站</a>`,
  ]);
}
