// Splits a Markdown article into paragraph chunks for translation and stitches the translations back.
// Owns what an LLM may see: code, HTML, URLs and link targets become placeholders or stay verbatim. No I/O.

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
const BLANK = /^[ \t\r]*$/; // a lone CR counts as space, so a paragraph line always has words
const QUOTE = /^(?: {0,3}> ?)*/;
const MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\[\^[^\]\s]+\]:)(?:[ \t]+|$)/;
const FENCE_OPEN = /^[ \t]*(?:(`{3,})[^`]*|(~{3,}).*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const ATX = /^[ \t]{0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSE = /(?:^|[ \t]+)#+[ \t\r]*$|[ \t\r]+$/;
const SETEXT = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const REF_DEF = /^[ \t]{0,3}\[(?!\^)((?:[^\]\\]|\\.)+)\]:[ \t]*\S/;
const REF_TITLE = /^[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\))[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|' +
  'dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|' +
  'main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|' +
  'thead|title|tr|track|ul';
/** CommonMark HTML block kinds 1–6: how each starts and the line that ends it (null: the next blank line). */
const HTML_BLOCKS: [RegExp, RegExp | null][] = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [new RegExp(`^</?(?:${BLOCK_TAGS})(?:[ \\t>]|/>|$)`, 'i'), null],
];
/** Kind 7: one complete open or close tag alone on its line; it cannot interrupt a paragraph. */
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][\w-]*\s*>)[ \t]*$/;
// Inline spans the LLM never sees (sticky: matched at a position).
const ANGLE =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?|!--[\s\S]*?--)>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>\u2018-\u201f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/iy;
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/y;
const LINK_LABEL = /\[(?:[^[\]\\]|\\.){0,999}\]/y;

interface Line {
  body: string;
  eol: string;
}
type Draft = { kind: 'text'; depth: number; heading: boolean; lines: (LineLayout & { words: string })[] };
type Block = Draft | { kind: 'verbatim'; markdown: string };
/** An open code fence, or a verbatim block (HTML, table) ending at the line matching `end` or before a blank line. */
type Mode =
  | { kind: 'fence'; char: string; length: number; depth: number }
  | { kind: 'block'; end: RegExp | null };
interface Scan {
  blocks: Block[];
  labels: Set<string>;
  para: Draft | null;
}

/** Splits `markdown` into segments and packs its text segments into chunks of at most `maxChars` characters. */
export function planChunks(markdown: string, maxChars = 3000): ChunkPlan {
  if (!Number.isInteger(maxChars) || maxChars < 1) {
    throw new Error(`planChunks: maxChars must be a positive integer, got ${maxChars}`);
  }
  const bom = markdown.startsWith('\uFEFF') ? '\uFEFF' : '';
  const { blocks, labels } = scan(markdown.slice(bom.length));
  const segments: Segment[] = [];
  const paragraphs: Paragraph[] = [];
  if (bom) blocks.unshift({ kind: 'verbatim', markdown: bom });
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

// ---- Blocks: a line scanner for the Markdown that web extraction produces, not a full CommonMark parser.

function scan(markdown: string): { blocks: Block[]; labels: Set<string> } {
  const lines: Line[] = markdown.split(/(?<=\n)/).map((piece) => {
    const eol = /\r?\n$/.exec(piece)?.[0] ?? '';
    return { body: piece.slice(0, piece.length - eol.length), eol };
  });
  const s: Scan = { blocks: [], labels: new Set(), para: null };
  const front = frontMatterEnd(lines);
  let mode: Mode | null = null;
  let lists: number[] = []; // content columns of the open list items, innermost last
  let listDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const quote = QUOTE.exec(line.body)?.[0] ?? '';
    const depth = quote.split('>').length - 1;
    const rest = line.body.slice(quote.length);
    if (i < front || inside(mode, depth, rest)) {
      if (mode?.kind === 'fence' ? isFenceClose(mode, rest) : mode?.end?.test(line.body)) mode = null;
      verbatim(s, line);
      continue;
    }
    mode = null;
    if (BLANK.test(rest)) {
      verbatim(s, line);
      continue;
    }
    if (depth !== listDepth) [lists, listDepth] = [[], depth];
    const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
    const indent = widthOf(lead);
    if (!s.para) while (lists.length > 0 && indent < (lists.at(-1) as number)) lists.pop();
    const words = rest.slice(lead.length);
    if (indent >= (lists.at(-1) ?? 0) + 4) {
      if (s.para) addLine(s.para, quote + lead, words, line.eol);
      else verbatim(s, line); // indented code
      continue;
    }
    const next = lines[i + 1];
    const table: Mode | null =
      rest.includes('|') && isDelimiterRow(next, depth) ? { kind: 'block', end: null } : null;
    mode = fenceOf(rest, depth) ?? htmlOf(words, s.para !== null) ?? table; // a table runs to the next blank line
    if (mode || RULE.test(rest) || (s.para && SETEXT.test(rest))) {
      if (mode?.kind === 'block' && mode.end?.test(words)) mode = null; // closes on its opening line
      verbatim(s, line);
      continue;
    }
    const ref = s.para ? null : REF_DEF.exec(rest);
    if (ref) {
      s.labels.add(labelOf(ref[1] ?? ''));
      verbatim(s, line);
      if (next && REF_TITLE.test(next.body)) verbatim(s, lines[++i] as Line);
      continue;
    }
    const marker = MARKER.exec(rest)?.[0];
    if (marker !== undefined) {
      while (lists.length > 0 && (lists.at(-1) as number) > indent) lists.pop();
      const footnote = marker.trimStart().startsWith('[^');
      lists.push(footnote ? indent + 4 : Math.max(widthOf(marker), widthOf(marker.trimEnd()) + 1));
      const item = rest.slice(marker.length);
      mode = fenceOf(item, depth);
      if (mode || BLANK.test(item)) verbatim(s, line);
      else startText(s, depth, quote + marker, item, line.eol);
      continue;
    }
    if (s.para && depth <= s.para.depth && !ATX.test(rest)) addLine(s.para, quote + lead, words, line.eol);
    else startText(s, depth, quote, rest, line.eol);
  }
  return { blocks: s.blocks, labels: s.labels };
}

