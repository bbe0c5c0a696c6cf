// For the site's tests: a real SQLite store in a temporary folder holding the bundled sample sources,
// published with `build` for their day, and the built site's files read back. No network.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, ConfigSchema } from '../config/schema.ts';
import { ingest } from '../pipeline/ingest.ts';
import { readInput } from '../pipeline/read-input.ts';
import { build } from '../pipeline/run.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import type { Store } from '../store/store.ts';

export const SAMPLES = fileURLToPath(new URL('../../samples/sources/', import.meta.url));
export const DAY = '2026-11-20';

export interface SampleSite {
  config: Config;
  store: Store;
  out: string;
  dir: string;
}

/** The samples in a fresh store (plus any extra input files), with both publications' editions published. */
export async function sampleSite(
  extraInputs: string[] = [],
  baseUrl = 'https://ribao.example/site/',
): Promise<SampleSite> {
  const dir = mkdtempSync(join(tmpdir(), 'ribao-site-'));
  const config = ConfigSchema.parse({
    site: { baseUrl },
    sources: [],
    publications: {
      papers: { title: 'AI 论文日报', template: 'paper-digest', limit: 30 },
      daily: { title: 'AI 日报', template: 'daily-report', defaultContributor: 'ribao' },
    },
  });
  const store = openSqliteStore(join(dir, 'ribao.db'));
  await store.migrate();
  const files = [...readdirSync(SAMPLES).map((f) => join(SAMPLES, f)), ...extraInputs];
  await ingest(store, await Promise.all(files.map((f) => readInput(f, 'auto'))), {
    timeZone: config.timezone,
  });
  const out = join(dir, 'site');
  await publishAll({ config, store, out });
  return { config, store, out, dir };
}

/** `build` (Markdown, HTML, feeds) for every publication on the sample day. */
export async function publishAll(site: Pick<SampleSite, 'config' | 'store' | 'out'>): Promise<void> {
  for (const name of Object.keys(site.config.publications)) await build(site, name, DAY);
}

/** A built file's text, by its path from the site root (URL-encoded segments allowed). */
export function readSite(out: string, path: string): string {
  return readFileSync(join(out, ...path.split('/').map(decodeURIComponent)), 'utf8');
}

/** Every HTML page under `out`, as paths from the site root. */
export function htmlPages(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(/[\\/]/).join('/'))
    .sort();
}
