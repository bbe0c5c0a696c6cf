// classify: the LLM picks a section for the stories no source hint or rule places (cached, gated,
// budgeted). Rules always win; an editor's placement is never replaced. Stores placements only.

import type { PublicationConfig } from '../config/schema.ts';
import { describe } from '../errors.ts';
import type { StoryView } from '../model/story.ts';
import { leadItem } from '../stories/lead-item.ts';
import { draft, type Writer } from '../writer/draft.ts';
import type { Glossary } from '../writer/glossary/glossary.ts';
import { leafSections, unplaced } from './assemble.ts';

export interface ClassifyReport {
  placed: number;
  failed: { storyId: string; error: string }[];
}

export async function classify(
  writer: Writer,
  name: string,
  publication: PublicationConfig,
  stories: StoryView[],
  context: { day: string; glossary: Glossary },
): Promise<ClassifyReport> {
  const report: ClassifyReport = { placed: 0, failed: [] };
  const sections = leafSections(publication.sections);
  const open = unplaced(publication, stories).filter(
    (s) => !s.placements.some((p) => p.publication === name),
  );
  for (const story of open) {
    const lead = leadItem(story);
    try {
      const outcome = await draft(writer, {
        task: 'classification',
        input: { title: lead.title, text: lead.summary.slice(0, 2000), sections },
        source: { title: lead.title, text: lead.summary, authors: [] },
        glossary: context.glossary,
        sections,
        day: context.day,
        publication: name,
        storyId: story.id,
      });
      if (outcome.status === 'budget') break;
      if (outcome.status === 'flagged')
        throw new Error(`classification rejected: ${outcome.failures.join('; ')}`);
      await writer.store.putPlacement({
        storyId: story.id,
        publication: name,
        section: String(outcome.output.section),
        tags: outcome.output.tags as string[],
        by: 'llm',
        updatedAt: new Date().toISOString(),
      });
      report.placed++;
    } catch (error) {
      report.failed.push({ storyId: story.id, error: describe(error) });
    }
  }
  return report;
}
