// Names that must not be translated: the glossary's keep list, the paper's authors, and tokens that
// look like names (GPT-4o, Qwen2.5-VL-7B, DeepSeek, BERT). Glossary terms and abbreviations have their
// own rule and are never reported here. Must not decide how a name is rendered.

import type { Glossary } from './glossary.ts';
import { findKeepList, isGlossaryWord, withoutUrls } from './match.ts';

/** How a name was found; an `acronym` (ASD, ECG) may fairly be expanded into Chinese instead. */
export type NameKind = 'keep' | 'author' | 'model' | 'acronym';

export interface FoundName {
  name: string;
  kind: NameKind;
}

interface Span extends FoundName {
  index: number;
  end: number;
}

/** Letters/digits joined by hyphens, or by dots between digits: GPT-4o, Qwen2.5-VL-7B, o3-mini. */
const TOKEN = /(?<![\p{L}\p{N}])[A-Za-z0-9]+(?:(?:-|(?<=\d)\.(?=\d))[A-Za-z0-9]+)*/gu;

/** Lower-case trailing segments that are part of a model name rather than a descriptor ("-based"). */
const VARIANTS = new Set([
  ...'base large small medium tiny mini nano micro lite pro plus max ultra'.split(' '),
  ...'turbo flash instruct chat preview xl xxl'.split(' '),
]);

/** All-caps or mixed-case tokens that are words, places, statistics or units, not names. */
const NOT_NAMES = new Set(
  [
    'US USA UK UN UAE PRC OK TV AM PM AD BC PhD MSc BSc',
    'THE AND FOR NOT BUT ARE ALL NEW OUR WITH FROM THIS THAT WHAT HOW WHY WHEN WHO YOU IS IN OF ON TO AT BY AN AS OR NO',
    'CI CIs SD SE MAE MSE RMSE IQR',
    'kB KB MB GB TB PB dB dBm kWh MWh GWh mAh mW kW MW GW eV keV MeV GeV TeV pH mL nM mM',
  ]
    .join(' ')
    .split(' '),
);

