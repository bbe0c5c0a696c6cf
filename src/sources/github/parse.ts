// GitHub API response text → wire objects (wire.ts). Every failure is an InputError naming the URL and
// what was wrong; a bad release is reported and skipped. Builds no RawItem (adapt.ts does).

import { InputError } from '../../errors.ts';
import { type GhRelease, type GhRepo, ghMessage, ghRelease, ghRepo } from './wire.ts';

/** JSON of an API body, or an InputError saying why not (empty, an HTML page, truncated, invalid). */
export function parseJson(text: string, origin: string): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new InputError(origin, 'the response is empty; expected JSON');
  if (body.startsWith('<'))
    throw new InputError(origin, 'the response is HTML, not JSON (a proxy or error page?)');
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = Number(/at position (\d+)/.exec(detail)?.[1] ?? -1);
    if (/end of (JSON )?input|Unterminated string/i.test(detail) || position >= body.length) {
      throw new InputError(origin, `the JSON ends early (truncated response?): ${detail}`);
    }
    throw new InputError(origin, `not valid JSON: ${detail}`);
  }
}

/** A repository object; its `full_name` is required, other fields drift to undefined. */
export function parseRepo(text: string, origin: string): GhRepo {
  const json = parseJson(text, origin);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new InputError(origin, `expected a repository object, found ${describeValue(json)}`);
  }
  const parsed = ghRepo.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      origin,
      `repository ${issue?.path.join('.') || 'object'}: ${issue?.message ?? 'malformed'}`,
    );
  }
  return parsed.data;
}

/** A release list; an entry without a tag is reported through `onBad` and skipped. */
export function parseReleases(text: string, origin: string, onBad: (error: InputError) => void): GhRelease[] {
  const json = parseJson(text, origin);
  if (!Array.isArray(json))
    throw new InputError(origin, `expected an array of releases, found ${describeValue(json)}`);
  const releases: GhRelease[] = [];
  for (const [index, value] of json.entries()) {
    const parsed = ghRelease.safeParse(value);
    if (parsed.success) {
      releases.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
    onBad(new InputError(origin, `release [${index}]${where}: ${issue?.message ?? 'malformed'}`));
  }
  return releases;
}

/** GitHub's own error message from an error body (`Not Found`, `Bad credentials`), bounded; '' if none. */
export function apiMessage(text: string): string {
  try {
    const message = ghMessage.safeParse(JSON.parse(text)).data?.message ?? '';
    return message.replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
