// Archive search over the Store: what text of a story is indexed (its items' titles and summaries, its
// writeups), the query (AND, else OR), and snippets as highlight RANGES. Renderers escape; never HTML.

import type { Config } from '../config/schema.ts';
import type { StoryView } from '../model/story.ts';
import { accepts } from '../pipeline/select.ts';
import type { SearchDoc, SearchFacets, SearchQuery, Store } from '../store/store.ts';
import { stem } from '../stories/profile/stem.ts';
import { markRanges } from './client/tokens.js';
import { queryTerms, TOKENIZER, tokens } from './tokens.ts';

export interface ArchiveFilters {
  publication?: string | undefined;
  section?: string | undefined;
  source?: string | undefined;
  contributor?: string | undefined;
  /** Edition days, inclusive (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  /** The language of the story's items (`en`, `zh`). */
  lang?: string | undefined;
  limit: number;
  offset: number;
}

/** A piece of text and the `[start, end)` UTF-16 ranges in it that matched the query. */
export interface Snippet {
  text: string;
  marks: [number, number][];
}

export interface ArchiveHit {
  storyId: string;
  /** The lead item's title (the original language). */
  title: string;
  /** The Chinese writeup's title, when there is one. */
  titleZh: string | null;
  date: string;
  score: number;
  snippet: Snippet;
}

export interface ArchiveResult {
  total: number;
  hits: ArchiveHit[];
}

/** Characters of context a snippet keeps around its first mark. */
const SNIPPET_CHARS = 160;
const SNIPPET_BEFORE = 40;

/** Index (or re-index) stories; a story that no longer exists leaves the index. `config` adds the
 * publications whose sources accept the story's items to its `publication` facet. */
export async function indexStories(
  store: Store,
  storyIds: Iterable<string>,
  config?: Config,
): Promise<number> {
  let indexed = 0;
  for (const id of new Set(storyIds)) if (await indexStory(store, id, config)) indexed++;
  return indexed;
}

/** Index one story; false (and its entry removed) when there is no such story. */
export async function indexStory(store: Store, storyId: string, config?: Config): Promise<boolean> {
  const story = await store.story(storyId);
  if (!story) {
    await store.deleteSearchDocs([storyId]);
    return false;
  }
  await store.putSearchDoc(searchDoc(story, config));
  return true;
}

/** Rebuild the whole index from the stored stories; returns how many were indexed. */
export async function reindexAll(store: Store, config?: Config): Promise<number> {
  return store.transaction(async (tx) => {
    await tx.deleteSearchDocs();
    const ids: string[] = [];
    for (const date of await tx.storyDates()) for (const s of await tx.storiesOn(date)) ids.push(s.id);
    return indexStories(tx, ids, config);
  });
}

/** True when some stories are not in the index (every story has an entry), or another tokenizer made it. */
export async function needsReindex(store: Store): Promise<boolean> {
  const status = await store.searchIndexStatus();
  if (status.tokenizers.some((t) => t !== TOKENIZER)) return true;
  return status.docs < (await store.counts()).stories;
}

/** What the index holds for a story: titles weigh more than bodies (summaries and writeup bodies). */
export function searchDoc(story: StoryView, config?: Config): SearchDoc {
  const titles = [...story.items.map((i) => i.title), ...story.writeups.map((w) => w.title)];
  const bodies = [...story.items.map((i) => i.summary), ...story.writeups.map((w) => w.body)];
  return {
    storyId: story.id,
    tokenizer: TOKENIZER,
    titleTokens: titles.flatMap(tokens),
    bodyTokens: bodies.flatMap(tokens),
    facets: facets(story, config),
  };
}

function facets(story: StoryView, config?: Config): SearchFacets {
  const publication = story.placements.map((p) => p.publication);
  for (const item of story.items) {
    if (typeof item.extra.publication === 'string') publication.push(item.extra.publication);
  }
  for (const [name, pub] of Object.entries(config?.publications ?? {})) {
    if (config && story.items.some((item) => accepts(config, pub, name, item))) publication.push(name);
  }
  const present = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    publication: present(publication),
    section: present([...story.placements.map((p) => p.section), ...story.items.map((i) => i.section)]),
    source: present(story.items.map((i) => i.source)),
    contributor: present(story.items.map((i) => i.contributor)),
    lang: present(story.items.map((i) => i.lang)),
  };
}

/**
 * Stories matching `query`, best first: every required term (CJK bigrams, stemmed words), else — when
 * that finds nothing — any of them. Ranked by bm25 with titles weighted higher, then newer first.
 */
export async function searchArchive(
  store: Store,
  query: string,
  filters: ArchiveFilters,
): Promise<ArchiveResult> {
  const terms = queryTerms(query);
  if (terms.required.length === 0) return { total: 0, hits: [] };
  const { limit, offset, ...rest } = filters;
  const base: Omit<SearchQuery, 'match'> = { ...terms, filters: rest, limit, offset };
  let result = await store.searchStories({ ...base, match: 'all' });
  if (result.total === 0 && terms.required.length > 1)
    result = await store.searchStories({ ...base, match: 'any' });
  const marked = new Set([...terms.required, ...terms.optional]);
  const hits: ArchiveHit[] = [];
  for (const hit of result.hits) {
    const story = await store.story(hit.storyId);
    if (!story) continue;
    hits.push({
      storyId: story.id,
      title: story.items[0]?.title ?? '',
      titleZh: story.writeups.find((w) => w.lang === 'zh')?.title ?? null,
      date: hit.date,
      score: hit.score,
      snippet: snippet(story, marked),
    });
  }
  return { total: result.total, hits };
}

/** The story text with the most marked terms (Chinese writeup first on ties), cut around its first mark. */
export function snippet(story: StoryView, terms: Set<string>): Snippet {
  const texts = [
    ...story.writeups.filter((w) => w.lang === 'zh').flatMap((w) => [w.title, w.body]),
    ...story.items.flatMap((i) => [i.title, i.summary]),
    ...story.writeups.filter((w) => w.lang !== 'zh').flatMap((w) => [w.title, w.body]),
  ].filter((t) => t.trim() !== '');
  let best: Snippet = { text: texts[0] ?? '', marks: [] };
  let bestCovered = 0;
  for (const text of texts) {
    const marks = markRanges(text, terms, stem) as [number, number][];
    const covered = new Set(marks.map(([s, e]) => text.slice(s, e).toLowerCase())).size;
    if (covered > bestCovered) [best, bestCovered] = [{ text, marks }, covered];
  }
  return cut(best, SNIPPET_CHARS);
}

/** A window of `size` characters starting a little before the first mark, with '…' where it was cut. */
export function cut(full: Snippet, size: number): Snippet {
  if (full.text.length <= size) return full;
  const first = full.marks[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - SNIPPET_BEFORE, full.text.length - size));
  if (start > 0 && /[\uDC00-\uDFFF]/.test(full.text[start] ?? '')) start--;
  let end = Math.min(full.text.length, start + size);
  if (end < full.text.length && /[\uDC00-\uDFFF]/.test(full.text[end] ?? '')) end++;
  const prefix = start > 0 ? '…' : '';
  const shift = prefix.length - start;
  const marks = full.marks
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { text: `${prefix}${full.text.slice(start, end)}${end < full.text.length ? '…' : ''}`, marks };
}
