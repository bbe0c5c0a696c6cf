// Finds glossary terms and keep-names in a text with regexes compiled once per Glossary object:
// one for every `en` (case-insensitive, simple plurals, optional spaces/hyphens), one for every
// `abbr` (case-sensitive), one for title prefixes (line starts only), one for the keep list.

import type { Glossary, Term } from './glossary.ts';

/** A term found in a text: where it first occurs and whether by its abbreviation. */
export interface Found {
  term: Term;
  index: number;
  viaAbbr: boolean;
}

interface Matcher {
  byKey: Map<string, Term>;
  byAbbr: Map<string, Term>;
  byPrefix: Map<string, Term>;
  words: RegExp | null;
  abbrs: RegExp | null;
  prefixes: RegExp | null;
  keep: RegExp | null;
  keepByText: Map<string, string>;
  english: Map<Term, RegExp>;
}

const ALNUM_BEFORE = '(?<![A-Za-z0-9])';
const ALNUM_AFTER = '(?![A-Za-z0-9])';
const cache = new WeakMap<Glossary, Matcher>();

/** The lookup key of an `en`: lower case, spaces and hyphens dropped ("Fine-tuning" = "finetuning"). */
export function termKey(en: string): string {
  return en.toLowerCase().replace(/[\s-]+/g, '');
}

/** Title-prefix entries ("Position:") match only at the start of a title or line. */
export function isTitlePrefix(term: Term): boolean {
  return term.en.endsWith(':');
}

/** Text reduced for comparing renderings: NFKC, lower case, no whitespace, no 的 (预训练的语言模型). */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s的]+/g, '');
}

const URL = /\bhttps?:\/\/\S+|\b(?:www\.|github\.com\/)\S+/g;

/** URLs blanked out (same length, so indices stay valid): words in a link are not prose. */
export function withoutUrls(text: string): string {
  return text.replace(URL, (url) => ' '.repeat(url.length));
}

/**
 * The glossary terms that occur in `text`, in order of first appearance. Title prefixes count only at
 * the start of a line, so pass `title + '\n' + body` to cover both.
 */
export function relevantTerms(glossary: Glossary, text: string): Term[] {
  return findTerms(glossary, text).map((found) => found.term);
}

