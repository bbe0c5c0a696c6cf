// A small XML writer for the feeds: text made legal for XML 1.0, then escaped, in a tree of plain nodes.
// No CDATA (a `]]>` inside it ends it early); every value is escaped, so no input can open a tag.

/** Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF),
 * plus DEL and the C1 controls, which it allows but discourages and no text of ours means. */
const NOT_XML_TEXT = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` without the characters no feed may carry. Applied to every string a feed prints. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML_TEXT, '');
}

/** `text` on one line: cleaned, whitespace runs (newlines too) as one space, trimmed. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Element content: `&`, `<` and `>` escaped (the last so `]]>` never appears). */
export function escapeXmlText(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** An attribute value in double quotes; whitespace kept as references so parsers do not fold it. */
export function escapeXmlAttribute(text: string): string {
  return cleanText(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** An element: text, children, or neither (empty). Names are ours, never input. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: (XmlNode | null)[];
}

/** A whole UTF-8 document, two spaces per level, ending in a newline. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialize(root, 0)}\n`;
}

function serialize(node: XmlNode, depth: number): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  const children = (node.children ?? []).filter((child): child is XmlNode => child !== null);
  if (children.length > 0) {
    const inner = children.map((child) => serialize(child, depth + 1)).join('\n');
    return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
  }
  if (node.text === undefined) return `${pad}<${node.name}${attrs}/>`;
  return `${pad}<${node.name}${attrs}>${escapeXmlText(node.text)}</${node.name}>`;
}

/** RFC 822 (as RSS 2.0 wants it, year in four digits), always GMT: `Sun, 22 Nov 2026 00:00:00 GMT`. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** RFC 3339 in UTC to the second: `2026-11-22T00:00:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
