// Seed papers from a CSL-JSON export (Zotero "Export Library… → CSL JSON", citeproc input): an array
// of items whose title and abstract are compared with stories, and whose arXiv id or DOI is a key.

import { z } from 'zod';
import { InputError } from '../../errors.ts';
import { cleanText } from '../../text/clean.ts';
import { type Seed, seed, seedKeys } from './seed.ts';

// Only what seeds need; the many other CSL variables are let through unread.
const CslItem = z.looseObject({
  id: z.union([z.string(), z.number()], { error: "an item's id is a string or a number" }),
  type: z.string().optional(),
  title: z.string().optional(),
  abstract: z.string().optional(),
  DOI: z.string().optional(),
  URL: z.string().optional(),
  /** Zotero puts an arXiv preprint's id here: `arXiv:2506.08007`. */
  number: z.union([z.string(), z.number()]).optional(),
  'container-title': z.string().optional(),
  note: z.string().optional(),
});

export type CslItem = z.infer<typeof CslItem>;

/** The items of a CSL-JSON file; an error names the file, the item (index and id) and the field. */
export function parseCslJson(text: string, file: string): CslItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new InputError(file, 'expected a JSON array of CSL items');
  return value.map((raw, index) => {
    const parsed = CslItem.safeParse(raw);
    if (parsed.success) return parsed.data;
    const id = raw && typeof raw === 'object' && 'id' in raw ? ` (id ${JSON.stringify(raw.id)})` : '';
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new InputError(file, `item ${index}${id}: ${where}${issue?.message ?? 'not a CSL item'}`);
  });
}

/** Seeds from a CSL-JSON file: title + abstract, and the arXiv id or DOI the item records. */
export function cslJsonSeeds(text: string, file: string): Seed[] {
  const seeds: Seed[] = [];
  for (const item of parseCslJson(text, file)) {
    const title = plain(item.title ?? '');
    const keys = seedKeys({
      ids: [item.URL, item.number === undefined ? undefined : String(item.number)].filter(
        (v): v is string => typeof v === 'string',
      ),
      texts: [item['container-title'], item.note].filter((v): v is string => typeof v === 'string'),
      doi: item.DOI,
    });
    if (!title && keys.length === 0) continue;
    seeds.push(seed(`${file}#${item.id}`, title, plain(item.abstract ?? ''), keys));
  }
  return seeds;
}

/** CSL allows a few HTML-like tags in text (<i>, <sub>, <span class="nocase">): drop them. */
function plain(text: string): string {
  return cleanText(text.replace(/<\/?[a-z][^>]*>/gi, ''));
}
