// The `github` source: watched repositories (metadata, stars and their growth) and their releases, from
// the GitHub REST API v3. Declares config and collect(); requests, mapping and state live beside it.

import { z } from 'zod';
import type { SourceDescriptor } from '../source.ts';
import { collectGithub, type GithubConfig } from './collect.ts';
import { isRepoName } from './repo-url.ts';

const config: z.ZodType<GithubConfig> = z
  .object({
    /** The REST API root; GitHub Enterprise (`https://ghe.example/api/v3`) or a test server may stand in. */
    apiBase: z.url({ protocol: /^https?$/ }).default('https://api.github.com'),
    /** Repositories to watch, as `owner/name`. */
    repos: z
      .array(z.string().trim().refine(isRepoName, 'is not a repository name such as openai/whisper'))
      .max(200)
      .default([]),
    /** Also list each repository's latest releases as articles. */
    releases: z.boolean().default(true),
    /** Releases asked for per repository (the API's `per_page`); drafts are skipped among them. */
    releasesPerRepo: z.number().int().min(1).max(100).default(5),
    /** A personal access token (read-only, public repositories is enough): 5,000 requests an hour
     * instead of 60. Sent as `Authorization: Bearer`; masked by `config dump`; never logged. */
    token: z.string().trim().min(1).nullable().default(null),
    /** Also watch the repositories another stage put in this source's state under `linkedRepos`. */
    linkedFromPapers: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.repos.length > 0 || c.linkedFromPapers, {
    message: 'list repositories to watch (owner/name), or turn on linkedFromPapers',
    path: ['repos'],
  });

const descriptor: SourceDescriptor<GithubConfig> = {
  kind: 'github',
  name: 'GitHub repositories',
  description:
    'Watched GitHub repositories: description, topics, stars and their growth since the last run, and ' +
    'new releases (GitHub REST API; a token raises the limit from 60 to 5,000 requests an hour).',
  config,
  example: {
    id: 'github',
    kind: 'github',
    repos: ['huggingface/transformers', 'vllm-project/vllm', 'openai/whisper'],
    releases: true,
  },
  collect: collectGithub,
};

export default descriptor;
