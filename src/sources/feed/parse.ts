// Feed text → WireFeed through feedsmith, with every failure turned into an InputError that names the
// input and the reason. Owns sniffing and the XML safety checks; knows nothing of RawItem.

import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { InputError } from '../../errors.ts';
import type { WireFeed } from './wire.ts';

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
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new InputError(origin, 'is empty, not a feed');
  if (body.startsWith('{') || body.startsWith('[')) return parseJson(body, origin);
  if (!body.startsWith('<')) throw new InputError(origin, 'is neither XML nor JSON, so not a feed');
  return parseXml(body, origin);
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

function parseXml(body: string, origin: string): WireFeed {
  const root = xmlRoot(body);
  if (!root) throw new InputError(origin, 'starts like XML but has no root element, so not a feed');
  if (root.html || /^(?:html|head|body)$/i.test(root.name)) throw new InputError(origin, htmlReason(body));
  const kind = feedRootKind(root.name);
  if (!kind)
    throw new InputError(origin, `is XML with root element <${root.name}>, not an RSS, Atom or RDF feed`);
  // feedsmith never expands DTD entities (a billion-laughs bomb stays literal text), and its XML
  // parser refuses external ones; say why instead of passing on the parser's words.
  if (/<!ENTITY\s+%?\s*[\w:.-]+\s+(?:SYSTEM|PUBLIC)\b/i.test(root.prelude)) {
    throw new InputError(origin, 'declares an external XML entity, which ribao refuses to read');
  }
  // The XML parser accepts a document cut off between two elements; a feed must close its root.
  const closing = new RegExp(`</${root.name.replace(/[.]/g, '\\.')}\\s*>(?:\\s|<!--[\\s\\S]*?-->)*$`);
  if (!closing.test(body)) {
    throw new InputError(
      origin,
      `is truncated or malformed XML: the root element <${root.name}> is never closed`,
    );
  }
  try {
    if (kind === 'rss') return { format: 'rss', feed: parseRssFeed(body) };
    if (kind === 'atom') return { format: 'atom', feed: parseAtomFeed(body) };
    return { format: 'rdf', feed: parseRdfFeed(body) };
  } catch (error) {
    // feedsmith wraps the XML parser's complaint as the cause; without one, the markup was fine
    // but held nothing feed-like. The parser's words can quote the document: keep them short.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const reason = cause
      ? `is not well-formed XML (${cause.split(/\.\s|\n/)[0]?.slice(0, 120)})`
      : `has a <${root.name}> root but no ${kind === 'atom' ? 'Atom' : kind.toUpperCase()} feed content in it`;
    throw new InputError(origin, reason, { cause: error });
  }
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
  /** Everything before the root element: declaration, comments, processing instructions, DOCTYPE. */
  prelude: string;
  /** The DOCTYPE says html. */
  html: boolean;
}

/** The root element's name, skipping the XML declaration, comments, processing instructions and DOCTYPE. */
function xmlRoot(body: string): XmlRoot | undefined {
  let at = 0;
  let html = false;
  for (;;) {
    while (/\s/.test(body[at] ?? '')) at++;
    const rest = body.slice(at, at + 16);
    let end: number;
    if (rest.startsWith('<?')) end = after(body, '?>', at);
    else if (rest.startsWith('<!--')) end = after(body, '-->', at);
    else if (/^<!DOCTYPE/i.test(rest)) {
      const doctype = /^<!DOCTYPE\s+([\w:.-]+)[^[>]*(?:\[[\s\S]*?\]\s*)?>/i.exec(body.slice(at));
      if (!doctype) return undefined;
      html = doctype[1]?.toLowerCase() === 'html';
      end = at + doctype[0].length;
    } else {
      const name = /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1];
      return name ? { name, prelude: body.slice(0, at), html } : undefined;
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
