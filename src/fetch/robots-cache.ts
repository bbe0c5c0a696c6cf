// robots.txt at fetch time (RFC 9309 §2.3–2.4), one policy per origin cached up to 24 h: 2xx → its rules
// (first 500 KiB); 4xx or too many redirects → allow all; 429, 5xx or no answer → disallow all, retried soon.

import type { Clock } from './clock.ts';
import { parseRobots, type RobotsTxt, robotsVerdict } from './robots.ts';

/** GET for robots.txt: redirects followed (up to five), body truncated at 500 KiB. */
export type RobotsFetch = (url: string) => Promise<{ status: number; text: string }>;

export interface RobotsDecision {
  allowed: boolean;
  /** Why, for an error message: `robots.txt disallows it for ribao (Disallow: /private/)`. */
  reason: string;
}

export interface RobotsCache {
  check(url: URL): Promise<RobotsDecision>;
}

export interface RobotsCacheOptions {
  fetch: RobotsFetch;
  productToken: string;
  clock: Clock;
  /** How long a fetched robots.txt is trusted; capped at 24 hours (RFC 9309 §2.4). */
  ttlMs?: number;
  /** Errors that mean "unavailable" (allow all) rather than "unreachable", e.g. too many redirects. */
  isUnavailable?: (error: unknown) => boolean;
}

export const ROBOTS_MAX_TTL_MS = 24 * 60 * 60 * 1000;
/** A robots.txt that could not be fetched disallows everything, but only until we try again. */
const UNREACHABLE_TTL_MS = 5 * 60 * 1000;

type Policy = { rules: RobotsTxt } | { all: 'allow' | 'disallow'; why: string };

export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const ttl = Math.min(options.ttlMs ?? ROBOTS_MAX_TTL_MS, ROBOTS_MAX_TTL_MS);
  const cache = new Map<string, { policy: Promise<Policy>; expires: number }>();

  async function load(robotsUrl: string): Promise<Policy> {
    try {
      const { status, text } = await options.fetch(robotsUrl);
      if (status >= 200 && status < 300) return { rules: parseRobots(text) };
      if (status >= 400 && status < 500 && status !== 429) return { all: 'allow', why: `HTTP ${status}` };
      if (status >= 300 && status < 400)
        return { all: 'allow', why: `HTTP ${status} without a usable Location` };
      return { all: 'disallow', why: `HTTP ${status}` };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { all: options.isUnavailable?.(error) ? 'allow' : 'disallow', why };
    }
  }

  function policyFor(origin: string): Promise<Policy> {
    const now = options.clock.now();
    const cached = cache.get(origin);
    if (cached && cached.expires > now) return cached.policy;
    if (cache.size >= 10_000) for (const [key, entry] of cache) if (entry.expires <= now) cache.delete(key);
    const entry = { policy: load(`${origin}/robots.txt`), expires: now + ttl };
    entry.policy.then((policy) => {
      if ('all' in policy && policy.all === 'disallow') {
        entry.expires = Math.min(entry.expires, options.clock.now() + UNREACHABLE_TTL_MS);
      }
    });
    cache.set(origin, entry);
    return entry.policy;
  }

  return {
    async check(url) {
      const policy = await policyFor(url.origin);
      const agent = options.productToken;
      if ('all' in policy) {
        return policy.all === 'allow'
          ? { allowed: true, reason: `robots.txt is unavailable (${policy.why}): everything is allowed` }
          : { allowed: false, reason: `robots.txt is unreachable (${policy.why}): everything is disallowed` };
      }
      const verdict = robotsVerdict(policy.rules, agent, url.pathname + url.search);
      const rule = verdict.rule && `${verdict.rule.allow ? 'Allow' : 'Disallow'}: ${verdict.rule.pattern}`;
      return {
        allowed: verdict.allowed,
        reason: `robots.txt ${verdict.allowed ? 'allows' : 'disallows'} it for ${agent}${rule ? ` (${rule})` : ''}`,
      };
    },
  };
}
