// GitHub API response text → wire objects (wire.ts). Every failure is an InputError naming the URL and
// what was wrong; a bad release is reported and skipped. Builds no RawItem (adapt.ts does).

import { InputError } from '../../errors.ts';
import { parseJsonText } from '../../text/json-text.ts';
import { type GhRelease, type GhRepo, ghMessage, ghRelease, ghRepo } from './wire.ts';

/** JSON of an API body, or an InputError saying why not. */
export function parseJson(text: string, origin: string): unknown {
  return parseJsonText(text, origin);
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
