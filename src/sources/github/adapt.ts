// GitHub wire objects → RawItems: a repository snapshot as a `repo` item, a release as an `article`.
// Owns the field mapping and the social-card choice; reads neither the network nor the state.

import type { RawItem } from '../../model/item.ts';
import { isWebUrl } from '../../stories/canonical-url.ts';
import { htmlToText, looksLikeHtml } from '../../text/html-text.ts';
import { guessLanguage } from '../../text/language.ts';
import { notesSummary, truncateText } from './notes.ts';
import type { StarGrowth } from './stars.ts';
import type { GhRelease, GhRepo } from './wire.ts';

/**
 * The repository's social card. GitHub serves one for every public repository at this address (the
 * `1` is a cache key of our choosing); a custom card uploaded by the owner is only exposed as
 * `openGraphImageUrl` by the GraphQL API, which needs a token, so the REST source always uses this one.
 */
export function socialCard(fullName: string): string {
  return `https://opengraph.githubassets.com/1/${fullName}`;
}

export interface RepoFacts {
  /** The edition day the snapshot was taken for. */
  day: string;
  growth: StarGrowth;
  /** Watched because a paper links it (state `linkedRepos`), not because it is configured. */
  linked: boolean;
}

export function adaptRepo(repo: GhRepo, facts: RepoFacts): RawItem {
  const fullName = repo.full_name.trim();
  const url = githubUrl(repo.html_url, `https://github.com/${fullName}`);
  const summary = truncateText(plain(repo.description ?? ''), 500);
  const homepage = repo.homepage?.trim();
  const extra: Record<string, unknown> = {
    fullName,
    githubRepo: url,
    topics: repo.topics ?? [],
    forks: repo.forks_count,
    language: repo.language,
    homepage: homepage && isWebUrl(homepage) ? homepage : undefined,
    pushedAt: repo.pushed_at,
    license: repo.license?.spdx_id,
    archived: repo.archived || undefined,
    fork: repo.fork || undefined,
    starsDelta: facts.growth.delta ?? undefined,
    starsDeltaSince: facts.growth.since ?? undefined,
    starsAt: facts.growth.points,
    linkedFromPaper: facts.linked || undefined,
  };
  return {
    externalId: `github:${fullName.toLowerCase()}`,
    kind: 'repo',
    url,
    title: fullName,
    summary,
    lang: guessLanguage(summary),
    authors: [],
    publishedAt: repo.created_at ?? null,
    listedOn: facts.day,
    image: socialCard(fullName),
    metrics: repo.stargazers_count === undefined ? {} : { stars: repo.stargazers_count },
    contributor: null,
    extra: withoutUndefined(extra),
  };
}

/** A published release, or null for a draft (only visible to tokens with push access). */
export function adaptRelease(release: GhRelease, fullName: string): RawItem | null {
  if (release.draft) return null;
  const tag = release.tag_name.trim();
  const name = plain(release.name ?? '');
  const repoUrl = `https://github.com/${fullName}`;
  // `owner/name tag: name`, without saying the tag twice when the name is the tag or starts with it.
  const title =
    !name || name === tag
      ? `${fullName} ${tag}`
      : name.startsWith(tag)
        ? `${fullName} ${name}`
        : `${fullName} ${tag}: ${name}`;
  const summary = notesSummary(release.body ?? '');
  return {
    externalId: `github:${fullName.toLowerCase()}@${tag}`,
    kind: 'article',
    url: githubUrl(release.html_url, `${repoUrl}/releases/tag/${encodeURIComponent(tag)}`),
    title: truncateText(title, 300),
    summary,
    lang: guessLanguage(`${name} ${summary}`),
    authors: [],
    publishedAt: release.published_at ?? release.created_at ?? null,
    image: socialCard(fullName),
    contributor: release.author?.login ?? null,
    extra: withoutUndefined({
      githubRepo: repoUrl,
      fullName,
      tag,
      releaseId: release.id,
      prerelease: release.prerelease === true,
    }),
  };
}

/** A link the API gave, if it is an http(s) URL on github.com; else the address built from the name. */
function githubUrl(given: string | undefined, fallback: string): string {
  const url = given?.trim() ?? '';
  return isWebUrl(url) && /^https?:\/\/github\.com\//i.test(url) ? url : fallback;
}

/** Descriptions and release names are plain text; one that carries markup has it reduced, as feeds do. */
function plain(text: string): string {
  return looksLikeHtml(text) ? htmlToText(text) : text.replace(/\s+/g, ' ').trim();
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
