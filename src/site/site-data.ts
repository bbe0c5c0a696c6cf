// Everything the site shows, read from the store once per build: every recorded edition of every
// publication as assembled now (so corrections show), and per printed story its sources, writeups,
// tags and corrections. Read-only; pages get this plain data and never touch the store.

import type { Config, PublicationConfig } from '../config/schema.ts';
import { addDays } from '../model/day.ts';
import type { Edition, EditionEntry, EditionSection } from '../model/edition.ts';
import type { StoryView } from '../model/story.ts';
import { assembleEdition } from '../pipeline/run.ts';
import { dayStart } from '../render/feeds/channel.ts';
import type { Store } from '../store/store.ts';

export interface Correction {
  at: string;
  by: string;
  /** What the editor said about it, when they did. */
  note: string | null;
}

/** One printed story of one publication, with what its page needs. */
export interface SiteStory {
  publication: string;
  /** The edition it was printed in. */
  date: string;
  /** Section titles from the top down to the one it sits in; empty in a paper digest. */
  sections: string[];
  entry: EditionEntry;
  /** The stored story (null only if it vanished between assembling and reading). */
  view: StoryView | null;
  tags: string[];
  corrections: Correction[];
}

export interface SiteEdition {
  edition: Edition;
  /** In reading order. */
  stories: SiteStory[];
}

export interface SitePublication {
  name: string;
  config: PublicationConfig;
  /** Newest first. */
  editions: SiteEdition[];
}

export interface SiteData {
  config: Config;
  /** Publications with at least one recorded edition, in configured order. */
  publications: SitePublication[];
}

export async function loadSite(ctx: { config: Config; store: Store }): Promise<SiteData> {
  const views = new Map<string, Map<string, StoryView>>();
  const viewsOn = async (date: string) => {
    let day = views.get(date);
    if (!day) {
      day = new Map((await ctx.store.storiesOn(date)).map((s) => [s.id, s]));
      views.set(date, day);
    }
    return day;
  };
  const publications: SitePublication[] = [];
  for (const [name, config] of Object.entries(ctx.config.publications)) {
    const records = await ctx.store.editions(name);
    if (records.length === 0) continue;
    const editions: SiteEdition[] = [];
    for (const record of records) {
      const edition = await assembleEdition(ctx, name, record.date);
      const day = await viewsOn(record.date);
      const stories: SiteStory[] = [];
      for (const { entry, sections } of placed(edition)) {
        const view = day.get(entry.storyId) ?? (await ctx.store.story(entry.storyId));
        const decisions = await ctx.store.decisions({ storyId: entry.storyId });
        stories.push({
          publication: name,
          date: edition.date,
          sections: edition.template === 'paper-digest' ? [] : sections,
          entry,
          view,
          tags: view?.placements.find((p) => p.publication === name)?.tags ?? [],
          corrections: corrections(entry, decisions, edition.date, ctx.config.timezone),
        });
      }
      editions.push({ edition, stories });
    }
    publications.push({ name, config, editions });
  }
  return { config: ctx.config, publications };
}

/** Entries in reading order with the titles of the sections they sit in. */
function placed(edition: Edition): { entry: EditionEntry; sections: string[] }[] {
  const walk = (s: EditionSection, path: string[]): { entry: EditionEntry; sections: string[] }[] => {
    const here = [...path, s.title];
    return [
      ...s.entries.map((entry) => ({ entry, sections: here })),
      ...s.children.flatMap((c) => walk(c, here)),
    ];
  };
  return edition.sections.flatMap((s) => walk(s, []));
}

/**
 * The story's public corrections, oldest first: every `edit` in its history, and a change of the
 * Chinese text after its edition day ended that no recorded edit accounts for (a later redraft).
 */
function corrections(
  entry: EditionEntry,
  decisions: {
    at: string;
    by: string;
    action: string;
    publication: string | null;
    detail: Record<string, unknown>;
  }[],
  date: string,
  timeZone: string,
): Correction[] {
  const listed = decisions
    .filter((d) => d.action === 'edit')
    .map((d) => ({ at: d.at, by: d.by, note: noteOf(d.detail) }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const changed = entry.updatedAt ? Date.parse(entry.updatedAt) : Number.NaN;
  const dayEnd = dayStart(addDays(date, 1), timeZone).getTime();
  const explained = listed.some((c) => Date.parse(c.at) >= changed - 60_000);
  if (changed >= dayEnd && !explained && entry.updatedAt) {
    listed.push({ at: entry.updatedAt, by: entry.writtenBy ?? '', note: null });
  }
  return listed;
}

function noteOf(detail: Record<string, unknown>): string | null {
  for (const key of ['note', 'reason', 'summary']) {
    const value = detail[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}
