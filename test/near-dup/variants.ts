// Realistic variations of a real report, for the synthetic near-duplicate bench and tests: the same
// event as another feed would list it, and a follow-up that differs only in a number or version.

export interface Report {
  title: string;
  summary: string;
}

/** mulberry32: a seeded generator, so the same seed gives the same stream on every machine. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

const CJK = /[\u4e00-\u9fff]/;
const ZH_PREFIXES = ['重磅！', '刚刚，', '突发：', '【量子位】', '【新智元导读】', '独家｜', '最新消息：'];
const ZH_SUFFIXES = [' | 机器之心', '｜量子位', '（附论文）', ' - 36氪', '丨AI早报'];
const EN_PREFIXES = ['Breaking: ', 'Exclusive: ', '[Reuters] ', 'Just in: '];
const EN_SUFFIXES = [' - TechCrunch', ' | The Verge', ' (Reuters)', ' [pdf]', ' | Hacker News'];

/** An outlet's tag before or after the headline. */
function tagged(title: string, next: () => number): string {
  const zh = CJK.test(title);
  return next() < 0.5
    ? pick(zh ? ZH_PREFIXES : EN_PREFIXES, next) + title
    : title + pick(zh ? ZH_SUFFIXES : EN_SUFFIXES, next);
}

/** Full-width and half-width punctuation swapped, quotes and brackets dropped or changed. */
function repunctuated(title: string, next: () => number): string {
  const swaps: [RegExp, string][] = [
    [/，/g, ', '],
    [/！/g, '!'],
    [/：/g, ': '],
    [/[「」“”"]/g, ''],
    [/？/g, '?'],
    [/: /g, '：'],
    [/, /g, '，'],
  ];
  let out = title;
  for (const [pattern, replacement] of swaps) if (next() < 0.6) out = out.replace(pattern, replacement);
  return next() < 0.3 ? `${out.replace(/[!！。.]+$/, '')}…` : out;
}

/** Clauses of the headline in another order ("A：B，C" → "C，A：B"; "X: Y" → "Y: X"). */
function reordered(title: string, next: () => number): string {
  const clauses = title.split(/(?<=[，,：:！!？?|｜])\s*|\s+[-–—]\s+/).filter((c) => c.trim() !== '');
  if (clauses.length < 2) {
    const words = title.split(' ');
    if (words.length < 4) return title;
    const cut = 1 + Math.floor(next() * (words.length - 2));
    return [...words.slice(cut), ...words.slice(0, cut)].join(' ');
  }
  const rotation = 1 + Math.floor(next() * (clauses.length - 1));
  const moved = [...clauses.slice(rotation), ...clauses.slice(0, rotation)];
  return moved.map((c) => c.replace(/[，,：:！!？?|｜]$/, '')).join(CJK.test(title) ? '，' : ', ');
}

/** One character mistyped: a CJK character replaced by another from the title, or two letters swapped. */
function mistyped(title: string, next: () => number): string {
  const chars = [...title];
  const cjk = chars.flatMap((c, i) => (CJK.test(c) ? [i] : []));
  if (cjk.length >= 4) {
    chars[pick(cjk, next)] = chars[pick(cjk, next)] as string;
    return chars.join('');
  }
  const words = title.split(' ');
  const long = words.flatMap((w, i) => (w.length >= 5 ? [i] : []));
  if (long.length === 0) return title;
  const at = pick(long, next);
  const word = words[at] as string;
  const j = 1 + Math.floor(next() * (word.length - 2));
  words[at] = word.slice(0, j - 1) + word[j] + word[j - 1] + word.slice(j + 1);
  return words.join(' ');
}

/** Another feed's summary: shorter, without its first sentence, or none at all. */
function resummarized(summary: string, next: () => number): string {
  const sentences = summary.split(/(?<=[。！？.!?])\s*/).filter((s) => s.trim() !== '');
  const roll = next();
  if (roll < 0.15) return '';
  if (roll < 0.45 && sentences.length > 2) return sentences.slice(1).join(' ');
  if (roll < 0.8) return summary.slice(0, Math.max(40, Math.floor(summary.length * (0.4 + 0.4 * next()))));
  return summary;
}

/** The same event as another outlet or feed lists it. */
export function duplicateOf(report: Report, next: () => number): Report {
  let title = report.title;
  const edits = [repunctuated, reordered, mistyped].filter(() => next() < 0.5);
  for (const edit of edits.length > 0 ? edits : [repunctuated]) title = edit(title, next);
  if (next() < 0.6) title = tagged(title, next);
  return { title, summary: resummarized(report.summary, next) };
}

/**
 * A different event that reads almost the same: one number in the title changed, everywhere it
 * appears (GPT-4 → GPT-5, 融资10亿 → 融资15亿, Llama 3.1 → Llama 3.2). Null when the title has no number.
 */
export function followUpOf(report: Report, next: () => number): Report | null {
  const numbers = report.title.match(/\d+(?:\.\d+)?/g);
  if (!numbers) return null;
  const old = pick(numbers, next);
  const fresh = old.includes('.')
    ? old.replace(/\d+$/, (d) => String(Number(d) + 1))
    : String(Number(old) + 1 + (old.length < 4 ? Math.floor(next() * 3) : 0));
  const swap = (text: string) =>
    text.replace(new RegExp(`(?<![\\d.])${old.replace('.', '\\.')}(?![\\d])`, 'g'), fresh);
  const title = swap(report.title);
  return title === report.title ? null : { title, summary: swap(report.summary) };
}
