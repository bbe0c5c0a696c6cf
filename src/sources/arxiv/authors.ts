// arXiv author lists as the formats send them → one name per author, TeX cleaned.
// Owns the splitting rules (commas, "and", affiliations in parentheses); knows nothing of feeds.

import { cleanText } from '../../text/clean.ts';

const SUFFIX = /^(?:Jr|Sr|I{2,3}|IV)\.?$/;

/**
 * `C. Bal\'azs, E. L. Berger and C.-P. Yuan (ANL)` → ['C. Balázs', 'E. L. Berger', 'C.-P. Yuan'].
 * Parenthesized affiliations (nested too, as in `((1) MIT, (2) ANL)`) are dropped, the list is split
 * on commas, semicolons and the word "and", and a lone `Jr.` joins the name before it.
 */
export function splitAuthors(list: string): string[] {
  const names: string[] = [];
  for (const part of withoutParentheses(list).split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/)) {
    const name = cleanText(part).replace(/^and\s+/, '');
    if (!name) continue;
    const previous = names.length - 1;
    if (SUFFIX.test(name) && previous >= 0) names[previous] = `${names[previous]}, ${name}`;
    else names.push(name);
  }
  return names;
}

/** OAI `arXiv` format: `<forenames>Ileana</forenames><keyname>Streinu</keyname><suffix>Jr</suffix>`. */
export function authorName(parts: {
  keyname: string;
  forenames: string | null;
  suffix: string | null;
}): string {
  const name = [parts.forenames, parts.keyname].filter(Boolean).join(' ');
  return cleanText(parts.suffix ? `${name}, ${parts.suffix}` : name);
}

/** The text outside parentheses; an unclosed parenthesis drops the rest, a stray `)` is ignored. */
function withoutParentheses(text: string): string {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}
