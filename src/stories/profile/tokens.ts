// The one tokenizer ranking uses, for English and Chinese alike: `tokens(text)`. Latin-script words
// are lower-cased, stopwords dropped, Porter-stemmed; Han/kana/Hangul runs become character bigrams.
// Swap this file (jieba for Chinese) and every similarity follows; nothing else splits text.

import { stem } from './stem.ts';

/** One token and the text it came from (for explanations: `attent` came from "attention"). */
export interface TokenSpan {
  token: string;
  surface: string;
}

// Runs of CJK characters, or runs of other letters and digits (apostrophes, hyphens, spaces split).
const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const PIECES = new RegExp(`[${CJK_CLASS}]+|[[\\p{L}\\p{N}]--[${CJK_CLASS}]]+`, 'gv');
const CJK = new RegExp(`^[${CJK_CLASS}]`, 'v');

/** Tokens of `text` in order; the same text always gives the same tokens. */
export function tokens(text: string): string[] {
  return tokenSpans(text).map((span) => span.token);
}

export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const [piece] of text.normalize('NFKC').toLowerCase().matchAll(PIECES)) {
    if (CJK.test(piece)) out.push(...bigrams(piece));
    else {
      const word = wordToken(piece);
      if (word) out.push({ token: word, surface: piece });
    }
  }
  return out;
}

/** Overlapping character pairs (大模型 → 大模, 模型); a single character stands alone. */
function bigrams(run: string): TokenSpan[] {
  const chars = [...run];
  if (chars.length === 1) return [{ token: run, surface: run }];
  return chars.slice(1).map((char, i) => {
    const pair = `${chars[i]}${char}`;
    return { token: pair, surface: pair };
  });
}

/** A word's token, or null for a stopword or a lone letter or digit. */
function wordToken(word: string): string | null {
  if (word.length < 2 || STOPWORDS.has(word)) return null;
  // Strip accents so "naïve" and "naive" meet; the Porter stemmer knows only a–z.
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[a-z]+$/.test(plain) ? stem(plain) : plain;
}

/** English function words (the common IR list, plus the contractions' pieces left after splitting). */
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just let me more
  most my myself no nor not now of off on once only or other ought our ours ourselves out over own
  same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very via was we were what when where which while who whom why
  will with would you your yours yourself yourselves also may might must shall us etc ll ve re don
  doesn didn isn aren wasn weren won wouldn shouldn couldn hasn haven hadn`.split(/\s+/),
);
