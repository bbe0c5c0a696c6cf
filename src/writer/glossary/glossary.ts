// The writer's glossary: its types, loading default.yaml merged with an optional override file, and
// (re-exported) the pure functions the prompt and the quality gate use. Reads files; never calls the model.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../../errors.ts';
import { termKey } from './match.ts';

export { type CheckOptions, checkGlossary, promptBlock } from './check.ts';
export { relevantTerms, termKey } from './match.ts';
export { keepNames } from './names.ts';

/** One glossary entry. An `en` ending in ":" is a title prefix (matched only at the start of a title). */
export interface Term {
  en: string;
  zh: string;
  abbr?: string;
  also?: string[];
  avoid?: string[];
}

/** Treated as immutable once loaded: matchers are compiled once per Glossary object and cached. */
export interface Glossary {
  terms: Term[];
  keep: string[];
}

const DEFAULT_FILE = fileURLToPath(new URL('./default.yaml', import.meta.url));

const text = z.string().trim().min(1, 'must be a non-empty string');
const TermEntry = z
  .strictObject({
    en: text,
    zh: text.optional(),
    abbr: text.optional(),
    also: z.array(text).optional(),
    avoid: z.array(text).optional(),
    remove: z.literal(true).optional(),
  })
  .superRefine((entry, ctx) => {
    if (!entry.remove && entry.zh === undefined)
      ctx.addIssue({ code: 'custom', path: ['zh'], message: 'is required (or set remove: true)' });
  });
const GlossaryFile = z.strictObject({
  terms: z.array(TermEntry).default([]),
  keep: z.array(text).default([]),
});
type Entry = z.infer<typeof TermEntry>;

let defaultGlossary: Glossary | undefined;

/** The default glossary, merged with the override file when one is given. */
export function loadGlossary(overridePath?: string | null): Glossary {
  if (!defaultGlossary) {
    const entries = readGlossaryFile(DEFAULT_FILE);
    const removal = entries.terms.find((entry) => entry.remove);
    if (removal)
      throw new InputError(DEFAULT_FILE, `term "${removal.en}": remove is only for override files`);
    defaultGlossary = freeze({ terms: entries.terms.map(toTerm), keep: unique(entries.keep) });
  }
  if (!overridePath) return defaultGlossary;
  return mergeGlossary(defaultGlossary, readGlossaryFile(overridePath), overridePath);
}

function mergeGlossary(base: Glossary, override: z.infer<typeof GlossaryFile>, file: string): Glossary {
  const byKey = new Map(base.terms.map((term) => [termKey(term.en), term]));
  for (const entry of override.terms) {
    const key = termKey(entry.en);
    if (!entry.remove) byKey.set(key, toTerm(entry));
    else if (!byKey.delete(key))
      throw new InputError(file, `term "${entry.en}": remove names no default term`);
  }
  return { terms: [...byKey.values()], keep: unique([...base.keep, ...override.keep]) };
}

function readGlossaryFile(file: string): z.infer<typeof GlossaryFile> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read the glossary (${(error as NodeJS.ErrnoException).code})`);
  }
  let value: unknown;
  try {
    value = parseYaml(source);
  } catch (error) {
    throw new InputError(file, `not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = GlossaryFile.safeParse(value ?? {});
  if (!parsed.success) throw new InputError(file, describeIssue(parsed.error.issues[0]));
  const seen = new Set<string>();
  for (const entry of parsed.data.terms) {
    const key = termKey(entry.en);
    if (seen.has(key)) throw new InputError(file, `terms: duplicate en "${entry.en}"`);
    seen.add(key);
  }
  return parsed.data;
}

/** `terms[3].zh: is required` — the path to the bad key, then what was wrong with it. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid glossary';
  const path = issue.path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return `${path || 'glossary'}: ${issue.message}${keys}`;
}

function toTerm(entry: Entry): Term {
  const term: Term = { en: entry.en, zh: entry.zh ?? entry.en };
  if (entry.abbr) term.abbr = entry.abbr;
  if (entry.also?.length) term.also = entry.also;
  if (entry.avoid?.length) term.avoid = entry.avoid;
  return term;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function freeze(glossary: Glossary): Glossary {
  for (const term of glossary.terms) Object.freeze(term);
  Object.freeze(glossary.terms);
  Object.freeze(glossary.keep);
  return Object.freeze(glossary);
}
