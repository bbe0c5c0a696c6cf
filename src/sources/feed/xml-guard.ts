// What the XML must not do before the parser sees it: declare external entities (XXE), nest entities
// (billion laughs), expand past a bound, or carry a start tag of megabytes. Internal entities that are
// plain text are expanded here, within that bound, and the DOCTYPE removed. Everything else is parse.ts.

import { InputError } from '../../errors.ts';

/** At most this many entity declarations, each at most this long, expanding to at most this much text. */
const MAX_ENTITIES = 64;
const MAX_ENTITY_VALUE = 16 * 1024;
const MAX_EXPANSION = 1024 * 1024;
/** A start tag (name and attributes) longer than this is an attack or a broken file, not a feed. */
export const MAX_START_TAG = 1024 * 1024;

export interface Doctype {
  /** Where the DOCTYPE starts and ends in the body. */
  start: number;
  end: number;
}

/** The body made safe for the XML parser, or an InputError naming `origin` and the danger. */
export function guardXml(body: string, doctype: Doctype | undefined, origin: string): string {
  checkStartTags(body, origin);
  if (!doctype) return body;
  const declaration = body.slice(doctype.start, doctype.end);
  const entities = readEntities(declaration, origin);
  const rest = body.slice(doctype.end);
  return body.slice(0, doctype.start) + (entities.size ? expand(rest, entities, origin) : rest);
}

const ENTITY_DECLARATION =
  /<!ENTITY\s+(%\s+)?([\w:.-]+)\s+(?:(SYSTEM|PUBLIC)\b[^>]*|"([^"]*)"|'([^']*)')\s*>/gi;

/** The internal general entities a DOCTYPE declares, name → replacement text. */
function readEntities(declaration: string, origin: string): Map<string, string> {
  const entities = new Map<string, string>();
  const declarations = [...declaration.matchAll(ENTITY_DECLARATION)];
  if (declarations.length > MAX_ENTITIES) {
    throw new InputError(
      origin,
      `declares ${declarations.length} XML entities (ribao reads at most ${MAX_ENTITIES})`,
    );
  }
  for (const [, parameter, name = '', external, double, single] of declarations) {
    // Nothing external is ever fetched; say so rather than leave a reference unexplained (XXE).
    if (external)
      throw new InputError(origin, `declares an external XML entity (${name}), which ribao refuses to read`);
    // Parameter entities only build the DTD, which ribao does not read.
    if (parameter) continue;
    const value = double ?? single ?? '';
    if (value.length > MAX_ENTITY_VALUE)
      throw new InputError(
        origin,
        `declares an XML entity (${name}) longer than ${MAX_ENTITY_VALUE / 1024} KiB`,
      );
    entities.set(name, value);
  }
  for (const [name, value] of entities) {
    const nested = [...value.matchAll(/&([\w:.-]+);/g)].find(([, inner = '']) => entities.has(inner));
    if (nested) {
      throw new InputError(
        origin,
        `declares XML entities that expand into other entities (${name} uses ${nested[1]}): an entity-expansion bomb`,
      );
    }
  }
  return entities;
}

/** References to declared entities replaced by their text, outside CDATA sections and comments. */
function expand(text: string, entities: Map<string, string>, origin: string): string {
  let added = 0;
  return text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&([\w:.-]+);/g, (match, name?: string) => {
    const value = name === undefined ? undefined : entities.get(name);
    if (value === undefined) return match;
    added += value.length;
    if (added > MAX_EXPANSION) {
      throw new InputError(
        origin,
        `expands its XML entities past ${MAX_EXPANSION / 1024 / 1024} MiB: an entity-expansion bomb`,
      );
    }
    return value;
  });
}

// A start tag and its attributes up to the next `<` (which XML forbids inside attribute values), so
// the scan is linear however the tag is cut.
const START_TAG = /<[A-Za-z_][^\s/>]*(?:[^<>"']+|"[^<"]*"?|'[^<']*'?)*/g;

/** Refuses a start tag longer than MAX_START_TAG: a huge attribute value or thousands of attributes. */
function checkStartTags(body: string, origin: string): void {
  if (body.length <= MAX_START_TAG) return;
  START_TAG.lastIndex = 0;
  for (let m = START_TAG.exec(body); m; m = START_TAG.exec(body)) {
    if (m[0].length > MAX_START_TAG) {
      const name = /^<([^\s/>]*)/.exec(m[0])?.[1]?.slice(0, 40);
      throw new InputError(
        origin,
        `has an XML start tag <${name}> longer than ${MAX_START_TAG / 1024 / 1024} MiB (a huge attribute value)`,
      );
    }
  }
}
