// The quality gate's text checks, each a pure function returning the reasons a text fails it.
// They judge and never edit; gate.ts decides which apply to which task.

const CJK = /[\u3400-\u9fff]/g;
const LETTER = /\p{L}/gu;
export const URL_PATTERN = /https?:\/\/[^\s)\]}>"'，。；、）]+/g;
// A number stands alone or after CJK text (`生成了2331个`), never inside a Latin word (`CC359`, `x86`).
const NUMBER = /(?<![A-Za-z\d.])\d+(?:[.,]\d+)*(?!\d)/g;

/** URLs in a text, without the sentence punctuation that often trails them. */
export function urlsIn(text: string): string[] {
  return (text.match(URL_PATTERN) ?? []).map((u) => u.replace(/[.,;:!?]+$/, ''));
}

/** Numbers in a text outside its URLs, thousands separators removed (`1,000` → `1000`). */
export function numbersIn(text: string): string[] {
  const prose = text.replace(URL_PATTERN, ' ');
  return [...new Set((prose.match(NUMBER) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, '')))];
}

/** Share of CJK characters among letters, URLs left out. */
export function chineseShare(text: string): number {
  const prose = text.replace(URL_PATTERN, '');
  const letters = prose.match(LETTER)?.length ?? 0;
  return letters === 0 ? 1 : (prose.match(CJK)?.length ?? 0) / letters;
}

export function inChinese(field: string, text: string, minimum = 0.3): string[] {
  const share = chineseShare(text);
  return share < minimum
    ? [`${field} is not in Chinese (${Math.round(share * 100)}% Chinese characters)`]
    : [];
}

export function keepsUrls(source: string, output: string): string[] {
  return urlsIn(source)
    .filter((url) => !output.includes(url))
    .map((url) => `drops a URL: ${url}`);
}

export function addsNoLinks(source: string, output: string): string[] {
  const known = urlsIn(source);
  return urlsIn(output)
    .filter((url) => !known.some((s) => url.startsWith(s) || s.startsWith(url)))
    .map((url) => `adds a link not in the source: ${url}`);
}

export function keepsNumbers(source: string, output: string): string[] {
  const have = new Set(numbersIn(output));
  const missing = numbersIn(source).filter((n) => !have.has(n));
  return missing.length > 0 ? [`drops numbers: ${missing.join(', ')}`] : [];
}

export function inventsNoNumbers(source: string, output: string): string[] {
  const known = new Set(numbersIn(source));
  const invented = numbersIn(output).filter((n) => !known.has(n));
  return invented.length > 0 ? [`states numbers not in the source: ${invented.join(', ')}`] : [];
}

const PREAMBLE =
  /^\s*(以下是|下面是|好的[，,。！!]|当然[，,。！!]|没问题|这是(您|你)?(要的|的)?(翻译|译文|摘要)|(中文)?(翻译|译文|摘要)(如下)?[:：]|here (is|are)|here's|sure[,!.]|certainly[,!.]|translation:)/i;
const COMMENTARY =
  /(希望(这|以上|本).{0,12}(帮助|有用|满意)|如(有|需)(其他|任何|进一步)?(需要|问题|修改)|(译者|翻译)注|^\s*(注|备注|说明)[:：]|[（(]注[:：]|I hope this helps|Let me know)/im;

/** The model's own chatter: a preamble, commentary, or Markdown fences the source did not have. */
export function noChatter(field: string, source: string, output: string): string[] {
  const reasons: string[] = [];
  if (PREAMBLE.test(output))
    reasons.push(`${field} starts with a preamble ("${output.trim().slice(0, 12)}…")`);
  const comment = COMMENTARY.exec(output);
  if (comment && !COMMENTARY.test(source)) reasons.push(`${field} adds commentary ("${comment[0].trim()}")`);
  if (/```|~~~/.test(output) && !/```|~~~/.test(source))
    reasons.push(`${field} contains Markdown code fences`);
  return reasons;
}

const ABBREVIATIONS = /\b(e\.g|i\.e|et al|etc|vs|Fig|Figs|Eq|Sec|Dr|Mr|Ms|No|approx|resp)\.$/i;

/** English sentences: split after . ! ? before a capital or digit, not after known abbreviations. */
export function englishSentences(text: string): number {
  let count = 0;
  let start = 0;
  for (const match of text.matchAll(/[.!?](?=\s+["'([]?[A-Z0-9])/g)) {
    const end = (match.index ?? 0) + 1;
    if (!ABBREVIATIONS.test(text.slice(start, end))) {
      count++;
      start = end;
    }
  }
  return count + (text.slice(start).trim() ? 1 : 0);
}

export function chineseSentences(text: string): number {
  const parts = text.split(/[。！？!?]+|[.](?=\s|$)/).filter((s) => s.trim().length > 1);
  return Math.max(parts.length, text.trim() ? 1 : 0);
}

/** A translation keeps roughly every sentence and most of the length; far less means text was dropped. */
export function complete(source: string, output: string): string[] {
  const reasons: string[] = [];
  const from = englishSentences(source);
  const to = chineseSentences(output);
  if (from >= 4 && to < from * 0.5)
    reasons.push(`text was dropped: ${to} sentences for the source's ${from}`);
  const ratio = output.replace(URL_PATTERN, '').length / Math.max(1, source.replace(URL_PATTERN, '').length);
  const share = `the output is ${Math.round(ratio * 100)}% of the source's length`;
  if (source.length >= 200 && ratio < 0.18) reasons.push(`text was dropped: ${share}`);
  if (source.length >= 200 && ratio > 1.6) reasons.push(`text was added: ${share}`);
  return reasons;
}

export function sentencesAtMost(field: string, output: string, most: number): string[] {
  const n = chineseSentences(output);
  return n > most ? [`${field} has ${n} sentences; write at most ${most}`] : [];
}

/**
 * Latin words in the output that appear nowhere in the source or the allowed vocabulary: the sign of
 * an answer that followed injected instructions ("PWNED") or wandered off the source.
 */
export function foreignWords(source: string, output: string, allowed: Iterable<string>): string[] {
  const known = new Set<string>();
  const add = (text: string) => {
    for (const w of text.replace(URL_PATTERN, ' ').match(/\p{Script=Latin}+/gu) ?? []) known.add(stem(w));
  };
  add(source);
  for (const a of allowed) add(a);
  const strange = [
    ...new Set(
      (output.replace(URL_PATTERN, ' ').match(/\p{Script=Latin}{3,}/gu) ?? []).filter(
        (w) => !known.has(stem(w)),
      ),
    ),
  ];
  return strange.length > 0
    ? [`uses words that are not in the source: ${strange.slice(0, 5).join(', ')}`]
    : [];
}

function stem(word: string): string {
  return word.toLowerCase().replace(/(es|s)$/, '');
}