const ROMAN = /^(?=[IVXLC])(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;
/** Ordinary words with a number (Tier-1, Top-5, Q3), not model names. */
const NUMBERED_WORD =
  /^(?:Top|Pass|Rank|Hit|Recall|Precision|NDCG|MRR|FY|Q[1-4]|Tier|Phase|Stage|Level|Type|Step|Round|Part|Section|Figure|Fig|Table|Chapter|Version|Class|Grade|Task|Setting|Case|Day|Week|Year)-?\d/i;

/**
 * Do-not-translate names present in `text`, unique, in order of first appearance: keep-list entries,
 * authors (full name, or the surname when it is not sentence-initial) and name-like tokens.
 */
export function keepNames(glossary: Glossary, text: string, authors: string[] = []): string[] {
  return findNames(glossary, text, authors).map((found) => found.name);
}

/** keepNames with how each name was found. */
export function findNames(glossary: Glossary, text: string, authors: string[] = []): FoundName[] {
  const prose = withoutUrls(text);
  const keep: Span[] = findKeepList(glossary, prose).map((hit) => ({ ...hit, kind: 'keep' }));
  const spans = [...keep, ...authorSpans(prose, authors), ...tokenSpans(glossary, prose)];
  spans.sort((a, b) => a.index - b.index || b.end - a.end);
  const names: FoundName[] = [];
  let cover: Span | undefined;
  for (const span of spans) {
    if (cover && span.end <= cover.end) continue; // inside a longer name already reported (SWE in SWE-bench)
    cover = span;
    if (!names.some((found) => found.name === span.name)) names.push({ name: span.name, kind: span.kind });
  }
  return names;
}

function authorSpans(text: string, authors: string[]): Span[] {
  const spans: Span[] = [];
  for (const author of authors.map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
    const full = wholeWord(author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), '').exec(
      text,
    );
    if (full) {
      spans.push({ name: author, kind: 'author', index: full.index, end: full.index + full[0].length });
      continue;
    }
    const surname = author.split(' ').at(-1) ?? '';
    if (!author.includes(' ') || !/^\p{Lu}[\p{L}'’-]{2,}$/u.test(surname)) continue;
    for (const hit of text.matchAll(wholeWord(surname, 'g'))) {
      if (/(?:^|[.!?:]\s*)$/.test(text.slice(Math.max(0, hit.index - 3), hit.index))) continue; // sentence start
      spans.push({ name: surname, kind: 'author', index: hit.index, end: hit.index + surname.length });
      break;
    }
  }
  return spans;
}

function wholeWord(pattern: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, `u${flags}`);
}

function tokenSpans(glossary: Glossary, text: string): Span[] {
  const spans: Span[] = [];
  for (const hit of text.matchAll(TOKEN)) {
    const whole = trimDescriptors(hit[0]);
    const kind = nameKind(glossary, whole, true);
    if (kind) {
      spans.push(span(whole, kind, hit.index));
      continue;
    }
    let offset = hit.index;
    for (const part of hit[0].split('-')) {
      const partKind = nameKind(glossary, part, false);
      if (partKind) spans.push(span(part, partKind, offset));
      offset += part.length + 1;
    }
  }
  return spans;
}

/** An acronym's plural is reported singular (BERTs → BERT), so "多个 BERT 模型" keeps it. */
function span(token: string, kind: NameKind, index: number): Span {
  const name = kind === 'acronym' ? token.replace(/^([A-Z]{2,})s$/, '$1') : token;
  return { name, kind, index, end: index + name.length };
}

/** `GPT-4o-based` → `GPT-4o`; `o3-mini` and `BERT-base` keep their variant segment. */
function trimDescriptors(token: string): string {
  const parts = token.split('-');
  while (parts.length > 1 && /^[a-z]+$/.test(parts.at(-1) ?? '') && !VARIANTS.has(parts.at(-1) ?? ''))
    parts.pop();
  return parts.join('-');
}

/**
 * `model` for digits with capitals (GPT-4o, Qwen2.5) and CamelCase (DeepSeek, AlphaFold); `acronym` for
 * all caps (BERT, ECG) and short mostly-capital words (IoT, fMRI). A hyphenated whole token is a name
 * only by its digits (Qwen2.5-VL-7B); otherwise its parts are tried one by one (LLM-based → nothing,
 * CLIP-based → CLIP, UAV-InSAR → UAV, InSAR).
 */
function nameKind(glossary: Glossary, token: string, whole: boolean): NameKind | undefined {
  if (!/^[A-Za-z]/.test(token) || NOT_NAMES.has(token) || isGlossaryWord(glossary, token)) return undefined;
  if (/\d/.test(token)) {
    const letters = token.replace(/[^A-Za-z]/g, '').length;
    if (!/[A-Z]/.test(token) || letters < 2 || NUMBERED_WORD.test(token)) return undefined;
    return token.length <= 4 && !/[a-z]/.test(token) ? 'acronym' : 'model'; // I2I, T2V are abbreviations
  }
  if (whole && token.includes('-')) return undefined;
  if (isAcronym(token)) return 'acronym';
  if (isCamel(token)) return mostlyCapitals(token) ? 'acronym' : 'model';
  return undefined;
}

/** DeepSeek, LoRA, vLLM, macOS; not "theModel", "aHybrid" (words run together where a line break was lost). */
function isCamel(token: string): boolean {
  if (/^(?:[a-z]{2,}[A-Z]|a[A-Z][a-z])/.test(token) && !/^[a-z]+OS$/.test(token)) return false;
  return /[a-z][A-Z]/.test(token);
}

/** IoT, DoF, fMRI: at most five letters, no more lower case than capitals. */
function mostlyCapitals(token: string): boolean {
  const upper = token.replace(/[^A-Z]/g, '').length;
  return token.length <= 5 && upper >= token.length - upper;
}

function isAcronym(token: string): boolean {
  return /^[A-Z]{2,}s?$/.test(token) && !/^[A-Z]s$/.test(token) && !ROMAN.test(token.replace(/s$/, ''));
}
