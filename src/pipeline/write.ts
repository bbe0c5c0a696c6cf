// write: draft the missing Chinese writeups through the configured LLM, cached by (input hash, task,
// prompt version, model). Without an endpoint it does nothing (assemble falls back to extractive text).

import { createHash } from 'node:crypto';
import { describe } from '../errors.ts';
import type { StoryView } from '../model/story.ts';
import type { Store } from '../store/store.ts';
import { leadItem } from '../stories/lead-item.ts';
import { check, type Draft, parseDraft } from '../writer/gate.ts';
import type { Llm } from '../writer/llm.ts';
import { messages, prompt, type Task } from '../writer/prompt.ts';

export interface WriteReport {
  drafted: number;
  cached: number;
  kept: number;
  failed: { storyId: string; error: string }[];
}

export async function write(
  store: Store,
  llm: Llm | null,
  stories: StoryView[],
  concurrency = 4,
): Promise<WriteReport> {
  const report: WriteReport = { drafted: 0, cached: 0, kept: 0, failed: [] };
  const todo = stories.filter((s) => !s.writeups.some((w) => w.lang === 'zh'));
  report.kept = stories.length - todo.length;
  if (!llm) return report;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const story = todo[next++] as StoryView;
      try {
        const outcome = await writeOne(store, llm, story);
        report[outcome]++;
      } catch (error) {
        report.failed.push({ storyId: story.id, error: describe(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  return report;
}

async function writeOne(store: Store, llm: Llm, story: StoryView): Promise<'drafted' | 'cached'> {
  const lead = leadItem(story);
  const task: Task = story.kind === 'paper' ? 'paper-translation' : 'news-summary';
  const p = prompt(task);
  const input = { title: lead.title, text: lead.summary };
  const key = {
    inputHash: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
    task,
    promptVersion: p.version,
    model: llm.model,
  };
  let draft = (await store.cacheGet(key)) as Draft | null;
  const cached = draft !== null;
  if (!draft) {
    const completion = await llm.complete(messages(p, input));
    const parsed = parseDraft(completion.text);
    if ('error' in parsed) throw new Error(parsed.error);
    const reasons = check(parsed, lead.summary);
    if (reasons.length > 0) throw new Error(`quality gate: ${reasons.join('; ')}`);
    draft = parsed;
    await store.cachePut(key, draft, completion.tokens);
  }
  await store.putWriteup({
    storyId: story.id,
    lang: 'zh',
    title: draft.title,
    body: draft.body,
    status: 'drafted',
    task,
    model: llm.model,
    promptVersion: p.version,
    editedBy: null,
    updatedAt: new Date().toISOString(),
  });
  return cached ? 'cached' : 'drafted';
}
