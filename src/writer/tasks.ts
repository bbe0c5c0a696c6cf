// The writer's tasks: for each, its fixed output shape and how the quality gate judges it.
// Prompts live in writer/prompts/<task>.md; what each task is for is said there, once.

import { z } from 'zod';

export const TASKS = [
  'paper-translation',
  'news-summary',
  'social-translation',
  'classification',
  'edition-lead',
  'article-translation',
] as const;
export type TaskName = (typeof TASKS)[number];

/** How the gate judges an output: a complete translation, a short summary, a label, a lead. */
export type GateProfile = 'translation' | 'summary' | 'label' | 'lead';

const nonEmpty = z.string().trim().min(1);
const Writeup = z.object({ title: nonEmpty, body: nonEmpty }).strict();

export const TASK_SPECS = {
  'paper-translation': { output: Writeup, profile: 'translation', maxTokens: 4096 },
  'news-summary': { output: Writeup, profile: 'summary', maxTokens: 1024 },
  'social-translation': { output: Writeup, profile: 'translation', maxTokens: 2048 },
  classification: {
    output: z.object({ section: nonEmpty, tags: z.array(nonEmpty).max(5) }).strict(),
    profile: 'label',
    maxTokens: 256,
  },
  'edition-lead': { output: z.object({ lead: nonEmpty }).strict(), profile: 'lead', maxTokens: 1024 },
  'article-translation': {
    output: z.object({ text: nonEmpty }).strict(),
    profile: 'translation',
    maxTokens: 8192,
  },
} as const satisfies Record<TaskName, { output: z.ZodType; profile: GateProfile; maxTokens: number }>;

export type TaskOutput<T extends TaskName> = z.infer<(typeof TASK_SPECS)[T]['output']>;

/** The task that writes a story of this kind. */
export function writeupTask(kind: string): TaskName {
  if (kind === 'paper') return 'paper-translation';
  if (kind === 'post') return 'social-translation';
  return 'news-summary';
}

/** The JSON schema sent as `response_format` (strict mode wants no extra keys, all required). */
export function outputSchema(task: TaskName): { name: string; schema: Record<string, unknown> } {
  const schema = z.toJSONSchema(TASK_SPECS[task].output) as Record<string, unknown>;
  delete schema.$schema;
  return { name: task.replaceAll('-', '_'), schema };
}
