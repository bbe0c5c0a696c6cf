// OPML source lists: reading the feeds out of an OPML 1.0/2.0 file (nested folders become a category
// path), and writing a list back as OPML 2.0. Knows nothing of configuration; the CLI maps to it.

import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { InputError } from '../../errors.ts';
import { guardXml } from './xml-guard.ts';

export interface OpmlFeed {
  title: string;
  /** The feed (`xmlUrl`), absolute http(s). */
  url: string;
  /** The site (`htmlUrl`), absolute http(s). */
  htmlUrl?: string;
  /** The folders the outline sits in, outermost first, joined by `/` (`AI/Labs`). */
  category?: string;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  category?: string;
  outlines?: Outline[];
}

/** Every feed outline (one with an http(s) `xmlUrl`) in document order, each URL once; an InputError
 * naming `origin` when the text is not OPML. Outlines with other URLs (`javascript:`, files) are left out. */
export function parseOpml(text: string, origin: string): OpmlFeed[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!/^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(body)) {
    if (/<!DOCTYPE/i.test(body.slice(0, 4096)))
      throw new InputError(origin, 'declares a DOCTYPE, which OPML never needs; refused');
    throw new InputError(origin, 'is not OPML (expected an <opml> root element)');
  }
  if (!/(?:<\/opml\s*|<opml\b[^<>]*\/)>(?:\s|<!--[\s\S]*?-->)*$/i.test(body.slice(-4096)))
    throw new InputError(origin, 'is truncated or malformed OPML: the <opml> element is never closed');
  if (!/<outline\b/i.test(body)) return [];
  let outlines: Outline[];
  try {
    outlines = (parseOpmlDocument(guardXml(body, undefined, origin)).body?.outlines ?? []) as Outline[];
  } catch (error) {
    if (error instanceof InputError) throw error;
    // The XML parser's words can quote the document: keep them short and leave its context out.
    const said = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const cause = said.split(/\.?\s*Context:|\n/)[0]?.slice(0, 120);
    throw new InputError(origin, `is not well-formed OPML${cause ? ` (${cause})` : ''}`, { cause: error });
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const visit = (list: Outline[], folders: string[]) => {
    for (const outline of list) {
      const name = clean(outline.title ?? outline.text ?? '');
      const url = webUrl(outline.xmlUrl);
      if (url && !seen.has(url)) {
        seen.add(url);
        const htmlUrl = webUrl(outline.htmlUrl);
        const category = folders.length ? folders.join('/') : categoryAttribute(outline.category);
        feeds.push({ title: name || url, url, ...(htmlUrl && { htmlUrl }), ...(category && { category }) });
      }
      if (outline.outlines?.length)
        visit(outline.outlines, name ? [...folders, name.replace(/\//g, '∕')] : folders);
    }
  };
  visit(outlines, []);
  return feeds;
}

/** A source list as an OPML 2.0 document: folders from the category paths, every value escaped. */
export function toOpml(feeds: readonly OpmlFeed[], title: string): string {
  const root: Folder = { name: '', feeds: [], folders: new Map() };
  for (const feed of feeds) {
    let folder = root;
    for (const name of (feed.category ?? '').split('/').filter(Boolean)) {
      const next = folder.folders.get(name) ?? { name, feeds: [], folders: new Map() };
      folder.folders.set(name, next);
      folder = next;
    }
    folder.feeds.push(feed);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    '  </head>',
    '  <body>',
    ...folderLines(root, 2),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

interface Folder {
  name: string;
  feeds: OpmlFeed[];
  folders: Map<string, Folder>;
}

function folderLines(folder: Folder, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const lines = folder.feeds.map((feed) => {
    const site = feed.htmlUrl ? ` htmlUrl="${escapeXml(feed.htmlUrl)}"` : '';
    const name = escapeXml(feed.title);
    return `${pad}<outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(feed.url)}"${site}/>`;
  });
  for (const child of folder.folders.values()) {
    const name = escapeXml(child.name);
    lines.push(
      `${pad}<outline text="${name}" title="${name}">`,
      ...folderLines(child, depth + 1),
      `${pad}</outline>`,
    );
  }
  return lines;
}

/** Text safe in XML content and attribute values; characters XML 1.0 cannot carry at all are dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function webUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** OPML 2.0's `category="/Tech/AI,/Other"`: the first path, without its leading slash. */
function categoryAttribute(value: string | undefined): string | undefined {
  const first = value
    ?.split(',')[0]
    ?.trim()
    .replace(/^\/+|\/+$/g, '');
  return first || undefined;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
