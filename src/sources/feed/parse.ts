// Feed bytes or text → WireFeed through feedsmith, with every failure turned into an InputError that
// names the input and the reason, and warnings for what was read anyway. Owns sniffing and the order of
// the XML checks (xml-guard.ts); knows nothing of RawItem.

import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { InputError } from '../../errors.ts';
import { decodeBody } from '../../fetch/charset.ts';
import { decodeAtom03Base64 } from './atom-base64.ts';
import { documentWarnings } from './warnings.ts';
import type { WireFeed } from './wire.ts';
import { type Doctype, guardXml } from './xml-guard.ts';

export interface ParsedFeed {
  wire: WireFeed;
  /** What is wrong with the document but did not stop it being read, one line each. */
  warnings: string[];
}

const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;

/** True for RSS, Atom, RDF or JSON Feed text (what `--format auto` hands to the `feed` format). */
export function sniffFeed(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return JSON_FEED_VERSION.test(body);
  const root = xmlRoot(body)?.name;
  return root !== undefined && feedRootKind(root) !== undefined;
}

/** Parse a whole feed document, or throw an InputError naming `origin` and what was wrong. */
export function parseFeedText(text: string, origin: string): WireFeed {
  return parseFeed(text, origin).wire;
}

/** Parse a feed document and say what is wrong with it; `contentType` when it was fetched. */
export function parseFeed(text: string, origin: string, contentType?: string | null): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new InputError(origin, 'is empty, not a feed');
  if (body.startsWith('{') || body.startsWith('[')) return { wire: parseJson(body, origin), warnings: [] };
  if (!body.startsWith('<')) throw new InputError(origin, 'is neither XML nor JSON, so not a feed');
  const warnings = documentWarnings(body, contentType);
  return { wire: parseXml(body, origin, warnings), warnings };
}

/** A feed file's bytes: decoded by BOM, Content-Type charset or XML declaration (GB2312, Big5, UTF-16, …)
 * as the HTTP layer decodes fetched bodies, then parsed. For files read from disk. */
export function parseFeedBytes(bytes: Uint8Array, origin: string, contentType?: string | null): ParsedFeed {
  return parseFeed(decodeBody(bytes, contentType ?? null).text, origin, contentType);
}

function parseJson(body: string, origin: string): WireFeed {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new InputError(origin, 'is not valid JSON (truncated or malformed), so not a JSON Feed', {
      cause: error,
    });
  }
  if (!isJsonFeed(value)) {
    throw new InputError(
      origin,
      'is JSON but not a JSON Feed (expected an object with "version": "https://jsonfeed.org/version/1.1" and "items")',
    );
  }
  // Some producers write "version": "1.1"; feedsmith recognizes only the URL form, so spell it out.
  const version = typeof value.version === 'string' ? value.version.trim() : '';
  const feed = version.includes('jsonfeed.org/version/')
    ? value
    : { ...value, version: `https://jsonfeed.org/version/${version || '1.1'}` };
  try {
    return { format: 'json', feed: parseJsonFeed(feed) };
  } catch (error) {
    throw new InputError(origin, 'is JSON but its JSON Feed structure could not be read', { cause: error });
  }
}

/** An object with an items array that calls itself a JSON Feed (by version, bare or as the URL) or has a title. */
function isJsonFeed(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const version = typeof record.version === 'string' ? record.version.trim() : '';
  const declared = version.includes('jsonfeed.org/version/') || /^1(?:\.\d+)?$/.test(version);
  return Array.isArray(record.items) && (declared || typeof record.title === 'string');
}

