// collect for the GitHub source: the watch list (configured, plus repositories linked from papers), one
// repository at a time, star history in the state. One bad repository is a warning, never the source.

import { SourceError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import type { CollectContext } from '../source.ts';
import { adaptRelease, adaptRepo } from './adapt.ts';
import { fetchReleases, fetchRepo, RepoProblem } from './api.ts';
import { isRepoName, repoFromUrl } from './repo-url.ts';
import { readHistory, recordStars, STARS_KEY, type StarGrowth, type StarHistory } from './stars.ts';

export interface GithubConfig {
  apiBase: string;
  repos: string[];
  releases: boolean;
  releasesPerRepo: number;
  token: string | null;
  linkedFromPapers: boolean;
}

/** The state key another stage fills with repositories that papers link (`owner/name` or GitHub URLs). */
export const LINKED_KEY = 'linkedRepos';
/** Linked repositories read per run, in the list's order: each costs one or two API requests. */
export const MAX_LINKED = 50;

interface Target {
  fullName: string;
  linked: boolean;
}

/** Repositories are read one after another: GitHub asks clients not to send concurrent requests. */
export async function collectGithub(ctx: CollectContext, config: GithubConfig): Promise<RawItem[]> {
  const targets = await watchList(ctx, config);
  if (targets.length === 0) {
    ctx.log.info(`${ctx.sourceId}: no repositories to watch`);
    return [];
  }
  const history = readHistory(await ctx.state.get(STARS_KEY));
  // Only watched repositories keep a history: the state stays as small as the watch list.
  const kept: StarHistory = {};
  const items = new Map<string, RawItem>();
  const problems: RepoProblem[] = [];
  for (const target of targets) {
    const key = target.fullName.toLowerCase();
    if (history[key]) kept[key] = history[key];
    try {
      const repo = await fetchRepo(ctx, config, target.fullName);
      const growth = starGrowth(history[key] ?? [], ctx.date, repo.stargazers_count);
      kept[key] = growth.points;
      const item = adaptRepo(repo, { day: ctx.date, growth, linked: target.linked });
      items.set(item.externalId, item);
      if (config.releases) {
        for (const release of await releasesOf(ctx, config, repo.full_name)) {
          items.set(release.externalId, release);
        }
      }
    } catch (error) {
      if (!(error instanceof RepoProblem)) throw error;
      ctx.log.warn(`${ctx.sourceId}: ${describeProblem(error)}; going on with the others`);
      problems.push(error);
    }
  }
  await ctx.state.put(STARS_KEY, kept);
  const broken = problems.find((problem) => !problem.missing);
  if (broken && problems.length === targets.length) {
    throw new SourceError(ctx.sourceId, `none of the ${targets.length} repositories could be read`, {
      cause: broken,
    });
  }
  ctx.log.info(
    `${ctx.sourceId}: ${targets.length - problems.length} of ${targets.length} repositories, ${items.size} items`,
  );
  return [...items.values()];
}

/** Releases as items; a repository whose release list fails still keeps its repo item. */
async function releasesOf(ctx: CollectContext, config: GithubConfig, fullName: string): Promise<RawItem[]> {
  try {
    const releases = await fetchReleases(ctx, config, fullName, config.releasesPerRepo);
    if (releases === null) {
      ctx.log.debug(`${ctx.sourceId}: ${fullName} releases unchanged since the last run`);
      return [];
    }
    return releases.flatMap((release) => adaptRelease(release, fullName) ?? []);
  } catch (error) {
    if (!(error instanceof RepoProblem)) throw error;
    ctx.log.warn(`${ctx.sourceId}: ${describeProblem(error)}; keeping the repository without releases`);
    return [];
  }
}

function starGrowth(previous: StarGrowth['points'], day: string, stars: number | undefined): StarGrowth {
  return stars === undefined
    ? { points: previous, delta: null, since: null }
    : recordStars(previous, day, stars);
}

/**
 * The configured repositories, then (with linkedFromPapers) the first MAX_LINKED entries of the state's
 * `linkedRepos` that name a repository not yet listed. Case-insensitive: GitHub names are.
 */
async function watchList(ctx: CollectContext, config: GithubConfig): Promise<Target[]> {
  const targets = new Map<string, Target>();
  for (const fullName of config.repos) {
    const key = fullName.toLowerCase();
    if (!targets.has(key)) targets.set(key, { fullName, linked: false });
  }
  if (!config.linkedFromPapers) return [...targets.values()];
  const stored = await ctx.state.get<unknown>(LINKED_KEY);
  if (stored !== null && !Array.isArray(stored)) {
    ctx.log.warn(`${ctx.sourceId}: state ${LINKED_KEY} is not a list; ignored`);
    return [...targets.values()];
  }
  let added = 0;
  let unreadable = 0;
  let over = 0;
  for (const entry of stored ?? []) {
    const fullName = typeof entry === 'string' ? linkedName(entry) : null;
    if (!fullName) {
      unreadable++;
      continue;
    }
    const key = fullName.toLowerCase();
    if (targets.has(key)) continue;
    if (added >= MAX_LINKED) {
      over++;
      continue;
    }
    targets.set(key, { fullName, linked: true });
    added++;
  }
  if (unreadable > 0) ctx.log.warn(`${ctx.sourceId}: ${unreadable} ${LINKED_KEY} entries name no repository`);
  if (over > 0)
    ctx.log.warn(`${ctx.sourceId}: ${over} linked repositories over the ${MAX_LINKED} per run left out`);
  if (added > 0) ctx.log.debug(`${ctx.sourceId}: ${added} repositories linked from papers`);
  return [...targets.values()];
}

function linkedName(entry: string): string | null {
  const text = entry.trim();
  return isRepoName(text) ? text : repoFromUrl(text);
}

function describeProblem(problem: RepoProblem): string {
  const cause = problem.cause instanceof Error ? `: ${problem.cause.message}` : '';
  return `${problem.message}${cause}`;
}
