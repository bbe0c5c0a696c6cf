// Versioned prompt files (writer/prompts/<task>.md with a `version:` header) and the message pair
// for one task. Source text is delimited as data (spotlighting); it never joins the instructions.

import { readFileSync } from 'node:fs';
import type { ChatMessage } from './llm.ts';

export type Task = 'paper-translation' | 'news-summary';

export interface Prompt {
  task: Task;
  version: string;
  system: string;
}

const cache = new Map<Task, Prompt>();

export function prompt(task: Task): Prompt {
  let found = cache.get(task);
  if (!found) {
    const text = readFileSync(new URL(`./prompts/${task}.md`, import.meta.url), 'utf8');
    const header = /^---\nversion: (\S+)\n---\n/.exec(text);
    if (!header?.[1]) throw new Error(`writer/prompts/${task}.md has no version header`);
    found = { task, version: header[1], system: text.slice(header[0].length).trim() };
    cache.set(task, found);
  }
  return found;
}

export function messages(p: Prompt, input: { title: string; text: string }): ChatMessage[] {
  const data = JSON.stringify(input);
  return [
    { role: 'system', content: p.system },
    { role: 'user', content: `<source>\n${data}\n</source>` },
  ];
}
