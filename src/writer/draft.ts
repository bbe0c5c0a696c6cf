// One writer call, done carefully: cache first, then budget, then the model; the gate judges the
// answer, a failure is retried once with the specific complaint, and every call is logged with its cost.

import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { type Budget, expectedUsage, type Usage } from './budget.ts';
import { type GateContext, type GateSource, judge, type Verdict } from './gate.ts';
import { type Glossary, keepNames, promptBlock, relevantTerms } from './glossary/glossary.ts';
import type { Completion, Llm } from './llm.ts';
import { complaint, messages, prompt } from './prompt.ts';
import { outputSchema, TASK_SPECS, type TaskName } from './tasks.ts';

/** What a run's writing shares: the endpoint, the run's budget, what calls have cost so far. */
export interface Writer {
  llm: Llm;
  store: Store;
  budget: Budget;
  /** Mean usage per task so far, for the budget's estimate of the next call. */
  observed: Map<string, Usage>;
}

export function createWriter(llm: Llm, store: Store, budget: Budget): Writer {
  return { llm, store, budget, observed: new Map() };
}

export interface DraftRequest {
  task: TaskName;
  /** Exactly what the model sees as data. */
  input: Record<string, unknown>;
  /** What the gate compares the answer with. */
  source: GateSource;
  glossary: Glossary;
  sections?: string[];
  extra?: GateContext['extra'];
  /** Labels for the cost log. */
  day: string;
  publication: string | null;
  storyId: string | null;
}

export type DraftOutcome =
  | {
      status: 'drafted' | 'flagged';
      cached: boolean;
      output: Record<string, unknown>;
      failures: string[];
      model: string;
      promptVersion: string;
      tokens: number;
      cost: number;
    }
  | { status: 'budget'; reason: string };

interface Cached {
  output: Record<string, unknown>;
  tokens: number;
  cost: number;
}

export async function draft(writer: Writer, request: DraftRequest): Promise<DraftOutcome> {
  const { task } = request;
  const p = prompt(task);
  const model = writer.llm.modelFor(task);
  const sourceText = `${request.source.title}\n${request.source.text}`;
  const block = promptBlock(
    relevantTerms(request.glossary, sourceText),
    keepNames(request.glossary, sourceText, request.source.authors),
  );
  const first = messages(p, request.input, block);
  const key = { inputHash: sha256(JSON.stringify(first)), task, promptVersion: p.version, model };
  const base = { model, promptVersion: p.version };
  const log = (outcome: 'ok' | 'rejected' | 'error' | 'cached', usage: Usage, cost: number) =>
    writer.store.logLlmCall({
      at: new Date().toISOString(),
      day: request.day,
      publication: request.publication,
      task,
      model,
      storyId: request.storyId,
      outcome,
      ...usage,
      cost,
    });

  const hit = (await writer.store.cacheGet(key)) as Cached | null;
  if (hit) {
    await log('cached', { promptTokens: 0, completionTokens: 0 }, 0);
    return { status: 'drafted', cached: true, failures: [], ...base, ...hit, tokens: 0, cost: 0 };
  }

  const gate: GateContext = { glossary: request.glossary, sections: request.sections, extra: request.extra };
  let conversation = first;
  let best: Verdict | null = null;
  let last: string[] = [];
  const spent = { tokens: 0, cost: 0 };
  for (let attempt = 1; attempt <= 2; attempt++) {
    const promptChars = conversation.reduce((n, m) => n + m.content.length, 0);
    const ticket = await writer.budget.admit(
      expectedUsage(promptChars, TASK_SPECS[task], writer.observed.get(task)),
      model,
    );
    if (!ticket) return { status: 'budget', reason: writer.budget.stopped ?? 'budget reached' };
    let completion: Completion;
    try {
      completion = await writer.llm.complete({
        task,
        messages: conversation,
        schema: outputSchema(task),
        maxTokens: TASK_SPECS[task].maxTokens,
      });
    } catch (error) {
      ticket.release(null);
      await log('error', { promptTokens: 0, completionTokens: 0 }, 0);
      throw error;
    }
    const usage = { promptTokens: completion.promptTokens, completionTokens: completion.completionTokens };
    ticket.release(usage);
    observe(writer.observed, task, usage);
    const cost = writer.budget.cost(usage, model);
    spent.tokens += usage.promptTokens + usage.completionTokens;
    spent.cost += cost;
    const verdict = judge(task, completion.text, request.source, gate);
    await log(verdict.failures.length === 0 ? 'ok' : 'rejected', usage, cost);
    last = verdict.failures;
    if (verdict.output) best = verdict;
    if (verdict.failures.length === 0) break;
    conversation = [...first, ...complaint(completion.text, verdict.failures)];
  }
  if (!best?.output) throw new Error(`the model's answer was unusable twice: ${last.join('; ')}`);
  if (best.failures.length === 0)
    await writer.store.cachePut(key, { output: best.output, ...spent }, spent.tokens);
  return {
    status: best.failures.length === 0 ? 'drafted' : 'flagged',
    cached: false,
    output: best.output,
    failures: best.failures,
    ...base,
    ...spent,
  };
}

function observe(observed: Map<string, Usage>, task: string, usage: Usage): void {
  const before = observed.get(task);
  observed.set(
    task,
    before
      ? {
          promptTokens: Math.round((before.promptTokens + usage.promptTokens) / 2),
          completionTokens: Math.round((before.completionTokens + usage.completionTokens) / 2),
        }
      : usage,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
