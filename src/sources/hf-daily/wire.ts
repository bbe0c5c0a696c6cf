// The Hugging Face Daily Papers API (`/api/daily_papers?date=YYYY-MM-DD`) as sent: its entry schema and
// the saved-file wrapper. Tolerant of drift; knows nothing of RawItem (adapt.ts) or of file text (parse.ts).

import { z } from 'zod';

/** A field that drifts: absent, null or of another type, it reads as undefined instead of failing the entry. */
function drifting<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const text = z.string();
const nonEmpty = z.string().refine((value) => value.trim() !== '', 'is empty');

export const hfUser = z.object({
  user: drifting(text),
  fullname: drifting(text),
});

export const hfAuthor = z.object({
  name: drifting(text),
  hidden: drifting(z.boolean()),
  user: drifting(hfUser),
});

/** `paper`: arXiv metadata plus HF's own fields. 2024 entries carry only id…upvotes; the rest came later. */
export const hfPaper = z.object({
  /** The arXiv id, without version (`2506.08007`). */
  id: nonEmpty,
  /** As on arXiv, hard line wraps and TeX included. */
  title: nonEmpty,
  summary: drifting(text),
  authors: drifting(z.array(hfAuthor.nullable().catch(null))),
  /** The arXiv submission time. */
  publishedAt: drifting(text),
  upvotes: drifting(z.number()),
  discussionId: drifting(text),
  /** Since 2025: when it was put on the daily list; its UTC day is the listing day. */
  submittedOnDailyAt: drifting(text),
  submittedOnDailyBy: drifting(hfUser),
  ai_summary: drifting(text),
  ai_keywords: drifting(z.array(text)),
  githubRepo: drifting(text),
  githubStars: drifting(z.number()),
  projectPage: drifting(text),
  mediaUrls: drifting(z.array(text)),
});

/** One element of the API's array. Unknown keys (organization, isAuthorParticipating, …) are dropped. */
export const hfDailyEntry = z.object({
  paper: hfPaper,
  /** Usually close to the paper's publication time, not the listing day. */
  publishedAt: drifting(text),
  /** Unwrapped, and sometimes with TeX rendered differently from `paper.title`. */
  title: drifting(text),
  summary: drifting(text),
  thumbnail: drifting(text),
  /** 2024: a single social thumbnail here instead of `thumbnail`. */
  mediaUrl: drifting(text),
  mediaUrls: drifting(z.array(text)),
  numComments: drifting(z.number()),
  submittedBy: drifting(hfUser),
});

/** A saved day wrapped by a third-party downloader; `data` holds entries (objects or Python-repr strings). */
export const hfWrappedDay = z.object({
  status: drifting(text),
  date: drifting(text),
  count: drifting(z.number()),
  data: z.array(z.unknown()),
});

export type HfAuthor = z.output<typeof hfAuthor>;
export type HfPaper = z.output<typeof hfPaper>;
export type HfDailyEntry = z.output<typeof hfDailyEntry>;
