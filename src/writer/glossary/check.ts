// The glossary around the model: the instruction block for the system prompt, and the check of one
// output against its source (renderings, avoid-list words, names kept verbatim). Returns reasons only.

import type { Glossary, Term } from './glossary.ts';
import { comparable, findTerms, isTitlePrefix, mentionsEnglish } from './match.ts';
import { findNames } from './names.ts';

export interface CheckOptions {
  /** Source and output are titles: title-prefix entries ("Position:") apply at their start. */
  title?: boolean;
  /** The paper's authors or the article's people, whose names must stay as written. */
  authors?: string[];
}

/**
 * Reasons `output` breaks the glossary, empty when it passes:
 * - every term in the source is rendered by its `zh`, an `also`, or its English (`en`/`abbr`);
 * - no `avoid` word appears anywhere (a title prefix's avoid words only in the title it heads);
 * - every do-not-translate name in the source appears verbatim (a plural CamelCase name may lose its
 *   "s"); bare acronyms (ASD, ECG, UAV) are exempt, since a faithful translation may expand them.
 */
export function checkGlossary(
  glossary: Glossary,
  source: string,
  output: string,
  options: CheckOptions = {},
): string[] {
  const reasons: string[] = [];
  const out = comparable(output);
  const found = findTerms(glossary, source, { prefixes: options.title === true });
  const labels = new Map(
    found.map(({ term, viaAbbr }) => [term, viaAbbr ? (term.abbr ?? term.en) : term.en]),
  );
  const wrong = avoidHits(glossary, out, labels);
  const reported = new Set<string>();
  for (const { term } of found) {
    if (rendered(glossary, term, out, output)) continue;
    const hits = wrong.filter((hit) => hit.term === term).map((hit) => hit.avoid);
    for (const hit of hits) reported.add(hit);
    const seen = hits.length ? ` (found ${hits.join(', ')})` : '';
    reasons.push(`glossary: "${labels.get(term)}" must be rendered ${renderingList(term)}${seen}`);
  }
  for (const { term, avoid } of wrong) {
    if ([...reported].some((done) => done.includes(avoid))) continue; // 变压器 inside 视觉变压器
    reported.add(avoid);
    reasons.push(
      `glossary: "${labels.get(term) ?? term.en}" rendered as ${avoid}, which is on the avoid list`,
    );
  }
  const kept = verbatim(output);
  for (const { name, kind } of findNames(glossary, source, options.authors)) {
    const forms = [verbatim(name), verbatim(name).replace(/(?<=[a-z])s$/, '')]; // CoTFormers → CoTFormer
    if (kind !== 'acronym' && !forms.some((form) => kept.includes(form)))
      reasons.push(`keeps no "${name}" (names are not translated)`);
  }
  return reasons;
}

/**
 * The instruction block for the system prompt: one `English → 中文（abbr）` line per term, then the
 * names to keep as written. Empty when there is nothing to say.
 */
export function promptBlock(terms: Term[], keep: string[]): string {
  const lines: string[] = [];
  if (terms.length) {
    lines.push('术语表（按以下译法翻译；括号内的英文缩写可在首次出现时保留）：');
    for (const term of terms) lines.push(`- ${termLine(term)}`);
  }
  if (keep.length) lines.push(`以下名称保持原文，不要翻译或音译：${keep.join('、')}`);
  return lines.join('\n');
}

function verbatim(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function termLine(term: Term): string {
  const where = isTitlePrefix(term) ? '（标题开头）' : '';
  const abbr = term.abbr ? `（${term.abbr}）` : '';
  const asIs = term.zh.toLowerCase() === term.en.toLowerCase() ? '（保留英文）' : '';
  const avoid = term.avoid?.length ? `；不要译作：${term.avoid.join('、')}` : '';
  return `${term.en}${where} → ${term.zh}${abbr}${asIs}${avoid}`;
}

function rendered(glossary: Glossary, term: Term, out: string, output: string): boolean {
  const renderings = [term.zh, ...(term.also ?? [])];
  return renderings.some((text) => out.includes(comparable(text))) || mentionsEnglish(glossary, term, output);
}

function renderingList(term: Term): string {
  const also = term.also ?? [];
  if (!also.length) return term.zh;
  const shown = also.slice(0, 3).join(', ');
  return `${term.zh} (or ${shown}${also.length > 3 ? ', …' : ''})`;
}

/**
 * Avoid-list words present in the output, longest first. A title prefix's avoid words (职位) are
 * ordinary words elsewhere, so they count only when that prefix heads the source title.
 */
function avoidHits(
  glossary: Glossary,
  out: string,
  relevant: Map<Term, string>,
): { term: Term; avoid: string }[] {
  const hits: { term: Term; avoid: string }[] = [];
  for (const term of glossary.terms) {
    if (!term.avoid || (isTitlePrefix(term) && !relevant.has(term))) continue;
    for (const avoid of term.avoid) if (out.includes(comparable(avoid))) hits.push({ term, avoid });
  }
  return hits.sort((a, b) => b.avoid.length - a.avoid.length);
}
