// robots.txt as RFC 9309 reads it: groups of user-agent lines with allow/disallow rules; the groups naming
// our product token (else `*`) merged; the longest matching pattern wins, allow on a tie; `*` and `$`.
// Pure text in, verdict out; fetching and caching the file is robots-cache.ts.

export interface RobotsRule {
  allow: boolean;
  /** The path pattern, percent-encoding normalized. */
  pattern: string;
}

export interface RobotsGroup {
  /** Product tokens, lower case; `*` for any crawler. */
  agents: string[];
  rules: RobotsRule[];
}

export interface RobotsTxt {
  groups: RobotsGroup[];
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The rule that decided, or null when none matched (allowed). */
  rule: RobotsRule | null;
}

/** RFC 9309 §2.5: crawlers must parse at least this much of the file. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export function parseRobots(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const match = /^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line.replace(/#.*/, ''));
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? '';
    if (key === 'user-agent') {
      if (!current || current.rules.length > 0) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      const token = value.startsWith('*') ? '*' : (/^[A-Za-z_-]+/.exec(value)?.[0] ?? '');
      if (token) current.agents.push(token.toLowerCase());
    } else if ((key === 'allow' || key === 'disallow') && current && value) {
      const pattern = normalizePath(value.startsWith('/') || value.startsWith('*') ? value : `/${value}`);
      current.rules.push({ allow: key === 'allow', pattern });
    }
  }
  return { groups };
}

/** The rules for a crawler: every group naming its product token, else every `*` group (RFC 9309 §2.2.1). */
export function rulesFor(robots: RobotsTxt, productToken: string): RobotsRule[] {
  const token = productToken.toLowerCase();
  const own = robots.groups.filter((g) => g.agents.includes(token));
  const chosen = own.length > 0 ? own : robots.groups.filter((g) => g.agents.includes('*'));
  return chosen.flatMap((g) => g.rules);
}

/** May `productToken` fetch `pathAndQuery` (the URL's path and query, as in `new URL(u).pathname + search`)? */
export function robotsVerdict(robots: RobotsTxt, productToken: string, pathAndQuery: string): RobotsVerdict {
  const path = normalizePath(pathAndQuery || '/');
  if (path === '/robots.txt') return { allowed: true, rule: null };
  let best: RobotsRule | null = null;
  for (const rule of rulesFor(robots, productToken)) {
    if (!patternMatches(rule.pattern, path)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieWonByAllow = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieWonByAllow) best = rule;
  }
  return { allowed: best?.allow ?? true, rule: best };
}

/** Does `pattern` (with `*` for any run and a final `$` for the end) match a prefix of `path`?
 * Linear in pattern × path: a set of reachable path positions, no backtracking. */
export function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  let positions = [0];
  for (const char of body) {
    if (char === '*') {
      const from = positions[0] ?? 0;
      positions = Array.from({ length: path.length - from + 1 }, (_, i) => from + i);
      continue;
    }
    positions = positions.filter((p) => path[p] === char).map((p) => p + 1);
    if (positions.length === 0) return false;
  }
  return anchored ? positions.includes(path.length) : true;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 9309 §2.2.2: non-ASCII octets percent-encoded (UTF-8); %XX of an unreserved character decoded;
 * other escapes upper-cased, so `/a/%62` and `/a/b`, `%e3` and `%E3` compare equal. */
export function normalizePath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i] as string;
    const hex = char === '%' ? /^[0-9A-Fa-f]{2}/.exec(path.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex) {
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      i += 2;
    } else if (char.charCodeAt(0) > 0x7e || char.charCodeAt(0) < 0x21) {
      const point = path.codePointAt(i) as number;
      if (point > 0xffff) i++;
      for (const byte of Buffer.from(String.fromCodePoint(point)))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += char;
    }
  }
  return out;
}
