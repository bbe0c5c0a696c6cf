// How ribao splits text into search tokens, shared by Node (src/search/tokens.ts) and the browser:
// pieces (CJK runs, Latin spans), bigrams, stemmed words, model names, query terms and highlight ranges.
// Knows nothing of jieba (Node adds its words) or of the index layout (engine.js).

import { stem } from './porter.js';

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const WORD = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{M}\\p{N}])+`;
/** A CJK run, or a Latin span: words joined by single `-`, `.` or `_` (gpt-4o, qwen2.5, fine-tuning). */
const PIECE = new RegExp(`[${CJK_CLASS}]+|${WORD}(?:[-._]${WORD})*`, 'gu');
const CJK_START = new RegExp(`^[${CJK_CLASS}]`, 'u');
const SEPARATOR = /([-._])/;
/** Model names keep at most this many segments as one token (qwen2.5-vl-72b → qwen2.5vl72b). */
const COMPOUND_SEGMENTS = 4;
/** A query's CJK run this long is also looked up whole, as the jieba word it may be. */
const PHRASE_CHARS = { min: 3, max: 12 };

/** English function words, dropped from index and query alike. */
export const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just let me more
  most my myself no nor not now of off on once only or other ought our ours ourselves out over own
  same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very via was we were what when where which while who whom why
  will with would you your yours yourself yourselves also may might must shall us etc ll ve re don
  doesn didn isn aren wasn weren won wouldn shouldn couldn hasn haven hadn`.split(/\s+/),
);

/** The pieces of `text` after NFKC and lower-casing, in order: `{ cjk, text }`. */
export function pieces(text) {
  return [...text.normalize('NFKC').toLowerCase().matchAll(PIECE)].map(([piece]) => ({
    cjk: CJK_START.test(piece),
    text: piece,
  }));
}

/** Overlapping character pairs (大模型 → 大模, 模型); a single character stands alone. */
export function cjkBigrams(run) {
  const chars = [...run];
  if (chars.length === 1) return [run];
  return chars.slice(1).map((char, i) => `${chars[i]}${char}`);
}

/** The tokens an index keeps for a Latin span: its words, and its model-name prefixes. */
export function latinIndexTokens(span, stemWord = stem) {
  const parts = span.split(SEPARATOR);
  const out = segmentsOf(parts).flatMap((segment) => segmentTokens(segment, stemWord));
  if (isCompound(parts)) {
    for (let k = 2; k <= Math.min(segmentsOf(parts).length, COMPOUND_SEGMENTS); k++) {
      out.push(compound(parts, k));
    }
  }
  return out;
}

/** The tokens a query asks for a Latin span: a model name as its one longest prefix, words otherwise. */
export function latinQueryTokens(span, stemWord = stem) {
  const parts = span.split(SEPARATOR);
  const segments = segmentsOf(parts);
  if (!isCompound(parts)) return segments.flatMap((segment) => segmentTokens(segment, stemWord));
  const n = Math.min(segments.length, COMPOUND_SEGMENTS);
  return [compound(parts, n), ...segments.slice(n).flatMap((segment) => segmentTokens(segment, stemWord))];
}

/**
 * A query's terms: `required` (AND, else OR) and `optional` (whole CJK runs of 3–12 characters, in
 * case jieba indexed them as a word; they score but never exclude). A one-character run (用 in 用GPT-4o)
 * is asked for only when the query has nothing else.
 */
export function queryTerms(text, stemWord = stem) {
  const required = [];
  const optional = [];
  const single = [];
  for (const piece of pieces(text)) {
    if (!piece.cjk) required.push(...latinQueryTokens(piece.text, stemWord));
    else {
      const length = [...piece.text].length;
      if (length === 1) single.push(piece.text);
      else required.push(...cjkBigrams(piece.text));
      if (length >= PHRASE_CHARS.min && length <= PHRASE_CHARS.max) optional.push(piece.text);
    }
  }
  // The index holds a lone character only where it stood alone; asked with other words it only costs a shard.
  if (required.length === 0) required.push(...single);
  return { required: [...new Set(required)], optional: [...new Set(optional)] };
}

