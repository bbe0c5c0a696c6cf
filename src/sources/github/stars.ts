// Star history per repository, kept in the source's state between runs, so growth can be shown:
// one point per edition day, a few days kept. Pure functions; collect.ts reads and writes the state.

/** The state key the history lives under. */
export const STARS_KEY = 'stars';
/** Points kept per repository. */
export const STAR_POINTS = 8;

export interface StarPoint {
  /** The edition day the count was read for (YYYY-MM-DD). */
  day: string;
  stars: number;
}

/** Lower-case `owner/name` → points, oldest first. */
export type StarHistory = Record<string, StarPoint[]>;

export interface StarGrowth {
  /** The history to keep for this repository. */
  points: StarPoint[];
  /** Stars gained since the last earlier day's point (negative when unstarred); null without one. */
  delta: number | null;
  /** The day `delta` is counted from. */
  since: string | null;
}

/**
 * Record today's count. The delta is against the latest point of an EARLIER day, so collecting the
 * same day twice replaces that day's point and keeps the same delta (runs are idempotent). A day older
 * than the latest point (a backfill) is not recorded: the API only knows today's count.
 */
export function recordStars(previous: StarPoint[], day: string, stars: number): StarGrowth {
  const latest = previous.at(-1);
  if (latest && day < latest.day) return { points: previous, delta: null, since: null };
  const before = previous.filter((point) => point.day < day).at(-1);
  const points = [...previous.filter((point) => point.day !== day), { day, stars }].slice(-STAR_POINTS);
  return before
    ? { points, delta: stars - before.stars, since: before.day }
    : { points, delta: null, since: null };
}

/** The stored history, with anything malformed (hand-edited, or from an older shape) left out. */
export function readHistory(value: unknown): StarHistory {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const history: StarHistory = {};
  for (const [repo, points] of Object.entries(value)) {
    if (!Array.isArray(points)) continue;
    const valid = points
      .filter(
        (point): point is StarPoint =>
          typeof point?.day === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(point.day) &&
          Number.isSafeInteger(point.stars),
      )
      .map(({ day, stars }) => ({ day, stars }))
      .sort((a, b) => a.day.localeCompare(b.day))
      .slice(-STAR_POINTS);
    if (valid.length > 0) history[repo] = valid;
  }
  return history;
}
