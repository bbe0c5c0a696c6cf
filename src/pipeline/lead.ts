// lead: the edition's opening paragraph, written by the LLM from the titles it will print (cached,
// gated, budgeted). An editor's lead is never replaced; a flagged one is stored but not printed.

import { leadItem } from '../stories/lead-item.ts';
import { draft, type Writer } from '../writer/draft.ts';
import type { Glossary } from '../writer/glossary/glossary.ts';
import type { ScoredStory } from './rank.ts';

/** Write and store the lead for `publication` on `day` from its top stories; returns the outcome. */
export async function writeLead(
  writer: Writer,
  publication: { name: string; title: string },
  day: string,
  printed: ScoredStory[],
  glossary: Glossary,
): Promise<'drafted' | 'cached' | 'flagged' | 'budget' | 'empty'> {
  const top = printed.slice(0, 10).map((story) => {
    const zh = story.writeups.find((w) => w.lang === 'zh' && w.status !== 'flagged');
    return zh?.title ?? leadItem(story).title;
  });
  if (top.length === 0) return 'empty';
  const outcome = await draft(writer, {
    task: 'edition-lead',
    input: { publication: publication.title, date: day, titles: top },
    source: { title: '', text: top.join('\n'), authors: [] },
    glossary,
    day,
    publication: publication.name,
    storyId: null,
  });
  if (outcome.status === 'budget') return 'budget';
  await writer.store.putEditionLead({
    publication: publication.name,
    date: day,
    body: String(outcome.output.lead),
    status: outcome.status,
    model: outcome.model,
    promptVersion: outcome.promptVersion,
    gate: outcome.failures,
    editedBy: null,
    updatedAt: new Date().toISOString(),
  });
  return outcome.status === 'drafted' && outcome.cached ? 'cached' : outcome.status;
}
