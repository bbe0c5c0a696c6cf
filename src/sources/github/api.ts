// Requests to the GitHub REST API and what their statuses mean: the rate limit and a refused token stop
// the source (SourceError); a missing or broken repository is a RepoProblem the caller warns about.

import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, HttpResponse } from '../source.ts';
import { apiMessage, parseReleases, parseRepo } from './parse.ts';
import type { GhRelease, GhRepo } from './wire.ts';

export interface ApiSettings {
  apiBase: string;
  token: string | null;
}

/** One repository could not be read; the others go on. `missing`: gone, renamed away, blocked. */
export class RepoProblem extends Error {
  readonly missing: boolean;
  constructor(message: string, options: { missing: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'RepoProblem';
    this.missing = options.missing;
  }
}

/** Statuses that say the repository is not there for us: not found, gone, blocked, legal takedown. */
const UNAVAILABLE: ReadonlySet<number> = new Set([403, 404, 410, 451]);

export async function fetchRepo(ctx: CollectContext, api: ApiSettings, fullName: string): Promise<GhRepo> {
  const { url, response } = await request(ctx, api, `/repos/${fullName}`);
  if (response.status !== 200) throw statusProblem(fullName, response);
  try {
    return parseRepo(response.text, url);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new RepoProblem(`${fullName}: the repository did not parse`, { missing: false, cause: error });
  }
}

/** The latest releases, newest first; null when unchanged since the last run (HTTP 304). */
export async function fetchReleases(
  ctx: CollectContext,
  api: ApiSettings,
  fullName: string,
  perPage: number,
): Promise<GhRelease[] | null> {
  const { url, response } = await request(ctx, api, `/repos/${fullName}/releases?per_page=${perPage}`, true);
  if (response.notModified) return null;
  if (response.status !== 200) throw statusProblem(`${fullName} releases`, response);
  try {
    return parseReleases(response.text, url, (bad) =>
      ctx.log.warn(`${ctx.sourceId}: skipped ${bad.message}`),
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new RepoProblem(`${fullName}: the releases did not parse`, { missing: false, cause: error });
  }
}

async function request(
  ctx: CollectContext,
  api: ApiSettings,
  path: string,
  conditional = false,
): Promise<{ url: string; response: HttpResponse }> {
  const url = `${api.apiBase.replace(/\/+$/, '')}${path}`;
  // The token goes in a header only: never in the URL, so it cannot reach a message or a log line.
  const headers: Record<string, string> = { 'x-github-api-version': '2022-11-28' };
  if (api.token) headers.authorization = `Bearer ${api.token}`;
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: 'application/vnd.github+json', headers, conditional });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `could not reach the GitHub API at ${url}`, { cause: error });
  }
  const limited = rateLimitMessage(response, api.token !== null);
  if (limited) throw new SourceError(ctx.sourceId, `${limited} (at ${url})`);
  if (response.status === 401) {
    const says = apiMessage(response.text) || 'unauthorized';
    throw new SourceError(
      ctx.sourceId,
      `GitHub refused the configured token (HTTP 401: ${says}); check token`,
    );
  }
  return { url, response };
}

function statusProblem(what: string, response: HttpResponse): RepoProblem {
  const says = apiMessage(response.text);
  return new RepoProblem(`${what}: HTTP ${response.status}${says ? ` (${says})` : ''}`, {
    missing: UNAVAILABLE.has(response.status),
  });
}

/**
 * A sentence naming the limit and when it lifts, or null when the response is not rate limiting.
 * Primary limit: 403 or 429 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch seconds).
 * Secondary limit: 403 or 429 with `retry-after` (seconds), or a message that says "rate limit".
 */
export function rateLimitMessage(response: HttpResponse, authenticated: boolean): string | null {
  if (response.status !== 403 && response.status !== 429) return null;
  const header = (name: string) => response.headers.get(name)?.trim() || null;
  const says = apiMessage(response.text);
  const exhausted = header('x-ratelimit-remaining') === '0';
  const retryAfter = header('retry-after');
  if (response.status === 403 && !exhausted && !retryAfter && !/rate limit/i.test(says)) return null;
  const limit = header('x-ratelimit-limit');
  const reset = Number(header('x-ratelimit-reset'));
  const parts = [`HTTP ${response.status}`];
  if (limit) parts.push(`limit ${limit} requests an hour`);
  if (!authenticated) parts.push('unauthenticated');
  let when: string;
  if (retryAfter && /^\d+$/.test(retryAfter)) when = `retry after ${retryAfter} s`;
  else if (Number.isSafeInteger(reset) && reset > 0)
    when = `the limit resets at ${new Date(reset * 1000).toISOString()}`;
  else when = 'GitHub did not say when the limit resets';
  const hint = authenticated ? '' : '; set token to raise the limit to 5,000 an hour';
  return `rate limited by the GitHub API (${parts.join(', ')}); ${when}${hint}`;
}