function parseXml(text: string, origin: string, warnings: string[]): WireFeed {
  const root = xmlRoot(text);
  if (!root) throw new InputError(origin, 'starts like XML but has no root element, so not a feed');
  const kind = feedRootKind(root.name);
  // An XHTML DOCTYPE in front of an <rss> root is a careless template, not a page: the root decides.
  if (/^(?:html|head|body)$/i.test(root.name) || (root.html && !kind))
    throw new InputError(origin, htmlReason(text));
  if (!kind)
    throw new InputError(origin, `is XML with root element <${root.name}>, not an RSS, Atom or RDF feed`);
  const guarded = closeRoot(guardXml(text, root.doctype, origin), root.name, origin, warnings);
  const body = kind === 'atom' ? decodeAtom03Base64(guarded) : guarded;
  try {
    if (kind === 'rss') return { format: 'rss', feed: parseRssFeed(body) };
    if (kind === 'atom') return { format: 'atom', feed: parseAtomFeed(body) };
    return { format: 'rdf', feed: parseRdfFeed(body) };
  } catch (error) {
    // feedsmith wraps the XML parser's complaint as the cause; without one, the markup was fine
    // but held nothing feed-like: an empty feed, which is a feed with no entries.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    if (!cause) return { format: kind, feed: {} };
    // The parser's words can quote the document: keep them short.
    const reason = /nested tags/i.test(cause)
      ? 'nests XML elements too deeply (more than 100 levels)'
      : `is not well-formed XML (${cause.split(/\.\s|\n/)[0]?.slice(0, 120)})`;
    throw new InputError(origin, reason, { cause: error });
  }
}

/** The body with its root element closed, or an InputError when the document was cut off. A root end
 * tag missing only its final `>` is completed: everything is there. */
function closeRoot(body: string, name: string, origin: string, warnings: string[]): string {
  const escaped = name.replace(/[.]/g, '\\.');
  const tail = body.slice(-4096);
  if (new RegExp(`(?:</${escaped}\\s*|<${escaped}\\b[^<>]*/)>(?:\\s|<!--[\\s\\S]*?-->)*$`).test(tail))
    return body;
  if (new RegExp(`</${escaped}\\s*$`).test(body.slice(-256))) {
    warnings.push(`ends in "</${name}" without its ">"`);
    return `${body.trimEnd()}>`;
  }
  throw new InputError(origin, `is truncated or malformed XML: the root element <${name}> is never closed`);
}

function feedRootKind(name: string): 'rss' | 'atom' | 'rdf' | undefined {
  const local = name.slice(name.indexOf(':') + 1);
  if (name === 'rss' || name === 'RSS') return 'rss';
  if (name === 'feed' || name === 'atom:feed') return 'atom';
  if (local === 'RDF' && name !== local) return 'rdf';
  return undefined;
}

/** Why an HTML page is not a feed, pointing at the feed it advertises when it has one. */
function htmlReason(body: string): string {
  const link = /<link\b[^>]*\btype\s*=\s*["']application\/(?:rss|atom|feed)\+(?:xml|json)["'][^>]*>/i.exec(
    body,
  );
  const href = link && /\bhref\s*=\s*["']([^"']+)["']/i.exec(link[0])?.[1];
  return href
    ? `is an HTML page, not a feed (the page links to a feed at ${href})`
    : 'is an HTML page, not a feed';
}

interface XmlRoot {
  name: string;
  doctype?: Doctype;
  /** The DOCTYPE says html. */
  html: boolean;
}

/** The root element's name, skipping the XML declaration, comments, processing instructions and DOCTYPE. */
function xmlRoot(body: string): XmlRoot | undefined {
  let at = 0;
  let html = false;
  let doctype: Doctype | undefined;
  for (;;) {
    while (/\s/.test(body[at] ?? '')) at++;
    const rest = body.slice(at, at + 16);
    let end: number;
    if (rest.startsWith('<?')) end = after(body, '?>', at);
    else if (rest.startsWith('<!--')) end = after(body, '-->', at);
    else if (/^<!DOCTYPE/i.test(rest)) {
      const found = /^<!DOCTYPE\s+([\w:.-]+)[^[>]*(?:\[[\s\S]*?\]\s*)?>/i.exec(body.slice(at));
      if (!found) return undefined;
      html = found[1]?.toLowerCase() === 'html';
      end = at + found[0].length;
      doctype = { start: at, end };
    } else {
      const name = /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1];
      return name ? { name, doctype, html } : undefined;
    }
    if (end < 0) return undefined;
    at = end;
  }
}

/** The index just past the next `marker` from `from`, or -1. */
function after(body: string, marker: string, from: number): number {
  const found = body.indexOf(marker, from + 2);
  return found < 0 ? -1 : found + marker.length;
}
