// The Llm interface and its one implementation: any OpenAI-compatible chat-completions endpoint,
// through the maintained `openai` client (retries honouring Retry-After, timeouts). No prompts here.

import OpenAI from 'openai';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  /** The task, which picks the model (`llm.models`). */
  task: string;
  messages: ChatMessage[];
  /** The fixed output shape, sent as a JSON schema where the endpoint supports it. */
  schema: { name: string; schema: Record<string, unknown> };
  maxTokens: number;
}

export interface Completion {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface Llm {
  modelFor(task: string): string;
  complete(request: LlmRequest): Promise<Completion>;
}

/** How the output shape is requested; endpoints that refuse one get the next, for the rest of the run. */
export const OUTPUT_MODES = ['json-schema', 'json-object', 'none'] as const;
type OutputMode = (typeof OUTPUT_MODES)[number];

export interface LlmSettings {
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  /** Per-task model choice, e.g. a cheap model for `classification`. */
  models: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  structuredOutput: OutputMode;
  /** At most this many requests per minute (null: no limit beyond `concurrency`). */
  requestsPerMinute: number | null;
}

/** An Llm for the configured endpoint, or null when none is configured (ribao then runs extractively). */
export function openLlm(settings: LlmSettings): Llm | null {
  if (!settings.baseUrl) return null;
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey ?? 'not-needed',
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  let mode: OutputMode = settings.structuredOutput;
  const pace = pacer(settings.requestsPerMinute);
  const modelFor = (task: string) => settings.models[task] ?? settings.model;
  return {
    modelFor,
    async complete(request) {
      const model = modelFor(request.task);
      for (;;) {
        await pace();
        try {
          const response = await client.chat.completions.create({
            model,
            messages: request.messages,
            temperature: 0.2,
            max_tokens: request.maxTokens,
            ...responseFormat(mode, request.schema),
          });
          return {
            text: response.choices[0]?.message?.content ?? '',
            model,
            promptTokens: response.usage?.prompt_tokens ?? 0,
            completionTokens: response.usage?.completion_tokens ?? 0,
          };
        } catch (error) {
          const next = OUTPUT_MODES[OUTPUT_MODES.indexOf(mode) + 1];
          if (!(next && refusedFormat(error))) throw error;
          mode = next;
        }
      }
    },
  };
}

function responseFormat(mode: OutputMode, schema: LlmRequest['schema']) {
  if (mode === 'json-schema') {
    return { response_format: { type: 'json_schema' as const, json_schema: { ...schema, strict: true } } };
  }
  if (mode === 'json-object') return { response_format: { type: 'json_object' as const } };
  return {};
}

/** An endpoint that does not support a response_format says so with a 400 naming it. */
function refusedFormat(error: unknown): boolean {
  return (
    error instanceof OpenAI.APIError &&
    (error.status === 400 || error.status === 422) &&
    /response_format|json_schema|json_object|structured/i.test(error.message)
  );
}

/** Spaces request starts `60 000 / rpm` ms apart; a no-op without a limit. */
function pacer(requestsPerMinute: number | null): () => Promise<void> {
  if (!requestsPerMinute) return async () => undefined;
  const gap = 60_000 / requestsPerMinute;
  let nextStart = 0;
  return async () => {
    const now = Date.now();
    const start = Math.max(now, nextStart);
    nextStart = start + gap;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  };
}