/** Whether a line still belongs to the open fence or verbatim block. */
function inside(mode: Mode | null, depth: number, rest: string): boolean {
  if (mode?.kind === 'fence') return depth >= mode.depth;
  if (mode?.kind === 'block') return mode.end !== null || !BLANK.test(rest);
  return false;
}

function isFenceClose(fence: Extract<Mode, { kind: 'fence' }>, rest: string): boolean {
  const run = FENCE_CLOSE.exec(rest)?.[1];
  return run?.charAt(0) === fence.char && run.length >= fence.length;
}

function fenceOf(text: string, depth: number): Mode | null {
  const match = FENCE_OPEN.exec(text);
  const run = match?.[1] ?? match?.[2];
  return run ? { kind: 'fence', char: run.charAt(0), length: run.length, depth } : null;
}

/** The verbatim block an HTML line opens (kinds 1–6 interrupt a paragraph, kind 7 does not), or null. */
function htmlOf(words: string, inParagraph: boolean): Mode | null {
  const known = HTML_BLOCKS.find(([start]) => start.test(words));
  if (known) return { kind: 'block', end: known[1] };
  return !inParagraph && HTML_TAG_LINE.test(words) ? { kind: 'block', end: null } : null;
}

function isDelimiterRow(line: Line | undefined, depth: number): boolean {
  const quote = QUOTE.exec(line?.body ?? '')?.[0] ?? '';
  const rest = (line?.body ?? '').slice(quote.length);
  return (
    line !== undefined &&
    quote.split('>').length - 1 === depth &&
    rest.includes('|') &&
    TABLE_DELIMITER.test(rest)
  );
}

/** YAML (`---`) or TOML (`+++`) front matter: lines before the returned index are kept verbatim. */
function frontMatterEnd(lines: Line[]): number {
  const fence = lines[0]?.body.trimEnd();
  if ((fence !== '---' && fence !== '+++') || !/^[\w-]+[ \t]*[:=]/.test(lines[1]?.body ?? '')) return 0;
  const close = lines.findIndex(
    (l, i) => i > 0 && (l.body.trimEnd() === fence || (fence === '---' && l.body.trimEnd() === '...')),
  );
  return close + 1;
}

function startText(s: Scan, depth: number, container: string, rest: string, eol: string): void {
  const atx = ATX.exec(rest)?.[0];
  const lead = atx ?? /^[ \t]*/.exec(rest)?.[0] ?? '';
  const draft: Draft = { kind: 'text', depth, heading: atx !== undefined, lines: [] };
  addLine(draft, container + lead, rest.slice(lead.length), eol);
  s.blocks.push(draft);
  s.para = atx === undefined ? draft : null;
}

function addLine(draft: Draft, prefix: string, text: string, eol: string): void {
  const suffix = (draft.heading ? ATX_CLOSE : /[ \t\r]+$/).exec(text)?.[0] ?? '';
  draft.lines.push({ prefix, words: text.slice(0, text.length - suffix.length), suffix, eol });
}

function verbatim(s: Scan, line: Line): void {
  s.para = null;
  const last = s.blocks.at(-1);
  if (last?.kind === 'verbatim') last.markdown += line.body + line.eol;
  else s.blocks.push({ kind: 'verbatim', markdown: line.body + line.eol });
}

function widthOf(text: string): number {
  return [...text].reduce((width, c) => (c === '\t' ? width + 4 - (width % 4) : width + 1), 0);
}

