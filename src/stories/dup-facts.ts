// Facts a headline states that two reports of one event cannot disagree on: a model's version
// (GPT-4 vs GPT-5), an amount with its unit (融资10亿 vs 融资5亿), a year. Owns extraction and the veto.

import { joinVersions } from './shingles.ts';

/** One stated fact: its kind (`version:gpt`, `unit:亿`, `year`) and the value stated. */
export interface Fact {
  kind: string;
  value: string;
}

/** An amount and what it counts: `10亿`, `75%`, `16倍`, `132年`, `3 billion` (the measure word is the kind). */
const AMOUNT =
  /(?<![\d.a-z])(\d+(?:\.\d+)?)\s*(%|[\u4e00-\u9fff]|(?:billion|million|trillion|[a-z])(?![a-z]))/g;
/** `gpt4o`, `llama3.1`, `qwen2.5`, `h100`, `r1`: a name and the version glued to it by joinVersions. */
const VERSIONED = /(?<![a-z0-9.])([a-z]+)(\d+(?:\.\d+)*[a-z]{0,2})(?![a-z0-9])/g;
const YEAR = /(?<!\d)(19\d\d|20\d\d)(?!\d)/g;

/** The facts of one folded headline, without duplicates. */
export function headlineFacts(title: string): Fact[] {
  const text = joinVersions(title);
  const facts = new Map<string, Fact>();
  const add = (kind: string, value: string) => facts.set(`${kind}=${value}`, { kind, value });
  for (const [, name = '', version = ''] of text.matchAll(VERSIONED)) add(`version:${name}`, version);
  for (const [, amount = '', unit = ''] of text.matchAll(AMOUNT)) add(`unit:${unit}`, String(Number(amount)));
  for (const [, year = ''] of text.matchAll(YEAR)) add('year', year);
  return [...facts.values()];
}

/** `3` and `3.1`, `4` and `4o` name the same release loosely; `4` and `5`, `3.1` and `3.3` do not. */
function compatible(kind: string, a: string, b: string): boolean {
  if (a === b) return true;
  if (!kind.startsWith('version:')) return false;
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Why two headlines cannot be one event, or null: a kind both state where each states a value the
 * other has nothing compatible with (`version:gpt 4 ≠ 5`; `unit:年 2/5/20 ≠ 2/4/20`). A kind only one
 * of them states vetoes nothing, and neither does a value only one adds (`140+` vs `140+, 8万`).
 */
export function factVeto(a: readonly Fact[], b: readonly Fact[]): string | null {
  const kinds = [...new Set(a.map((f) => f.kind))].sort();
  for (const kind of kinds) {
    const left = a.filter((f) => f.kind === kind).map((f) => f.value);
    const right = b.filter((f) => f.kind === kind).map((f) => f.value);
    const leftOnly = left.filter((x) => !right.some((y) => compatible(kind, x, y)));
    const rightOnly = right.filter((y) => !left.some((x) => compatible(kind, x, y)));
    if (leftOnly.length > 0 && rightOnly.length > 0) return `${kind} ${left.join('/')} ≠ ${right.join('/')}`;
  }
  return null;
}
