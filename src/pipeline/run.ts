// The daily job as one sentence: collect → normalize → merge → rank → write → assemble → render →
// publish. Each verb is its own module; this file only orders them and gathers the outcomes.

import type { Config } from '../config/schema.ts';
import type { Edition } from '../model/edition.ts';
import type { Http, Logger } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import type { Llm } from '../writer/llm.ts';
import { assemble } from './assemble.ts';
import { collect, type SourceOutcome } from './collect.ts';
import { type IngestReport, ingest } from './ingest.ts';
import { publish } from './publish.ts';
import { rank } from './rank.ts';
import { render } from './render.ts';
import { candidates } from './select.ts';
import { type WriteReport, write } from './write.ts';

export interface RunContext {
  config: Config;
  store: Store;
  llm: Llm | null;
  http: Http;
  log: Logger;
  out: string;
}

export interface BuildResult {
  edition: Edition;
  files: string[];
}

export interface RunReport {
  sources: SourceOutcome[];
  ingest: IngestReport;
  writes: Record<string, WriteReport>;
  editions: BuildResult[];
}

export async function run(ctx: RunContext, publications: string[], date: string): Promise<RunReport> {
  const wanted = sourcesFor(ctx.config, publications);
  const { batches, outcomes } = await collect(ctx.config, { http: ctx.http, log: ctx.log, date }, wanted);
  const ingested = await ingest(ctx.store, batches, { timeZone: ctx.config.timezone }); // normalize + merge
  const writes: Record<string, WriteReport> = {};
  const editions: BuildResult[] = [];
  for (const name of publications) {
    writes[name] = await writeEdition(ctx, name, date);
    editions.push(await build(ctx, name, date));
  }
  return { sources: outcomes, ingest: ingested, writes, editions };
}

/** rank → write, for the stories an edition will print (`ribao write`). */
export async function writeEdition(ctx: RunContext, name: string, date: string): Promise<WriteReport> {
  const publication = ctx.config.publications[name];
  const ranked = rank(await candidates(ctx.store, ctx.config, name, date));
  const printed = publication && publication.limit > 0 ? ranked.slice(0, publication.limit) : ranked;
  return write(ctx.store, ctx.llm, printed, ctx.config.llm.concurrency);
}

/** rank → assemble → render → publish from what is stored, no network (`ribao build`). */
export async function build(
  ctx: Pick<RunContext, 'config' | 'store' | 'out'>,
  name: string,
  date: string,
): Promise<BuildResult> {
  const publication = ctx.config.publications[name];
  if (!publication) throw new Error(`unknown publication "${name}"`);
  const ranked = rank(await candidates(ctx.store, ctx.config, name, date));
  const edition = assemble(name, publication, date, ranked);
  const files = await publish(ctx.store, ctx.config, ctx.out, edition, render(edition, publication));
  return { edition, files };
}

function sourcesFor(config: Config, publications: string[]): string[] {
  const lists = publications.map((p) => config.publications[p]?.sources ?? []);
  if (lists.some((l) => l.length === 0)) return config.sources.map((s) => s.id);
  return [...new Set(lists.flat())];
}
