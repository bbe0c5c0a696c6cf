// assemble: ranked stories + their writeups → the Edition a publication prints on a day.
// Decides sections, order, credits and fallbacks; must not format text (render/ does).

import type { PublicationConfig, SectionConfig } from '../config/schema.ts';
import { allEntries, type Edition, type EditionEntry, type EditionSection } from '../model/edition.ts';
import type { StoryView } from '../model/story.ts';
import { arxivAbsUrl } from '../stories/arxiv-id.ts';
import { leadItem } from '../stories/lead-item.ts';
import { extractiveSummary } from '../writer/extractive.ts';
import type { ScoredStory } from './rank.ts';

export function assemble(
  name: string,
  publication: PublicationConfig,
  date: string,
  ranked: ScoredStory[],
  lead: string | null = null,
): Edition {
  const limited = publication.limit > 0 ? ranked.slice(0, publication.limit) : ranked;
  const entries = limited.map((story) => toEntry(story, publication));
  const sections =
    publication.template === 'paper-digest'
      ? [{ title: publication.title, entries, children: [] }]
      : placeInSections(name, publication.sections, limited, entries);
  const edition: Edition = {
    publication: name,
    title: publication.title,
    template: publication.template,
    date,
    lead,
    sections,
    untranslated: 0,
    flagged: limited.filter((s) => zhWriteup(s)?.status === 'flagged').length,
  };
  edition.untranslated = allEntries(edition).filter((e) => !e.translated).length;
  return edition;
}

/** Stories that neither their source's section nor a rule places: the LLM classification's work. */
export function unplaced(publication: PublicationConfig, stories: StoryView[]): StoryView[] {
  if (publication.template === 'paper-digest') return [];
  const sections = publication.sections.map(function build(s): EditionSection {
    return { title: s.title, entries: [], children: (s.children ?? []).map(build) };
  });
  return stories.filter((s) => !byHint(sections, s) && !byRules(publication.sections, sections, s));
}

/** The leaf sections a story can be placed in, by title. */
export function leafSections(config: SectionConfig[]): string[] {
  return config.flatMap((s) => (s.children?.length ? leafSections(s.children) : [s.title]));
}

/** The Chinese writeup a reader may see: a flagged draft waits for an editor and is never printed. */
function zhWriteup(story: StoryView) {
  return story.writeups.find((w) => w.lang === 'zh');
}

function toEntry(story: ScoredStory, publication: PublicationConfig): EditionEntry {
  const lead = leadItem(story);
  const found = zhWriteup(story);
  const writeup = found?.status === 'flagged' ? undefined : found;
  const arxiv = story.keys.find((k) => k.startsWith('arxiv:'));
  const isPaper = story.kind === 'paper';
  const sourceIsChinese = lead.lang.startsWith('zh');
  return {
    storyId: story.id,
    kind: story.kind,
    originalTitle: lead.title,
    title: writeup?.title ?? (sourceIsChinese ? lead.title : null),
    body: writeup?.body ?? (isPaper ? lead.summary : extractiveSummary(lead.summary)),
    originalBody: lead.summary,
    originalLang: lead.lang,
    publishedAt: lead.publishedAt,
    updatedAt: writeup?.updatedAt ?? null,
    writtenBy: writeup ? (writeup.editedBy ?? writeup.model) : null,
    translated: writeup !== undefined || sourceIsChinese,
    edited: writeup?.status === 'edited',
    url: arxiv ? arxivAbsUrl(arxiv.slice('arxiv:'.length)) : lead.url,
    image: story.items.find((i) => i.image)?.image ?? null,
    contributor: story.items.find((i) => i.contributor)?.contributor ?? publication.defaultContributor,
    score: story.score,
    links: story.items.map((i) => ({ source: i.source, url: i.url })),
  };
}

function placeInSections(
  publication: string,
  config: SectionConfig[],
  stories: ScoredStory[],
  entries: EditionEntry[],
): EditionSection[] {
  const sections = config.map(function build(s): EditionSection {
    return { title: s.title, entries: [], children: (s.children ?? []).map(build) };
  });
  stories.forEach((story, index) => {
    const entry = entries[index];
    const placement = story.placements.find((p) => p.publication === publication);
    const chosen = placement && findSection(sections, placement.section);
    const target =
      entry &&
      ((placement?.by !== 'llm' ? chosen : undefined) ??
        byHint(sections, story) ??
        byRules(config, sections, story) ??
        chosen);
    target?.entries.push(entry as EditionEntry);
  });
  return prune(sections);
}

function byHint(sections: EditionSection[], story: StoryView): EditionSection | undefined {
  const hint = story.items.find((i) => i.section)?.section;
  return hint ? findSection(sections, hint) : undefined;
}

/** The section titled `title`; a parent's title means its first sub-section. */
function findSection(sections: EditionSection[], title: string): EditionSection | undefined {
  for (const section of sections) {
    if (section.title === title) return section.children.length > 0 ? section.children[0] : section;
    const child = section.children.find((c) => c.title === title);
    if (child) return child;
  }
  return undefined;
}

/** The matching leaf section with the highest priority (then the first in configured order). */
function byRules(
  config: SectionConfig[],
  sections: EditionSection[],
  story: StoryView,
): EditionSection | undefined {
  const leaves: { rule: SectionConfig; built: EditionSection }[] = [];
  const collectLeaves = (rules: SectionConfig[], built: EditionSection[]) =>
    rules.forEach((rule, i) => {
      const node = built[i];
      if (!node) return;
      if (rule.children?.length) collectLeaves(rule.children, node.children);
      else leaves.push({ rule, built: node });
    });
  collectLeaves(config, sections);
  const matching = leaves.filter((leaf) => matches(leaf.rule, story));
  matching.sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0));
  return matching[0]?.built;
}

function matches(section: SectionConfig, story: StoryView): boolean {
  const m = section.match;
  if (!m) return false;
  const text = story.items
    .map((i) => `${i.title} ${i.summary}`)
    .join(' ')
    .toLowerCase();
  const hosts = story.items.map((i) => new URL(i.url).hostname.replace(/^www\./, ''));
  if (m.kinds && !m.kinds.includes(story.kind)) return false;
  if (m.sources && !story.items.some((i) => m.sources?.includes(i.source))) return false;
  if (m.domains && !hosts.some((h) => m.domains?.some((d) => h === d || h.endsWith(`.${d}`)))) return false;
  if (m.keywords && !m.keywords.some((k) => text.includes(k.toLowerCase()))) return false;
  return true;
}

function prune(sections: EditionSection[]): EditionSection[] {
  return sections
    .map((s) => ({ ...s, children: prune(s.children) }))
    .filter((s) => s.entries.length > 0 || s.children.length > 0);
}
