// Hugging Face daily-paper wire entries → RawItems (one per paper per listing day). Owns the field mapping
// and the listing-day fallback; text is left raw for normalize, and nothing here reads files or the network.

import { isoDay } from '../../model/day.ts';
import type { Metrics, RawItem } from '../../model/item.ts';
import { arxivAbsUrl, parseArxivId } from '../../stories/arxiv-id.ts';
import type { HfDailyEntry } from './wire.ts';

const VIDEO = /\.(?:mp4|webm|mov|m4v)(?:[?#]|$)/i;

/**
 * Adapt one day's entries. `listedOn` is the daily-papers date when known (the requested date, the wrapper's
 * `date`, or the file name); when it is null each entry falls back to the UTC day of `paper.submittedOnDailyAt`
 * (always the listing day where present, 2025 on), then of the top-level `publishedAt` — a last resort that
 * is often a day or more before the listing, since HF sets it close to the arXiv submission time.
 */
export function adaptDay(entries: HfDailyEntry[], listedOn: string | null): RawItem[] {
  return entries.map((entry) => adaptEntry(entry, listedOn));
}

export function adaptEntry(entry: HfDailyEntry, listedOn: string | null): RawItem {
  const { paper } = entry;
  const parsed = parseArxivId(paper.id);
  if (!parsed)
    throw new Error(`paper.id ${JSON.stringify(paper.id)} is not an arXiv id (parse.ts checks this)`);
  const arxivId = parsed.id;
  const day = listedOn ?? isoDay(paper.submittedOnDailyAt) ?? isoDay(entry.publishedAt);
  return {
    externalId: day ? `${day}/${arxivId}` : arxivId,
    kind: 'paper',
    url: arxivAbsUrl(arxivId),
    title: paper.title,
    summary: paper.summary ?? entry.summary ?? '',
    lang: 'en',
    authors: (paper.authors ?? []).flatMap((a) => (a && !a.hidden && a.name?.trim() ? [a.name] : [])),
    publishedAt: paper.publishedAt ?? null,
    listedOn: day,
    image: imageOf(entry),
    metrics: defined<Metrics>({
      upvotes: paper.upvotes,
      stars: paper.githubStars,
      comments: entry.numComments,
    }),
    extra: defined({
      hfDate: day,
      hfUrl: `https://huggingface.co/papers/${arxivId}`,
      arxivId,
      githubRepo: paper.githubRepo,
      projectPage: paper.projectPage,
      aiKeywords: paper.ai_keywords,
      aiSummary: paper.ai_summary,
    }),
  };
}

/** The social thumbnail (`thumbnail`, or 2024's `mediaUrl`), else the first still image among the media. */
function imageOf(entry: HfDailyEntry): string | null {
  const media = [...(entry.paper.mediaUrls ?? []), ...(entry.mediaUrls ?? [])].filter(
    (url) => !VIDEO.test(url),
  );
  for (const candidate of [entry.thumbnail, entry.mediaUrl, ...media]) {
    const url = absolute(candidate);
    if (url) return url;
  }
  return null;
}

function absolute(candidate: string | undefined): string | null {
  if (!candidate?.trim()) return null;
  try {
    const url = new URL(candidate.trim(), 'https://huggingface.co/');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The object without its undefined and null fields, so stored items stay minimal and comparable. */
function defined<T extends object>(fields: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  ) as T;
}
