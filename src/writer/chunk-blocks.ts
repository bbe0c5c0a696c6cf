// Block scanner for chunk.ts: splits Markdown lines into paragraphs and headings to translate and verbatim blocks.
// A line scanner for the Markdown that web extraction produces, not a full CommonMark parser. No I/O.

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

/** One source line of a paragraph or heading: its words and the layout around them (chunk.ts `LineLayout`). */
export interface DraftLine {
  prefix: string;
  words: string;
  suffix: string;
  eol: string;
}
export type Draft = { kind: 'text'; depth: number; heading: boolean; lines: DraftLine[] };
/** Blocks in document order; concatenating every line of every block gives the input back. */
export type Block = Draft | { kind: 'verbatim'; markdown: string };

interface Line {
  body: string;
  eol: string;
}
/** An open code fence, or a verbatim block (HTML, table) ending at the line matching `end` or before a blank line. */
type Mode =
  | { kind: 'fence'; char: string; length: number; depth: number }
  | { kind: 'block'; end: RegExp | null };
interface Scan {
  blocks: Block[];
  labels: Set<string>;
  para: Draft | null;
}

/** The blocks of `markdown`, and the labels (normalized by `labelOf`) of its reference definitions. */
export function scanBlocks(markdown: string): { blocks: Block[]; labels: Set<string> } {
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
    const { quote, depth, rest } = splitQuote(line.body);
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

/** How link labels match: trimmed, inner whitespace collapsed, case folded. */
export function labelOf(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A line's block-quote markers, how many there are, and what follows them. */
function splitQuote(body: string): { quote: string; depth: number; rest: string } {
  const quote = QUOTE.exec(body)?.[0] ?? '';
  return { quote, depth: quote.split('>').length - 1, rest: body.slice(quote.length) };
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
  if (line === undefined) return false;
  const row = splitQuote(line.body);
  return row.depth === depth && row.rest.includes('|') && TABLE_DELIMITER.test(row.rest);
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

/** A line copied unchanged; it ends any open paragraph. chunk.ts merges neighbouring verbatim blocks. */
function verbatim(s: Scan, line: Line): void {
  s.para = null;
  s.blocks.push({ kind: 'verbatim', markdown: line.body + line.eol });
}

function widthOf(text: string): number {
  return [...text].reduce((width, c) => (c === '\t' ? width + 4 - (width % 4) : width + 1), 0);
}
