// Reading files for `ribao import`: bytes → text (UTF-8, BOM stripped) → the format that parses it.
// Every failure is an InputError naming the file and the reason; nothing is stored here.

import { readFile, stat } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.ts';
import { decodeBody } from '../fetch/charset.ts';
import { sources } from '../sources/registry.ts';
import type { ImportFormat } from '../sources/source.ts';
import type { Batch } from './ingest.ts';

const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The formats `--format` accepts, each with the source kind its items are stored under. */
export async function formats(): Promise<{ format: ImportFormat; kind: string }[]> {
  return (await sources()).flatMap((s) => (s.formats ?? []).map((format) => ({ format, kind: s.kind })));
}

export async function checkFormat(name: string): Promise<void> {
  const known = (await formats()).map((f) => f.format.name);
  if (name !== 'auto' && !known.includes(name)) {
    throw new UsageError(`--format ${name}: unknown format (available: auto, ${known.join(', ')})`);
  }
}

/** Read and parse one file into a batch of raw items, or throw an InputError. */
export async function readInput(path: string, formatName: string): Promise<Batch> {
  const text = await readText(path);
  const all = await formats();
  const chosen =
    formatName === 'auto'
      ? all.find((f) => f.format.sniff(text, path))
      : all.find((f) => f.format.name === formatName);
  if (!chosen) {
    const what = /^\s*<(!doctype html|html)/i.test(text)
      ? 'an HTML page'
      : 'not in a format ribao can import';
    throw new InputError(
      path,
      `${what} (formats: ${all.map((f) => f.format.name).join(', ')}; use --format to choose)`,
    );
  }
  return { source: chosen.kind, origin: path, items: chosen.format.parse(text, path) };
}

/** A UTF-8 text file, or an InputError naming it and what was wrong (missing, too big, binary, empty). */
export async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory, not a file');
    if (info.size > MAX_FILE_BYTES)
      throw new InputError(path, `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (error as Error).message})`,
    );
  }
  // A BOM or an encoding declaration (XML, HTML meta) decides; otherwise the text must be UTF-8.
  const { text, charset } = decodeBody(bytes, null);
  const declared = /encoding\s*=|charset\s*=/i.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
  if (charset === 'windows-1252' && !declared) {
    throw new InputError(path, 'is not UTF-8 text and declares no encoding (convert it to UTF-8 first)');
  }
  if (text.trim() === '') throw new InputError(path, 'is empty');
  return text;
}
