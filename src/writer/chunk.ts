// Splits a Markdown article into paragraph chunks for translation and stitches the translations back.
// Owns what an LLM may see: code, HTML, URLs and link targets become placeholders or stay verbatim. No I/O.
// Blocks come from chunk-blocks.ts, placeholders from chunk-inline.ts; this file packs, checks and stitches.

import { scanBlocks } from './chunk-blocks.ts';
import { protect } from './chunk-inline.ts';

/** How one source line of a text segment wraps its words: container prefix, trailing spaces or closing `#`s, line end. */
export interface LineLayout {
  prefix: string;
  suffix: string;
  eol: string;
}

/**
 * A piece of the article, in order; concatenating every piece's `markdown` gives the input back.
 * `text` is one paragraph or heading to translate; `verbatim` (code, HTML, tables, rules, blank lines,
 * front matter, reference definitions, lines without words) is copied unchanged.
 */
export type Segment =
  | {
      kind: 'text';
      markdown: string;
      /** The first line's prefix: `> `, `  - `, `## `, indentation. */
      prefix: string;
      lines: LineLayout[];
      /** Prefix for extra lines when a translation has more lines than the source; null joins them (headings). */
      continuation: string | null;
    }
  | { kind: 'verbatim'; markdown: string };

/** What the LLM receives: paragraphs separated by one blank line, protected spans as `⟦n⟧`. */
export interface Chunk {
  index: number;
  text: string;
}

/** For chunks[i]: the text segments its paragraphs come from, and the source of `⟦n⟧` at originals[n - 1]. */
export interface ChunkSource {
  segments: number[];
  originals: string[];
}

export interface ChunkPlan {
  segments: Segment[];
  chunks: Chunk[];
  sources: ChunkSource[];
}

// Mathematical white square brackets: not Markdown syntax, not prose punctuation in English or Chinese,
// and rare enough that models copy them as opaque symbols instead of translating or "fixing" them.
const TOKEN = /⟦\s*(\d+)\s*⟧/g;
const LETTER = /\p{L}/u;

/** Splits `markdown` into segments and packs its text segments into chunks of at most `maxChars` characters. */
export function planChunks(markdown: string, maxChars = 3000): ChunkPlan {
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new Error(`planChunks: maxChars must be a positive integer, got ${maxChars}`);
  }
  const bom = markdown.startsWith('\uFEFF') ? '\uFEFF' : '';
  const { blocks, labels } = scanBlocks(markdown.slice(bom.length));
  const segments: Segment[] = [];
  const paragraphs: Paragraph[] = [];
  addVerbatim(segments, bom);
  for (const block of blocks) {
    if (block.kind === 'verbatim') {
      addVerbatim(segments, block.markdown);
      continue;
    }
    const source = block.lines.map((l) => l.prefix + l.words + l.suffix + l.eol).join('');
    const { text, originals } = protect(block.lines.map((l) => l.words).join('\n'), labels);
    if (!LETTER.test(text)) {
      addVerbatim(segments, source);
      continue;
    }
    paragraphs.push({ segment: segments.length, text, originals });
    const lines = block.lines.map(({ prefix, suffix, eol }) => ({ prefix, suffix, eol }));
    const prefix = lines[0]?.prefix ?? '';
    const continuation = block.heading ? null : prefix.replace(/[^>\s]/g, ' ');
    segments.push({ kind: 'text', markdown: source, prefix, lines, continuation });
  }
  return { segments, ...pack(paragraphs, maxChars) };
}

/** Reasons `translation` cannot replace `chunk` (empty when usable); each names the placeholder or count. */
export function checkChunk(chunk: Chunk, translation: string): string[] {
  const expected = paragraphsOf(chunk.text);
  const got = paragraphsOf(translation);
  if (got.length === 0) return ['translation is empty'];
  const reasons: string[] = [];
  if (got.length !== expected.length) {
    reasons.push(`has ${got.length} paragraphs, expected ${expected.length} separated by single blank lines`);
  }
  const want = placesOf(expected);
  const have = placesOf(got);
  for (const [n, [home]] of want) {
    const found = have.get(n) ?? [];
    if (found.length === 0) reasons.push(`placeholder ⟦${n}⟧ is missing`);
    else if (found.length > 1) reasons.push(`placeholder ⟦${n}⟧ appears ${found.length} times`);
    else if (got.length === expected.length && found[0] !== home) {
      reasons.push(`placeholder ⟦${n}⟧ moved from paragraph ${Number(home) + 1} to ${Number(found[0]) + 1}`);
    }
  }
  for (const n of have.keys()) if (!want.has(n)) reasons.push(`placeholder ⟦${n}⟧ is not in the source`);
  return reasons;
}