/** The tokens a query must match, deduplicated, in order. */
export function queryTokens(text, stemWord = stem) {
  return queryTerms(text, stemWord).required;
}

/** The token a shard is chosen by: a CJK word goes with its first bigram, so a query fetches no more. */
export function shardKey(token) {
  if (!CJK_START.test(token)) return token;
  const chars = [...token];
  return chars.length >= 3 ? `${chars[0]}${chars[1]}` : token;
}

/** `[start, end)` ranges of `text` (UTF-16 offsets) whose tokens are among `terms`, merged, in order. */
export function markRanges(text, terms, stemWord = stem) {
  const ranges = [];
  for (const match of text.matchAll(PIECE)) {
    const piece = match[0];
    const at = match.index;
    if (CJK_START.test(piece)) ranges.push(...cjkRanges(piece, at, terms));
    else ranges.push(...latinRanges(piece, at, terms, stemWord));
  }
  return merge(ranges);
}

function cjkRanges(run, at, terms) {
  const chars = [...run];
  const offsets = [at];
  for (const char of chars) offsets.push((offsets.at(-1) ?? at) + char.length);
  const norm = (s) => s.normalize('NFKC');
  if (chars.length === 1) return terms.has(norm(run)) ? [[at, at + run.length]] : [];
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (terms.has(norm(`${chars[i]}${chars[i + 1]}`))) out.push([offsets[i], offsets[i + 2]]);
  }
  return out;
}

function latinRanges(span, at, terms, stemWord) {
  const parts = span.split(SEPARATOR);
  const normal = parts.map((part) => part.normalize('NFKC').toLowerCase());
  const out = [];
  let start = at;
  for (let i = 0; i < parts.length; i++) {
    const end = start + parts[i].length;
    if (i % 2 === 0) {
      const segment = normal[i];
      if (segmentTokens(segment, stemWord).some((token) => terms.has(token))) out.push([start, end]);
      const k = i / 2 + 1;
      if (k >= 2 && k <= COMPOUND_SEGMENTS && isCompound(normal) && terms.has(compound(normal, k))) {
        out.push([at, end]);
      }
    }
    start = end;
  }
  return out;
}

function merge(ranges) {
  const sorted = ranges.toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** The segments of a span split with its separators kept (`['gpt', '-', '4o']` → gpt, 4o). */
function segmentsOf(parts) {
  return parts.filter((_, i) => i % 2 === 0);
}

/** A span of several segments with a digit in it names a model or a version (gpt-4o, 2401.12345). */
function isCompound(parts) {
  return parts.length > 1 && parts.some((part) => /\p{N}/u.test(part));
}

/** The first k segments as one token: dots kept, hyphens and underscores dropped (gpt-4o → gpt4o). */
function compound(parts, k) {
  return parts
    .slice(0, 2 * k - 1)
    .join('')
    .replace(/[-_]/g, '');
}

/** A word's token; a segment with digits is kept whole (4o, 72b, 2024) with its leading word (qwen2 → qwen). */
function segmentTokens(segment, stemWord) {
  if (!/\p{N}/u.test(segment)) {
    const word = wordToken(segment, stemWord);
    return word ? [word] : [];
  }
  const out = segment.length >= 2 ? [segment] : [];
  const lead = /^[\p{L}\p{M}]+/u.exec(segment)?.[0];
  const word = lead ? wordToken(lead, stemWord) : null;
  if (word) out.push(word);
  return out;
}

/** A word's token, or null for a stopword or a lone letter. */
function wordToken(word, stemWord) {
  if (word.length < 2 || STOPWORDS.has(word)) return null;
  // Strip accents so "naïve" and "naive" meet; the Porter stemmer knows only a–z.
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z]+$/.test(plain) ? stemWord(plain) : plain;
}
