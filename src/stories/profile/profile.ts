// A reader's interest profile per publication: its configuration (keywords, negative keywords, seed
// papers from arXiv ids, BibTeX or CSL-JSON) and loading it into what ranking compares stories with.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../errors.ts';
import { parseArxivId } from '../arxiv-id.ts';
import { bibtexSeeds } from './bibtex.ts';
import { cslJsonSeeds } from './csl-json.ts';
import type { Seed } from './seed.ts';

export const ProfileConfig = z
  .object({
    /** Words or phrases the reader wants; each one found in a story adds to its score. */
    keywords: z.array(z.string().trim().min(1)).default([]),
    /** Words or phrases the reader does not want; each one found subtracts. */
    negativeKeywords: z.array(z.string().trim().min(1)).default([]),
    seeds: z
      .object({
        /** Papers the reader cares about; a story that is one, or cites one, gets a boost. */
        arxiv: z.array(z.string().refine((id) => parseArxivId(id) !== null, 'not an arXiv id')).optional(),
        /** A BibTeX file: each entry's title and abstract (and arXiv id or DOI) is a seed. */
        bibtex: z.string().min(1).optional(),
        /** A CSL-JSON file (Zotero's export): each item's title and abstract (and id) is a seed. */
        cslJson: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** Multiplies every profile term; 0 turns the profile off. */
    weight: z.number().min(0).default(1),
  })
  .strict();

export type ProfileConfig = z.infer<typeof ProfileConfig>;

/** Per publication: source id (or kind) → a bonus (or, negative, a penalty) added to its stories. */
export const SourceWeights = z.record(z.string(), z.number()).default({});

/** A profile loaded from its configuration and files, ready to compare stories with. */
export interface Profile {
  keywords: string[];
  negativeKeywords: string[];
  seeds: Seed[];
  weight: number;
}

/** What ranking may know beyond the stories; every field is optional and rank() works without any. */
export interface RankOptions {
  /** Source id or kind → bonus; a story gets the largest weight among its items' sources (default 0). */
  sourceWeights?: Record<string, number> | undefined;
  /**
   * Source id → its origin, `kind` or `kind:host` (sourceOrigins() builds it from the configuration):
   * sources with one origin (two feeds of one blog, two arXiv listings) count as one independent source.
   */
  sourceOrigins?: Record<string, string> | undefined;
  profile?: Profile | null | undefined;
  /** Recency is measured back from here; default: the end of each story's edition day. */
  now?: Date | undefined;
}

/**
 * Load a profile: read its seed files (relative paths from `base`, default the working directory, as
 * for glossary files) and turn arXiv ids into seeds that carry only their key.
 */
export function loadProfile(config: ProfileConfig, base = process.cwd()): Profile {
  const seeds: Seed[] = [];
  for (const id of config.seeds.arxiv ?? []) {
    const parsed = parseArxivId(id);
    if (!parsed) throw new InputError(`seeds.arxiv`, `"${id}" is not an arXiv id`);
    seeds.push({ origin: `arxiv:${parsed.id}`, title: '', text: '', keys: [`arxiv:${parsed.id}`] });
  }
  if (config.seeds.bibtex) seeds.push(...bibtexSeeds(...readSeedFile(base, config.seeds.bibtex)));
  if (config.seeds.cslJson) seeds.push(...cslJsonSeeds(...readSeedFile(base, config.seeds.cslJson)));
  return {
    keywords: config.keywords,
    negativeKeywords: config.negativeKeywords,
    seeds,
    weight: config.weight,
  };
}

/** The file's text and the name errors give it (the path as configured). */
function readSeedFile(base: string, path: string): [text: string, file: string] {
  try {
    return [readFileSync(resolve(base, path), 'utf8'), path];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(path, `cannot read the seed file (${code})`, { cause: error });
  }
}