/** Like relevantTerms, with positions; `prefixes: false` ignores title-prefix entries. */
export function findTerms(glossary: Glossary, text: string, options: { prefixes?: boolean } = {}): Found[] {
  const m = matcher(glossary);
  const prose = withoutUrls(text);
  const found = new Map<Term, Found>();
  const note = (term: Term | undefined, index: number, viaAbbr: boolean) => {
    const seen = term && found.get(term);
    if (term && (!seen || index < seen.index)) found.set(term, { term, index, viaAbbr });
  };
  const wordStarts: number[] = []; // spans of the word matches, in order, so that an abbreviation
  const wordEnds: number[] = []; // inside one ("AI" in "embodied AI") is not counted again
  if (m.words) {
    for (const hit of prose.matchAll(m.words)) {
      note(lookupWord(m, hit[0]), hit.index, false);
      wordStarts.push(hit.index);
      wordEnds.push(hit.index + hit[0].length);
    }
  }
  if (m.abbrs) {
    let w = 0;
    for (const hit of prose.matchAll(m.abbrs)) {
      while (w < wordEnds.length && (wordEnds[w] ?? 0) <= hit.index) w++;
      if ((wordStarts[w] ?? Infinity) <= hit.index) continue; // the AI in "embodied AI" is part of that term
      note(lookupAbbr(m, hit[0]), hit.index, true);
    }
  }
  if (m.prefixes && options.prefixes !== false) {
    for (const hit of prose.matchAll(m.prefixes))
      note(m.byPrefix.get(hit[1]?.toLowerCase() ?? ''), hit.index, false);
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** Whether `text` names the term in English (its `en` or `abbr`), e.g. kept in parentheses. */
export function mentionsEnglish(glossary: Glossary, term: Term, text: string): boolean {
  const m = matcher(glossary);
  let pattern = m.english.get(term);
  if (!pattern) {
    const abbr = term.abbr ? `|(?-i:${escapeRegex(term.abbr)}s?)` : '';
    pattern = new RegExp(`${ALNUM_BEFORE}(?:${wordPattern(term.en)}${abbr})${ALNUM_AFTER}`, 'i');
    m.english.set(term, pattern);
  }
  return pattern.test(text);
}

/** The glossary's keep-list names in `text` with their spans (case-sensitive, whole words). */
export function findKeepList(
  glossary: Glossary,
  text: string,
): Array<{ name: string; index: number; end: number }> {
  const m = matcher(glossary);
  if (!m.keep) return [];
  return [...withoutUrls(text).matchAll(m.keep)].map((hit) => ({
    name: keepName(m, hit[0].replace(/\s+/g, ' ')),
    index: hit.index,
    end: hit.index + hit[0].length,
  }));
}

/** Whether a token equals some term's `en` (any case) or `abbr` (exact, optional plural s). */
export function isGlossaryWord(glossary: Glossary, token: string): boolean {
  const m = matcher(glossary);
  return lookupWord(m, token) !== undefined || lookupAbbr(m, token) !== undefined;
}

function matcher(glossary: Glossary): Matcher {
  let m = cache.get(glossary);
  if (!m) {
    m = compile(glossary);
    cache.set(glossary, m);
  }
  return m;
}

function compile(glossary: Glossary): Matcher {
  const prefixTerms = glossary.terms.filter(isTitlePrefix);
  const wordTerms = glossary.terms.filter((term) => !isTitlePrefix(term));
  const abbrTerms = glossary.terms.filter((term) => term.abbr);
  const byLength = (a: string, b: string) => b.length - a.length;
  const words = wordTerms.map((term) => term.en).sort(byLength);
  const abbrs = abbrTerms.map((term) => escapeRegex(term.abbr ?? '')).sort(byLength);
  const prefixes = prefixTerms.map((term) => escapeRegex(term.en)).sort(byLength);
  const keep = [...glossary.keep].sort(byLength);
  const keepPattern = keep.map((name) => escapeRegex(name).replace(/ +/g, '\\s+'));
  return {
    byKey: new Map(wordTerms.map((term) => [termKey(term.en), term])),
    byAbbr: new Map(abbrTerms.map((term) => [term.abbr ?? '', term])),
    byPrefix: new Map(prefixTerms.map((term) => [term.en.toLowerCase(), term])),
    words: alternation(words.map(wordPattern), ALNUM_BEFORE, ALNUM_AFTER, 'gi'),
    // Not after "X-": the CNN of "Faster R-CNN" is part of a name.
    abbrs: alternation(abbrs, `${ALNUM_BEFORE}(?<![A-Za-z0-9]-)`, `s?${ALNUM_AFTER}`, 'g'),
    prefixes: alternation(prefixes, '^[ \\t]*(', ')', 'gim'),
    keep: alternation(keepPattern, '(?<![\\p{L}\\p{N}])', 's?(?![\\p{L}\\p{N}]|\\.\\d)', 'gu'),
    keepByText: new Map(keep.map((name) => [name.replace(/\s+/g, ' '), name])),
    english: new Map(),
  };
}

function alternation(patterns: string[], before: string, after: string, flags: string): RegExp | null {
  return patterns.length ? new RegExp(`${before}(?:${patterns.join('|')})${after}`, flags) : null;
}

/** `large language model` → `large[\s-]*language[\s-]*models?`; `policy` → `polic(?:y|ies)`. */
function wordPattern(en: string): string {
  const words = en
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegex);
  let last = words.pop() ?? '';
  if (/[^aeiou]y$/i.test(last)) last = `${last.slice(0, -1)}(?:y|ies)`;
  else if (/[a-z]$/i.test(last)) last = `${last}(?:e?s)?`;
  return [...words, last].join('[\\s-]*');
}

function lookupWord(m: Matcher, surface: string): Term | undefined {
  const key = termKey(surface);
  return (
    m.byKey.get(key) ??
    (key.endsWith('ies') ? m.byKey.get(`${key.slice(0, -3)}y`) : undefined) ??
    (key.endsWith('es') ? m.byKey.get(key.slice(0, -2)) : undefined) ??
    (key.endsWith('s') ? m.byKey.get(key.slice(0, -1)) : undefined)
  );
}

/** The keep-list spelling of a hit, plural allowed (two BERTs → BERT). */
function keepName(m: Matcher, hit: string): string {
  return m.keepByText.get(hit) ?? m.keepByText.get(hit.slice(0, -1)) ?? hit;
}

function lookupAbbr(m: Matcher, surface: string): Term | undefined {
  return m.byAbbr.get(surface) ?? (surface.endsWith('s') ? m.byAbbr.get(surface.slice(0, -1)) : undefined);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
