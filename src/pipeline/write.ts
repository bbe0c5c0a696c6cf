// write: the Chinese writeups an edition will print, drafted through the writer (cached, budgeted,
// gated). Without an endpoint it does nothing: assemble falls back to extractive text, marked pending.

import { describe } from '../errors.ts';
import type { StoryView, Writeup } from '../model/story.ts';
import { leadItem } from '../stories/lead-item.ts';
import { type DraftOutcome, draft, type Writer } from '../writer/draft.ts';
import type { Glossary } from '../writer/glossary/glossary.ts';
import { writeupTask } from '../writer/tasks.ts';

export interface WriteReport {
  drafted: number;
  cached: number;
  /** Drafts the gate rejected twice: stored for an editor with the reasons, never published as is. */
  flagged: number;
  /** Stories that already had their Chinese text (drafted earlier, or edited). */
  kept: number;
  /** Stories left for a later run because the budget ran out. */
  pending: number;
  failed: { storyId: string; error: string }[];
  /** Why writing stopped early (the budget), or null. */
  stopped: string | null;
}

export interface WriteOptions {
  publication: string;
  day: string;
  glossary: Glossary;
  concurrency: number;
  /** Draft again the stories whose writeup the gate flagged. */
  redraftFlagged?: boolean;
}

export async function write(
  writer: Writer | null,
  stories: StoryView[],
  options: WriteOptions,
): Promise<WriteReport> {
  const report: WriteReport = {
    drafted: 0,
    cached: 0,
    flagged: 0,
    kept: 0,
    pending: 0,
    failed: [],
    stopped: null,
  };
  const todo = stories.filter((s) => needsWriting(s, options.redraftFlagged ?? false));
  report.kept = stories.length - todo.length;
  if (!writer) return report;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const story = todo[next++] as StoryView;
      if (writer.budget.stopped) {
        report.pending++;
        continue;
      }
      try {
        const outcome = await writeOne(writer, story, options);
        if (outcome.status === 'budget') report.pending++;
        else if (outcome.status === 'flagged') report.flagged++;
        else report[outcome.cached ? 'cached' : 'drafted']++;
      } catch (error) {
        report.failed.push({ storyId: story.id, error: describe(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, todo.length) }, worker));
  report.stopped = writer.budget.stopped;
  return report;
}

function needsWriting(story: StoryView, redraftFlagged: boolean): boolean {
  const zh = story.writeups.find((w) => w.lang === 'zh');
  return !zh || (redraftFlagged && zh.status === 'flagged');
}

async function writeOne(writer: Writer, story: StoryView, options: WriteOptions): Promise<DraftOutcome> {
  const lead = leadItem(story);
  const task = writeupTask(story.kind);
  const source = { title: lead.title, text: lead.summary, authors: lead.authors };
  const outcome = await draft(writer, {
    task,
    input: { title: lead.title, text: lead.summary },
    source,
    glossary: options.glossary,
    day: options.day,
    publication: options.publication,
    storyId: story.id,
  });
  if (outcome.status === 'budget') return outcome;
  const writeup: Writeup = {
    storyId: story.id,
    lang: 'zh',
    title: String(outcome.output.title),
    body: String(outcome.output.body),
    status: outcome.status,
    task,
    model: outcome.model,
    promptVersion: outcome.promptVersion,
    editedBy: null,
    updatedAt: new Date().toISOString(),
    tokens: outcome.tokens,
    cost: outcome.cost,
    gate: outcome.failures,
  };
  await writer.store.putWriteup(writeup);
  return outcome;
}
