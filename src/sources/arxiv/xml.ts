// The XML checks every arXiv format passes before a parser sees it: not empty, not an HTML page,
// no DOCTYPE (so no entity declarations to expand), well-formed; and the entity decoder they parse with.

import { XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../errors.ts';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

/**
 * The text without a byte-order mark, or an InputError naming `origin`. arXiv never sends a DOCTYPE,
 * so any DOCTYPE is refused before parsing (no billion laughs, no external entities). The validator
 * runs first because the parsers accept truncated documents. `expected` names the format for messages.
 */
export function checkedXml(text: string, origin: string, expected: string): string {
  const xml = text.replace(/^\uFEFF/, '');
  if (!xml.trim()) throw new InputError(origin, `is empty; expected ${expected}`);
  if (HTML_START.test(xml)) throw new InputError(origin, `is an HTML page, not ${expected}`);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new InputError(origin, `has a DOCTYPE declaration, which ${expected} never carries; refused`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new InputError(
      origin,
      `is not well-formed XML (line ${line}${col ? `, column ${col}` : ''}: ${msg})`,
    );
  }
  return xml;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * fast-xml-parser's entity decoder, reduced to XML's five entities and numeric character references
 * in one pass (`&amp;lt;` stays `&lt;`). Entities a DOCTYPE would declare are never taken in, so
 * nothing is ever expanded, whatever reaches the parser.
 */
export const xmlEntityDecoder = {
  decode: (text: string): string =>
    text.includes('&')
      ? text.replace(ENTITY, (all, decimal?: string, hex?: string, name?: string) => {
          if (name) return NAMED[name] ?? all;
          const code = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
          const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
          return valid ? String.fromCodePoint(code) : all;
        })
      : text,
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
};
