// Atom's base64 text constructs, which feedsmith hands over still encoded: Atom 0.3's `mode="base64"`,
// decoded in the document text before parsing, and Atom 1.0's non-text media types (RFC 4287 §4.1.3.3),
// decoded when entries.ts reads them.

const BASE64_ELEMENT =
  /<([A-Za-z_][\w:.-]*)([^<>]*?)\smode\s*=\s*["']base64["']([^<>]*)>([A-Za-z0-9+/=\s]*)<\/\1\s*>/g;

/** The document with every base64-mode element's content decoded and escaped as text. */
export function decodeAtom03Base64(body: string): string {
  if (!body.includes('purl.org/atom/ns#') || !/\smode\s*=\s*["']base64/.test(body)) return body;
  return body.replace(
    BASE64_ELEMENT,
    (whole, name: string, before: string, after: string, encoded: string) => {
      const text = base64Text(encoded);
      return text === undefined ? whole : `<${name}${before}${after}>${escapeXml(text)}</${name}>`;
    },
  );
}

/** Base64 that decodes to UTF-8 text, or undefined (binary content has no text to give). */
export function base64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    return undefined;
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
