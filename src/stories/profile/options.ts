// RankOptions for one publication from the configuration: its interest profile and source weights
// (read from `publications.<name>.profile` / `.sourceWeights`), and each source's origin.

import type { z } from 'zod';
import type { Config } from '../../config/schema.ts';
import { UsageError } from '../../errors.ts';
import { loadProfile, ProfileConfig, type RankOptions, SourceWeights } from './profile.ts';

/**
 * Source id → origin: `kind:host` for a source configured with a `url` (a feed, a web page), else its
 * kind (every arXiv listing is arXiv). Imported items carry their kind as source id, so it is its own origin.
 */
export function sourceOrigins(config: Config): Record<string, string> {
  const origins: Record<string, string> = {};
  for (const source of config.sources) {
    const host = typeof source.url === 'string' ? hostOf(source.url) : null;
    origins[source.id] = host ? `${source.kind}:${host}` : source.kind;
  }
  return origins;
}

/** The publication's `profile` and `sourceWeights` keys, validated (absent: no profile, no weights). */
export function rankingConfig(
  config: Config,
  name: string,
): { profile: ProfileConfig | null; sourceWeights: Record<string, number> } {
  const publication = config.publications[name] as Record<string, unknown> | undefined;
  if (!publication) throw new UsageError(`no such publication "${name}"`);
  const profile =
    publication.profile === undefined ? null : check(ProfileConfig, publication.profile, `${name}.profile`);
  const sourceWeights = check(SourceWeights, publication.sourceWeights, `${name}.sourceWeights`);
  return { profile, sourceWeights };
}

/** Everything rank() may use for publication `name` (or, for null, for the day's stories as a whole). */
export function rankOptionsFor(config: Config, name: string | null, base?: string): RankOptions {
  const sourceOriginsMap = sourceOrigins(config);
  if (name === null) return { sourceOrigins: sourceOriginsMap };
  const { profile, sourceWeights } = rankingConfig(config, name);
  return {
    sourceOrigins: sourceOriginsMap,
    sourceWeights,
    profile: profile ? loadProfile(profile, base) : null,
  };
}

function check<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (i) => `publications.${[where, ...i.path.map(String)].join('.')}: ${i.message}`,
  );
  throw new UsageError(issues.join('; '));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
