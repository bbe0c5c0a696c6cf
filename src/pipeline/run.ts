// The daily job as one sentence: collect → normalize → merge → rank → write → assemble → render →
// publish. Each verb is its own module; this file only orders them and gathers the outcomes.

import type { Config } from '../config/schema.ts';
import { describe } from '../errors.ts';
import type { Edition } from '../model/edition.ts';
import { indexStories } from '../search/archive.ts';
import type { Http, Logger } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { rankOptionsFor } from '../stories/profile/options.ts';
import type { RankOptions } from '../stories/profile/profile.ts';
import type { Writer } from '../writer/draft.ts';
import { type Glossary, loadGlossary } from '../writer/glossary/glossary.ts';
import { assemble } from './assemble.ts';
import type { Checkpoint } from './checkpoint.ts';
import { classify } from './classify.ts';
import { collect, type SourceOutcome } from './collect.ts';
import { type IngestReport, ingest } from './ingest.ts';
import { writeLead } from './lead.ts';
import { editionOrder } from './order.ts';
import { publish } from './publish.ts';
import { rank } from './rank.ts';
import { render } from './render.ts';
import { candidates } from './select.ts';
import { type WriteReport, write } from './write.ts';

export interface RunContext {
  config: Config;
  store: Store;
  /** Source state and HTTP validators written while collecting, stored with the items. */
  checkpoint: Checkpoint;
  /** The LLM writer for this run (one budget across publications), or null without an endpoint. */
  writer: Writer | null;
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
  writes: Record<string, EditionWriteReport>;
  editions: BuildResult[];
}

export async function run(ctx: RunContext, publications: string[], date: string): Promise<RunReport> {
  const { outcomes, ingested } = await collectAndStore(ctx, date, sourcesFor(ctx.config, publications));
  const writes: Record<string, EditionWriteReport> = {};
  const editions: BuildResult[] = [];
  for (const name of publications) {
    writes[name] = await writeEdition(ctx, name, date);
    editions.push(await build(ctx, name, date));
  }
  return { sources: outcomes, ingest: ingested, writes, editions };
}

/** collect → normalize + merge, storing the items and what the sources wrote in one transaction. */
export async function collectAndStore(
  ctx: RunContext,
  date: string,
  only?: string[],
  force = false,
): Promise<{ outcomes: SourceOutcome[]; ingested: IngestReport }> {
  const options = { http: ctx.http, log: ctx.log, date, store: ctx.store, checkpoint: ctx.checkpoint, force };
  const { batches, outcomes } = await collect(ctx.config, options, only);
  const ingested = await ctx.store.transaction(async (tx) => {
    const report = await ingest(tx, batches, { timeZone: ctx.config.timezone, config: ctx.config });
    await ctx.checkpoint.commit(tx);
    return report;
  });
  return { outcomes, ingested };
}

export interface EditionWriteReport extends WriteReport {
  /** Stories the LLM placed in a section (publications with `classify: true`). */
  placed: number;
  /** What happened to the lead paragraph (publications with `lead: true`), or null. */
  lead: string | null;
}

/** rank → classify → write → lead, for the stories an edition will print (`ribao write`). */
export async function writeEdition(
  ctx: Pick<RunContext, 'config' | 'store' | 'writer'>,
  name: string,
  date: string,
  options: { redraftFlagged?: boolean } = {},
): Promise<EditionWriteReport> {
  const publication = ctx.config.publications[name];
  if (!publication) throw new Error(`unknown publication "${name}"`);
  const glossary = glossaryFor(publication.glossary);
  const printed = limit(await ordered(ctx, name, date), publication.limit);
  const report: EditionWriteReport = {
    ...(await write(ctx.writer, printed, {
      publication: name,
      day: date,
      glossary,
      concurrency: ctx.config.llm.concurrency,
      redraftFlagged: options.redraftFlagged ?? false,
    })),
    placed: 0,
    lead: null,
  };
  if (!ctx.writer) return report;
  // New writeups make stories findable in Chinese: the search index follows them.
  if (report.drafted + report.cached + report.flagged > 0) {
    await indexStories(
      ctx.store,
      printed.map((s) => s.id),
      ctx.config,
    );
  }
  if (publication.classify) {
    const classified = await classify(ctx.writer, name, publication, printed, { day: date, glossary });
    report.placed = classified.placed;
    report.failed.push(...classified.failed);
  }
  if (publication.lead) {
    const written = limit(await ordered(ctx, name, date), publication.limit);
    report.lead = await writeLead(
      ctx.writer,
      { name, title: publication.title },
      date,
      written,
      glossary,
    ).catch((error: unknown) => {
      report.failed.push({ storyId: `lead of ${name} ${date}`, error: describe(error) });
      return 'failed';
    });
  }
  return report;
}

/** The stories an edition may print, in its order: ranked, then the editor's pins and positions. */
async function ordered(ctx: Pick<RunContext, 'config' | 'store'>, name: string, date: string) {
  const options = rankOptions.get(name) ?? rankOptionsFor(ctx.config, name);
  rankOptions.set(name, options);
  return editionOrder(name, rank(await candidates(ctx.store, ctx.config, name, date), options));
}

/** Per publication, for the life of the process: seed files are read once. */
const rankOptions = new Map<string, RankOptions>();

function limit<T>(ranked: T[], max: number): T[] {
  return max > 0 ? ranked.slice(0, max) : ranked;
}

const glossaries = new Map<string | null, Glossary>();

/** The publication's glossary: ribao's default, merged with its own file when it names one. */
function glossaryFor(path: string | null): Glossary {
  let glossary = glossaries.get(path);
  if (!glossary) {
    glossary = loadGlossary(path);
    glossaries.set(path, glossary);
  }
  return glossary;
}

/** rank → assemble → render → publish from what is stored, no network (`ribao build`). */
export async function build(
  ctx: Pick<RunContext, 'config' | 'store' | 'out'>,
  name: string,
  date: string,
): Promise<BuildResult> {
  const publication = ctx.config.publications[name];
  if (!publication) throw new Error(`unknown publication "${name}"`);
  const edition = await assembleEdition(ctx, name, date);
  const earlier = (await ctx.store.editions(name)).filter((e) => e.date < date).slice(0, FEED_EDITIONS - 1);
  const recent = [edition, ...(await Promise.all(earlier.map((e) => assembleEdition(ctx, name, e.date))))];
  const files = await publish(ctx, edition, render(edition, publication), recent);
  return { edition, files };
}

/** How many recent editions the feeds draw their items from. */
const FEED_EDITIONS = 10;

/** The edition of a publication on a day, from what is stored: its stories, order and lead. */
export async function assembleEdition(
  ctx: Pick<RunContext, 'config' | 'store'>,
  name: string,
  date: string,
): Promise<Edition> {
  const publication = ctx.config.publications[name];
  if (!publication) throw new Error(`unknown publication "${name}"`);
  const lead = await ctx.store.editionLead(name, date);
  const printedLead = lead?.status === 'flagged' ? null : (lead?.body ?? null);
  return assemble(name, publication, date, await ordered(ctx, name, date), printedLead);
}

function sourcesFor(config: Config, publications: string[]): string[] {
  const lists = publications.map((p) => config.publications[p]?.sources ?? []);
  if (lists.some((l) => l.length === 0)) return config.sources.map((s) => s.id);
  return [...new Set(lists.flat())];
}
