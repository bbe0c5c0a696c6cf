// The GitHub REST API v3 as sent: a repository (`GET /repos/{owner}/{repo}`), a release
// (`GET /repos/{owner}/{repo}/releases`) and the error body. Tolerant of drift; knows nothing of RawItem.

import { z } from 'zod';

/** A field that drifts: absent, null or of another type, it reads as undefined instead of failing. */
function drifting<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const text = z.string();
const nonEmpty = z.string().refine((value) => value.trim() !== '', 'is empty');

export const ghUser = z.object({
  login: drifting(text),
});

/** The fields of a full repository object that ribao reads; the rest (urls, permissions, …) is dropped. */
export const ghRepo = z.object({
  /** `owner/name` as GitHub spells it now (after a rename, the new name). */
  full_name: nonEmpty,
  html_url: drifting(text),
  description: drifting(text),
  /** Since 2019 in every repository object; empty when the owner set none. */
  topics: drifting(z.array(text)),
  stargazers_count: drifting(z.number()),
  forks_count: drifting(z.number()),
  /** The main language by bytes, as GitHub's linguist names it. */
  language: drifting(text),
  /** The "website" field: free text, often empty, not always a URL. */
  homepage: drifting(text),
  created_at: drifting(text),
  /** The last push to any branch. */
  pushed_at: drifting(text),
  archived: drifting(z.boolean()),
  fork: drifting(z.boolean()),
  license: drifting(z.object({ spdx_id: drifting(text) })),
  owner: drifting(ghUser),
});

export const ghRelease = z.object({
  id: drifting(z.number()),
  tag_name: nonEmpty,
  /** The release title; may be empty or equal to the tag. */
  name: drifting(text),
  html_url: drifting(text),
  /** Drafts are only listed to tokens with push access. */
  draft: drifting(z.boolean()),
  prerelease: drifting(z.boolean()),
  /** Markdown release notes (GitHub-flavoured, raw HTML allowed). */
  body: drifting(text),
  /** Null on drafts. */
  published_at: drifting(text),
  created_at: drifting(text),
  author: drifting(ghUser),
});

/** What GitHub sends with an error status: `{"message": "Not Found", "documentation_url": …}`. */
export const ghMessage = z.object({
  message: drifting(text),
  documentation_url: drifting(text),
});

export type GhRepo = z.output<typeof ghRepo>;
export type GhRelease = z.output<typeof ghRelease>;
