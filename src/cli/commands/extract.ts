// `ribao extract FILE… [--url BASE]`: saved HTML pages → one JSON object per line (the extracted article
// and its metadata), in input order; `-` reads stdin. Files only, no network. Exit 3 if any file failed.

import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, InputError, UsageError } from '../../errors.ts';
import { decodeBody } from '../../fetch/charset.ts';
import { extract, MAX_HTML_CHARS } from '../../sources/web/extract.ts';
import type { Command } from '../command.ts';

/** No file this large (bytes) can decode to MAX_HTML_CHARS characters or fewer (≤ 3 bytes per UTF-16 unit
 * in UTF-8; legacy encodings use fewer): refuse it before reading it into memory. */
const MAX_FILE_BYTES = MAX_HTML_CHARS * 3;

export default {
  summary: 'extract the article from saved HTML pages as JSON lines (- reads stdin)',
  usage:
    'ribao extract FILE… [--url BASE]\n' +
    '  FILE    a saved HTML page; - reads stdin\n' +
    '  --url   the page URL links resolve against (default: the page’s <link rel=canonical>, else the file)',
  options: { url: { type: 'string', short: 'u' } },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('extract needs at least one FILE (or - for stdin)');
    const base = values.url === undefined ? undefined : baseUrl(String(values.url));
    let failed = 0;
    for (const [index, file] of positionals.entries()) {
      ctx.progress(`extracting ${index + 1}/${positionals.length} ${file}`);
      let line: Record<string, unknown>;
      try {
        const html = await readHtml(file);
        const url = base ?? (file === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(file)).href);
        line = { file, ...extract(html, url, { preferCanonical: base === undefined }) };
      } catch (error) {
        failed++;
        line = { file, error: describe(error) };
      }
      ctx.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return failed > 0 ? 3 : 0;
  },
} satisfies Command;

function baseUrl(text: string): string {
  try {
    const url = new URL(text);
    if (['http:', 'https:', 'file:'].includes(url.protocol)) return url.href;
  } catch {
    // reported below
  }
  throw new UsageError(`--url must be an absolute http(s) or file URL, not "${text}"`);
}

/** The file's text, decoded by its byte order mark or <meta charset> (GBK pages stay readable). */
async function readHtml(file: string): Promise<string> {
  const bytes = file === '-' ? await readStdin(file) : await readFileCapped(file);
  return decodeBody(bytes, null).text;
}

async function readFileCapped(file: string): Promise<Uint8Array> {
  const size = (await stat(file)).size;
  if (size > MAX_FILE_BYTES)
    throw new InputError(file, `is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  return readFile(file);
}

async function readStdin(file: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new InputError(file, `stdin is over the ${MAX_FILE_BYTES}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
