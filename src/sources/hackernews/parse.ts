// Hacker News response text → wire values: a story id list, one item, one Algolia search page. Every
// failure is an InputError naming the URL and what was wrong; a bad search hit is reported and skipped.

import { InputError } from '../../errors.ts';
import { parseJsonText } from '../../text/json-text.ts';
import { type AlgoliaHit, algoliaHit, algoliaSearch, type HnItem, hnItem } from './wire.ts';

/** JSON of an API body, or an InputError saying why not. */
export function parseJson(text: string, origin: string): unknown {
  return parseJsonText(text, origin);
}

/** `/topstories.json`, `/beststories.json`: an array of item ids, best first. Non-ids are left out. */
export function parseIdList(text: string, origin: string): number[] {
  const json = parseJson(text, origin);
  if (!Array.isArray(json))
    throw new InputError(origin, `expected an array of item ids, found ${describeValue(json)}`);
  return json.filter((id): id is number => Number.isSafeInteger(id) && id > 0);
}

/** `/item/{id}.json`: the item, or null when the API answers `null` (no such item). */
export function parseItem(text: string, origin: string): HnItem | null {
  const json = parseJson(text, origin);
  if (json === null) return null;
  if (typeof json !== 'object' || Array.isArray(json)) {
    throw new InputError(origin, `expected an item object, found ${describeValue(json)}`);
  }
  const parsed = hnItem.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      origin,
      `item ${issue?.path.join('.') || 'object'}: ${issue?.message ?? 'malformed'}`,
    );
  }
  return parsed.data;
}

/** One Algolia page: its hits; a hit without a usable objectID goes to `onBad` and is skipped. */
export function parseSearch(text: string, origin: string, onBad: (error: InputError) => void): AlgoliaHit[] {
  const parsed = algoliaSearch.safeParse(parseJson(text, origin));
  if (!parsed.success) throw new InputError(origin, 'expected a search response with a "hits" array');
  const hits: AlgoliaHit[] = [];
  for (const [index, value] of parsed.data.hits.entries()) {
    const hit = algoliaHit.safeParse(value);
    if (hit.success) {
      hits.push(hit.data);
      continue;
    }
    const issue = hit.error.issues[0];
    const where = issue?.path.length ? `.${issue.path.join('.')}` : '';
    onBad(new InputError(origin, `hit [${index}]${where}: ${issue?.message ?? 'malformed'}`));
  }
  return hits;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