function labelOf(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

// ---- Inline: code spans, autolinks, HTML tags, images, link targets and bare URLs become `⟦n⟧`.

/** The paragraph with protected spans replaced by `⟦n⟧`, and their sources (originals[n - 1]). */
function protect(text: string, labels: ReadonlySet<string>): { text: string; originals: string[] } {
  const originals: string[] = [];
  const hold = (source: string) => `⟦${originals.push(source)}⟧`;
  const walk = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; ) {
      const span = spanAt(s, i, labels);
      if (span.kind === 'link')
        out += `[${walk(s.slice(i + 1, span.close))}]${hold(s.slice(span.close + 1, span.end))}`;
      else out += span.kind === 'hold' ? hold(s.slice(i, span.end)) : s.slice(i, span.end);
      i = span.end;
    }
    return out;
  };
  return { text: walk(text), originals };
}

/** What starts at s[i]: text to copy, a span to hold, or a link whose text (i+1..close) stays translatable. */
type Span = { kind: 'copy' | 'hold'; end: number } | { kind: 'link'; close: number; end: number };

function spanAt(s: string, i: number, labels: ReadonlySet<string>): Span {
  const c = s.charAt(i);
  if (c === '\\') return { kind: 'copy', end: Math.min(i + 2, s.length) };
  if (c === '⟦' || c === '⟧') return { kind: 'hold', end: i + 1 }; // so the LLM text has only our placeholders
  if (c === '`') return codeSpanAt(s, i);
  if (c === '<') return holdMatch(ANGLE, s, i);
  if (c === '!' && s[i + 1] === '[') {
    const close = bracketEnd(s, i + 1);
    const end = close < 0 ? -1 : destinationEnd(s, close + 1);
    if (end > 0) return { kind: 'hold', end };
    if (close > 0 && labels.has(labelOf(s.slice(i + 2, close)))) return { kind: 'hold', end: close + 1 };
    return { kind: 'copy', end: i + 1 };
  }
  if (c === '[') {
    const footnote = holdMatch(FOOTNOTE_REF, s, i);
    if (footnote.kind === 'hold') return footnote;
    const close = bracketEnd(s, i);
    const end = close < 0 ? -1 : destinationEnd(s, close + 1);
    if (end > 0 && s.slice(close + 1, end) !== '[]') return { kind: 'link', close, end };
    // `[label][]` and `[label]` name a reference definition by their text, which must not change.
    if (close > 0 && (end > 0 || labels.has(labelOf(s.slice(i + 1, close)))))
      return { kind: 'hold', end: Math.max(end, close + 1) };
    return { kind: 'copy', end: i + 1 };
  }
  if (/[hw]/i.test(c) && !/[A-Za-z0-9]/.test(s.charAt(i - 1))) {
    const url = holdMatch(BARE_URL, s, i);
    let end = url.end;
    while (url.kind === 'hold' && end > i + 1 && isTrailingPunctuation(s.slice(i, end))) end--;
    return { ...url, end };
  }
  return { kind: 'copy', end: i + 1 };
}

function holdMatch(pattern: RegExp, s: string, i: number): Span {
  pattern.lastIndex = i;
  const match = pattern.exec(s);
  return match ? { kind: 'hold', end: i + match[0].length } : { kind: 'copy', end: i + 1 };
}

/** A URL's last character is sentence punctuation, or a closing bracket the URL did not open. */
function isTrailingPunctuation(url: string): boolean {
  const last = url.charAt(url.length - 1);
  if (/[.,:;!?'"*_~]/.test(last)) return true;
  const count = (ch: string) => url.split(ch).length - 1;
  return (last === ')' && count(')') > count('(')) || (last === ']' && count(']') > count('['));
}

/** A code span from s[i] to the next backtick run of the same length; an unmatched run is plain text. */
function codeSpanAt(s: string, i: number): Span {
  const run = (at: number) => {
    let n = 0;
    while (s[at + n] === '`') n++;
    return n;
  };
  const open = run(i);
  for (let j = s.indexOf('`', i + open); j >= 0; j = s.indexOf('`', j + run(j))) {
    if (run(j) === open) return { kind: 'hold', end: j + open };
  }
  return { kind: 'copy', end: i + open };
}

/** Index of the `]` matching the `[` at s[open], skipping escapes and code spans; -1 when unbalanced. */
function bracketEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '`') i = codeSpanAt(s, i).end - 1;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** End of a link's `(destination "title")` or `[label]` starting at s[at]; -1 when there is none. */
function destinationEnd(s: string, at: number): number {
  if (s[at] === '[') {
    LINK_LABEL.lastIndex = at;
    const label = LINK_LABEL.exec(s);
    return label ? at + label[0].length : -1;
  }
  if (s[at] !== '(') return -1;
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}