/** The article with each chunk replaced by its translation; throws naming the chunk when one is unusable. */
export function stitch(plan: ChunkPlan, translations: readonly string[]): string {
  if (translations.length !== plan.chunks.length) {
    throw new Error(`stitch: got ${translations.length} translations for ${plan.chunks.length} chunks`);
  }
  const translated = new Map<number, string>();
  plan.chunks.forEach((chunk, i) => {
    const translation = translations[i] ?? '';
    const reasons = checkChunk(chunk, translation);
    if (reasons.length > 0) throw new Error(`chunk ${chunk.index}: ${reasons.join('; ')}`);
    const source = plan.sources[i] ?? { segments: [], originals: [] };
    paragraphsOf(translation).forEach((paragraph, j) => {
      const restored = paragraph.replace(TOKEN, (_, n: string) => source.originals[Number(n) - 1] ?? '');
      translated.set(source.segments[j] ?? -1, restored);
    });
  });
  return plan.segments
    .map((segment, s) => {
      if (segment.kind === 'verbatim') return segment.markdown;
      const text = translated.get(s);
      if (text === undefined) throw new Error(`stitch: text segment ${s} belongs to no chunk`);
      return layOut(segment, text);
    })
    .join('');
}

interface Paragraph {
  segment: number;
  text: string;
  originals: string[];
}

/** Greedy packing in document order; placeholders are renumbered from 1 in every chunk. */
function pack(paragraphs: Paragraph[], maxChars: number): { chunks: Chunk[]; sources: ChunkSource[] } {
  const chunks: Chunk[] = [];
  const sources: ChunkSource[] = [];
  let text = '';
  let source: ChunkSource = { segments: [], originals: [] };
  for (const paragraph of paragraphs) {
    let rendered = renumber(paragraph.text, source.originals.length);
    if (source.segments.length > 0 && text.length + 2 + rendered.length > maxChars) {
      chunks.push({ index: chunks.length, text });
      sources.push(source);
      source = { segments: [], originals: [] };
      rendered = renumber(paragraph.text, 0);
    }
    text = source.segments.length > 0 ? `${text}\n\n${rendered}` : rendered;
    source.segments.push(paragraph.segment);
    source.originals.push(...paragraph.originals);
  }
  if (source.segments.length > 0) {
    chunks.push({ index: chunks.length, text });
    sources.push(source);
  }
  return { chunks, sources };
}

function renumber(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(TOKEN, (_, n: string) => `⟦${Number(n) + offset}⟧`);
}

/** Paragraphs of a chunk or translation: CRLF as LF, spaces and tabs trimmed per line, split at blank lines. */
function paragraphsOf(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const trimmed = lines.map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''));
  return trimmed
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .split(/\n{2,}/)
    .filter((p) => p !== '');
}

/** Placeholder number → the paragraph index of each occurrence. */
function placesOf(paragraphs: string[]): Map<number, number[]> {
  const places = new Map<number, number[]>();
  paragraphs.forEach((paragraph, p) => {
    for (const [, n] of paragraph.matchAll(TOKEN))
      places.set(Number(n), [...(places.get(Number(n)) ?? []), p]);
  });
  return places;
}

/** Puts a translated paragraph back into its segment's prefixes, keeping the source's line layout when it can. */
function layOut(segment: Extract<Segment, { kind: 'text' }>, text: string): string {
  const source = segment.lines;
  let lines = text.split('\n');
  if (lines.length !== source.length && segment.continuation === null) lines = [lines.join(' ')];
  if (lines.length === source.length) {
    return lines
      .map((line, i) => `${source[i]?.prefix}${line}${source[i]?.suffix}${source[i]?.eol}`)
      .join('');
  }
  const first = source[0] ?? { prefix: '', suffix: '', eol: '\n' };
  const lastEol = source.at(-1)?.eol ?? '';
  return lines
    .map(
      (line, i) =>
        (i === 0 ? first.prefix : segment.continuation) +
        line +
        (i === lines.length - 1 ? lastEol : first.eol),
    )
    .join('');
}

function addVerbatim(segments: Segment[], markdown: string): void {
  const last = segments.at(-1);
  if (last?.kind === 'verbatim') last.markdown += markdown;
  else if (markdown !== '') segments.push({ kind: 'verbatim', markdown });
}
