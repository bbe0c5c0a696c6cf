// How each story of a set matches an interest profile: BM25 cosine with the nearest profile document
// (the keywords, or a seed paper), keyword and negative-keyword hits, and seed papers it is or cites.
// Facts only; rank.ts turns them into weighted terms.

import type { StoryView } from '../../model/story.ts';
import { type Corpus, corpus, cosine, sharedTerms, type TermVector, vector } from './bm25.ts';
import type { Profile } from './profile.ts';
import { tokenSpans, tokens } from './tokens.ts';

export interface ProfileMatch {
  /** Largest cosine between the story and one profile document, in [0, 1]. */
  similarity: number;
  /** That document: `keywords`, or `seed "Title"`; null when nothing is shared. */
  nearest: string | null;
  /** The words contributing most to that cosine, as the story writes them. */
  shared: string[];
  keywords: string[];
  negativeKeywords: string[];
  /** Seed keys the story holds (it is the seed paper) and seed keys it cites. */
  isSeed: string[];
  citesSeed: string[];
}

interface ProfileDocument {
  label: string;
  vector: TermVector;
}

/** The text ranking compares: each distinct title and summary of the story's items, in item order. */
export function storyText(story: StoryView): string {
  const parts: string[] = [];
  for (const item of story.items) {
    for (const part of [item.title, item.summary]) if (part && !parts.includes(part)) parts.push(part);
  }
  return parts.join('\n');
}

/**
 * Match every story against the profile. The BM25 statistics (idf, average length) come from the
 * stories and the profile documents together, so the result depends on the set, never on its order.
 */
export function matchProfile(profile: Profile, stories: StoryView[]): Map<string, ProfileMatch> {
  const texts = stories.map((story) => tokenSpans(storyText(story)));
  const sources = profileSources(profile);
  const profileTokens = sources.map((s) => tokens(s.text));
  const stats = corpus([...texts.map((spans) => spans.map((s) => s.token)), ...profileTokens]);
  const documents = sources.map((s, i) => ({
    label: s.label,
    vector: vector(profileTokens[i] ?? [], stats),
  }));
  const keywords = phrases(profile.keywords);
  const negatives = phrases(profile.negativeKeywords);
  const seedKeys = new Set(profile.seeds.flatMap((seed) => seed.keys));
  const out = new Map<string, ProfileMatch>();
  stories.forEach((story, i) => {
    const spans = texts[i] ?? [];
    const words = spans.map((s) => s.token);
    const cited = citedKeys(story);
    out.set(story.id, {
      ...nearest(spans, stats, documents),
      keywords: keywords.filter((k) => containsPhrase(words, k.tokens)).map((k) => k.text),
      negativeKeywords: negatives.filter((k) => containsPhrase(words, k.tokens)).map((k) => k.text),
      isSeed: story.keys.filter((key) => seedKeys.has(key)),
      citesSeed: cited.filter((key) => seedKeys.has(key) && !story.keys.includes(key)),
    });
  });
  return out;
}

/** The profile's documents: all keywords as one, and each seed paper that has text. */
function profileSources(profile: Profile): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  if (profile.keywords.length > 0) out.push({ label: 'keywords', text: profile.keywords.join('\n') });
  for (const seed of profile.seeds) {
    if (seed.text) out.push({ label: `seed "${shorten(seed.title || seed.origin)}"`, text: seed.text });
  }
  return out;
}

function nearest(
  spans: { token: string; surface: string }[],
  stats: Corpus,
  documents: ProfileDocument[],
): Pick<ProfileMatch, 'similarity' | 'nearest' | 'shared'> {
  const story = vector(
    spans.map((s) => s.token),
    stats,
  );
  let best: { similarity: number; document: ProfileDocument } | null = null;
  for (const document of documents) {
    const similarity = cosine(story, document.vector);
    if (similarity > 0 && (!best || similarity > best.similarity)) best = { similarity, document };
  }
  if (!best) return { similarity: 0, nearest: null, shared: [] };
  const surface = new Map<string, string>();
  for (const span of spans) if (!surface.has(span.token)) surface.set(span.token, span.surface);
  return {
    similarity: best.similarity,
    nearest: best.document.label,
    shared: sharedTerms(story, best.document.vector, 5).map((token) => surface.get(token) ?? token),
  };
}

/** Keywords as token sequences; one that has no tokens (only stopwords) can never match. */
function phrases(list: string[]): { text: string; tokens: string[] }[] {
  return list.map((text) => ({ text, tokens: tokens(text) })).filter((k) => k.tokens.length > 0);
}

/** The phrase's tokens appear one after another in `words` (so "long context" ≠ "context … long"). */
export function containsPhrase(words: string[], phrase: string[]): boolean {
  const first = phrase[0];
  for (let i = words.indexOf(first as string); i >= 0; i = words.indexOf(first as string, i + 1)) {
    if (phrase.every((token, j) => words[i + j] === token)) return true;
  }
  return false;
}

/** What the story cites: its items' `cites` and the `cites:` keys merge left on it. */
function citedKeys(story: StoryView): string[] {
  const out = story.keys.filter((k) => k.startsWith('cites:')).map((k) => k.slice('cites:'.length));
  for (const item of story.items) {
    const cites = (item as { cites?: unknown }).cites;
    if (Array.isArray(cites)) out.push(...cites.filter((k): k is string => typeof k === 'string'));
  }
  return [...new Set(out)];
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
