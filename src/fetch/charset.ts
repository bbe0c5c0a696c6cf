// Which character encoding a fetched body is in, and its text. In order: a byte order mark, the
// Content-Type charset, UTF-16/32 byte patterns, the XML declaration, an HTML <meta> in the first 1024
// bytes; else UTF-8, or windows-1252 when the bytes are not UTF-8. Decoding is Node's TextDecoder (ICU).

export interface DecodedBody {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `gbk`, `big5`, `windows-1252`, …). */
  charset: string;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const charset =
    bomEncoding(bytes) ??
    encodingOf(charsetParameter(contentType)) ??
    xmlByteOrder(bytes) ??
    asciiCompatible(encodingOf(xmlDeclaredEncoding(bytes))) ??
    asciiCompatible(encodingOf(metaCharset(bytes)));
  if (charset) return { text: decode(bytes, charset), charset };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  }
}

/** The WHATWG encoding for a label (`GB2312` → `gbk`, `latin1` → `windows-1252`), or null if unknown. */
export function encodingOf(label: string | null): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (UTF32_LABELS[name]) return UTF32_LABELS[name];
  try {
    const encoding = new TextDecoder(name).encoding;
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

// The WHATWG Encoding Standard has no UTF-32; XML's autodetection (Appendix F) does, so we decode it here.
const UTF32_LABELS: Record<string, string> = {
  'utf-32': 'utf-32le',
  'utf-32le': 'utf-32le',
  'utf-32be': 'utf-32be',
  'ucs-4': 'utf-32be',
};

function decode(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(bytes, charset === 'utf-32le');
  return new TextDecoder(charset).decode(bytes);
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) {
    const point = view.getUint32(offset, littleEndian);
    if (offset === 0 && point === 0xfeff) continue;
    const valid = point <= 0x10ffff && (point < 0xd800 || point > 0xdfff);
    parts.push(valid ? String.fromCodePoint(point) : '\ufffd');
  }
  return parts.join('');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** A byte order mark wins over every label (WHATWG "BOM sniff"). UTF-32 is tested before UTF-16. */
function bomEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return 'utf-32le';
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return 'utf-32be';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  return null;
}

/** `<?` in UTF-16 or UTF-32 without a BOM (XML 1.0 Appendix F). */
function xmlByteOrder(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0, 0, 0, 0x3c])) return 'utf-32be';
  if (startsWith(bytes, [0x3c, 0, 0, 0])) return 'utf-32le';
  if (startsWith(bytes, [0, 0x3c, 0, 0x3f])) return 'utf-16be';
  if (startsWith(bytes, [0x3c, 0, 0x3f, 0])) return 'utf-16le';
  return null;
}

/** A label found in ASCII-compatible bytes cannot be UTF-16/32 (WHATWG prescan: use UTF-8 then). */
function asciiCompatible(encoding: string | null): string | null {
  if (!encoding) return null;
  if (encoding.startsWith('utf-16') || encoding.startsWith('utf-32')) return 'utf-8';
  return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
}

/** The charset parameter of a Content-Type, tolerating quotes and spaces around `=`. */
export function charsetParameter(contentType: string | null): string | null {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const match = /^\s*charset\s*=\s*(.*?)\s*$/i.exec(parameter);
    if (match) return (match[1] ?? '').replace(/^(["'])(.*)\1$/, '$2') || null;
  }
  return null;
}

function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head(bytes))?.[1] ?? null;
}

/** The first `<meta charset>` or `<meta http-equiv="content-type" content="…charset=…">` in 1024 bytes. */
function metaCharset(bytes: Uint8Array): string | null {
  const text = head(bytes).replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const [tag] of text.matchAll(/<meta[\s/][^>]*>?/gi)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', quoted, single, bare] of tag
      .slice(5)
      .matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const key = name.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, quoted ?? single ?? bare ?? '');
    }
    const charset = attributes.get('charset');
    if (charset && encodingOf(charset)) return charset;
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-type' && content) {
      const fromContent = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(content)?.[1];
      if (fromContent && encodingOf(fromContent)) return fromContent;
    }
  }
  return null;
}
