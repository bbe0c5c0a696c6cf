// Shingles of folded text (dup-text.ts): character n-grams inside CJK runs, words for Latin text, each
// hashed to 32 bits. Owns tokenization, stop lists and the hash; knows nothing about MinHash or items.

/** English words too common to tell two headlines apart, sorted. */
const STOP_WORDS = new Set(
  `a about after all also an and any are as at be been being but by can could did do does for from had has
  have how if in into is it its just may more most new no not now of on or our over so than that the their
  them then there these they this those through to too toward towards up us using via vs was we were what
  when which while who why will with would yet you your`.split(/\s+/),
);

/** CJK particles: a bigram containing one says little ("发布了" → 布了, "模型的" → 型的). */
const PARTICLES = new Set('的了是在和与及等也都而并或被把着过吗呢吧啊之这那'.split(''));

/**
 * Generic vocabulary of Chinese AI news and of machine summaries, as bigrams: words nearly every
 * article uses (模型, 发布, 能力, 研究, 文章). Written by hand; the labelled pairs were not used to pick it.
 */
const STOP_BIGRAMS = new Set(
  `一个 一种 上线 专家 主要 人员 人工 人类 介绍 以及 企业 优化 全球 公司 关键 具有 出了 创新 利用 包括 历史
  发布 发现 发展 可以 可能 同时 名为 问题 团队 基于 大型 大模 处理 如何 实现 实验 工智 应用 开发 开源
  当前 影响 成为 成功 我们 技术 提供 提出 提升 提高 推出 支持 效率 数据 文章 方向 方面 方法 旨在 显著
  智能 最强 最新 未来 核心 模型 正在 此外 比如 没有 特别 现在 甚至 用户 目前 相关 研究 确实 突破 系统 网友
  能力 能够 能会 自己 行业 表示 表现 要求 解决 认为 训练 设计 语言 说明 论文 起来 超越 这篇 进行 进一 通过
  那么 重要 问题 首个 领域 高效`.split(/\s+/),
);

/** FNV-1a over UTF-16 code units, finished with MurmurHash3's fmix32 so that every bit avalanches. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** MurmurHash3's 32-bit finalizer: a bijection on uint32 with full avalanche. */
export function fmix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A model name and its version stay one word however it is spelled: `GPT-4o`, `gpt 4o` → `gpt4o`,
 * `Llama 3.1` → `llama3.1`. A space joins only a short version number (`llama 3`, not `in 2024`).
 */
export function joinVersions(text: string): string {
  return text
    .replace(/([a-z])[-_](?=\d)/g, '$1')
    .replace(/\b([a-z]+) (?=(\d{1,2}(?:\.\d+)*[a-z]?)\b)/g, (whole, word: string) =>
      STOP_WORDS.has(word) ? whole : word,
    );
}

/** CJK ideographs, kana and hangul (BMP): the scripts written without spaces, shingled by characters. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Letters and digits of space-separated scripts (ASCII and Latin with diacritics), after folding. */
function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0xdf && code <= 0x24f);
}

function isStopGram(gram: string): boolean {
  return STOP_BIGRAMS.has(gram) || PARTICLES.has(gram[0] as string) || PARTICLES.has(gram[1] as string);
}

/** End of the word starting at `start`: inner `.` and `+` join (`3.5`, `qwen2.5`), trailing `+` too (`c++`). */
function wordEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isWordChar(code)) end++;
    else if ((code === 0x2e || code === 0x2b) && isWordChar(text.charCodeAt(end + 1))) end += 2;
    else break;
  }
  while (text.charCodeAt(end) === 0x2b) end++;
  return end;
}

/**
 * The shingles of folded text in reading order, at most `limit` distinct ones: n-grams inside CJK
 * runs (minus particles and generic bigrams); for Latin text, pairs of consecutive words within a
 * phrase (stop words skipped), a phrase of one word as itself, and every word with a digit as itself
 * too (`gpt4o`, `llama3.1`: names that identify). Punctuation and CJK end a phrase.
 */
export function shingleStrings(text: string, n: number, limit = Number.POSITIVE_INFINITY): string[] {
  const source = joinVersions(text);
  const seen = new Set<string>();
  const add = (shingle: string) => {
    if (seen.size < limit) seen.add(shingle);
  };
  let previous = '';
  let phraseWords = 0;
  const endPhrase = () => {
    if (phraseWords === 1) add(previous);
    previous = '';
    phraseWords = 0;
  };
  let i = 0;
  while (i < source.length && seen.size < limit) {
    const code = source.charCodeAt(i);
    if (isCjk(code)) {
      endPhrase();
      let end = i + 1;
      while (end < source.length && isCjk(source.charCodeAt(end))) end++;
      for (let at = i; at + n <= end; at++) {
        const gram = source.slice(at, at + n);
        if (n !== 2 || !isStopGram(gram)) add(gram);
      }
      i = end;
    } else if (isWordChar(code)) {
      const end = wordEnd(source, i);
      const word = source.slice(i, end);
      if (!STOP_WORDS.has(word) && !(end - i === 1 && code > 0x39)) {
        if (previous) add(`${previous} ${word}`);
        if (/\d/.test(word)) add(word);
        previous = word;
        phraseWords++;
      }
      i = end;
    } else {
      if (code !== 0x20) endPhrase();
      i++;
    }
  }
  endPhrase();
  return [...seen];
}
