// buildSite: the whole static site from the store, into `out`: home, every edition and story page,
// the archive, section and tag pages, about, search (page and index), sitemap, robots.txt, assets.
// Feeds and each day's Markdown are publish's (pipeline/publish.ts); the site links to those it finds.

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config, SectionConfig } from '../config/schema.ts';
import { writeSearchIndex } from '../search/static-index.ts';
import type { Store } from '../store/store.ts';
import { aboutPage } from './about.ts';
import { archivePage } from './archive.ts';
import { editionPage } from './edition-page.ts';
import { homePage } from './home.ts';
import type { SiteFrame } from './layout.ts';
import { fileSegments, sitePaths } from './paths.ts';
import { publicationPage } from './publication-page.ts';
import { searchDocs } from './search-docs.ts';
import { searchPage } from './search-page.ts';
import { sectionPage, storiesBySection } from './section-page.ts';
import { loadSite, type SiteData, type SitePublication, type SiteStory } from './site-data.ts';
import { type SitemapUrl, sitemapFiles } from './sitemap.ts';
import { storyPage } from './story-page.ts';
import { storiesByTag, tagPage } from './tag-page.ts';

export interface SiteReport {
  /** HTML pages written. */
  pages: number;
  /** Every file written (paths from the site root), search index and assets included. */
  files: string[];
  /** Bytes of those files. */
  bytes: number;
  search: { files: number; bytes: number; docs: number };
  /** Stale pages removed (a dropped story, a tag no longer used). */
  removed: string[];
}

interface Page {
  path: string;
  html: string;
}

const ASSETS = ['style.css', 'toggle.js'];
/** Folders whose HTML pages only the site writes: what is not written again is stale. */
const OWNED = ['story', 'tag', 'section'];

export async function buildSite(ctx: { config: Config; store: Store }, out: string): Promise<SiteReport> {
  const data = await loadSite(ctx);
  const { pages, urls } = sitePages(data, out);
  const report: SiteReport = {
    pages: 0,
    files: [],
    bytes: 0,
    search: { files: 0, bytes: 0, docs: 0 },
    removed: [],
  };
  const write = async (path: string, text: string) => {
    const file = join(out, ...fileSegments(path));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    report.files.push(path);
    report.bytes += Buffer.byteLength(text);
  };
  for (const page of pages) await write(page.path, page.html);
  report.pages = pages.length;
  const paths = sitePaths(data.config.site.baseUrl);
  for (const [path, text] of sitemapFiles(paths, urls)) await write(path, text);
  for (const name of ASSETS) {
    const path = paths.asset(name);
    await mkdir(join(out, 'assets'), { recursive: true });
    await copyFile(new URL(`./${name}`, import.meta.url), join(out, ...fileSegments(path)));
    report.files.push(path);
  }
  const docs = searchDocs(paths, data.publications);
  const index = await writeSearchIndex(docs, out);
  report.search = { files: index.files.length, bytes: index.bytes, docs: docs.length };
  report.files.push(...index.files);
  report.bytes += index.bytes;
  report.removed = await pruneStale(out, data.publications, new Set(pages.map((p) => p.path)));
  return report;
}

/** Every page of the site, and the sitemap's entries for them. */
export function sitePages(data: SiteData, out: string): { pages: Page[]; urls: SitemapUrl[] } {
  const { config, publications } = data;
  const frame: SiteFrame = {
    paths: sitePaths(config.site.baseUrl),
    title: config.site.title,
    description: config.site.description,
    publications: publications.map((p) => ({ name: p.name, title: p.config.title })),
    published: (path) => existsSync(join(out, ...fileSegments(path))),
  };
  const pages: Page[] = [];
  const urls: SitemapUrl[] = [];
  const add = (page: Page, lastmod: string | null) => {
    pages.push(page);
    urls.push({ path: page.path, lastmod });
  };
  const newest =
    publications
      .map((p) => p.editions[0]?.edition.date ?? '')
      .sort()
      .at(-1) || null;
  add(homePage(frame, publications), newest);
  add(archivePage(frame, publications), newest);
  add(aboutPage(frame, publications), null);
  add(searchPage(frame), null);
  for (const publication of publications) {
    const latest = publication.editions[0]?.edition.date ?? null;
    const sections = sectionsInOrder(publication);
    const tags = storiesByTag(publication);
    add(
      publicationPage(
        frame,
        publication,
        [...sections.keys()],
        tags.map((t) => ({ tag: t.tag, count: t.stories.length })),
      ),
      latest,
    );
    publication.editions.forEach((e, i) => {
      add(editionPage(frame, publication, i), e.edition.date);
    });
    for (const { stories } of publication.editions) {
      for (const story of stories) {
        add(storyPage(frame, publication, story, config.timezone), story.entry.updatedAt ?? story.date);
      }
    }
    for (const [title, stories] of sections)
      add(sectionPage(frame, publication, title, stories), latestOf(stories));
    for (const { tag, stories } of tags) add(tagPage(frame, publication, tag, stories), latestOf(stories));
  }
  return { pages, urls };
}

/** Sections with stories, in the configured order (depth first), then any others. */
function sectionsInOrder(publication: SitePublication): Map<string, SiteStory[]> {
  const found = storiesBySection(publication);
  const configured: string[] = [];
  const walk = (list: SectionConfig[]) => {
    for (const s of list) {
      configured.push(s.title);
      walk(s.children ?? []);
    }
  };
  walk(publication.config.sections);
  const order = [
    ...configured.filter((t) => found.has(t)),
    ...[...found.keys()].filter((t) => !configured.includes(t)),
  ];
  return new Map(order.map((t) => [t, found.get(t) ?? []]));
}

function latestOf(stories: { date: string }[]): string | null {
  return stories.reduce<string | null>((max, s) => (max === null || s.date > max ? s.date : max), null);
}

/** HTML pages under each publication's story/, tag/ and section/ folders that this build did not write. */
async function pruneStale(
  out: string,
  publications: SitePublication[],
  written: Set<string>,
): Promise<string[]> {
  const removed: string[] = [];
  for (const { name } of publications) {
    for (const folder of OWNED) {
      const dir = join(out, name, folder);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const file of names) {
        if (!file.endsWith('.html')) continue;
        const path = [name, folder, file].map(encodeURIComponent).join('/');
        if (written.has(path)) continue;
        await rm(join(dir, file), { force: true });
        removed.push(path);
      }
    }
  }
  return removed;
}
