// The Llm interface and its one implementation: any OpenAI-compatible chat-completions endpoint,
// through the maintained `openai` client (retries with Retry-After, timeouts). No prompts here.

import OpenAI from 'openai';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface Completion {
  text: string;
  tokens: number;
}

export interface Llm {
  readonly model: string;
  complete(messages: ChatMessage[]): Promise<Completion>;
}

export interface LlmSettings {
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** An Llm for the configured endpoint, or null when none is configured (ribao then runs extractively). */
export function openLlm(settings: LlmSettings): Llm | null {
  if (!settings.baseUrl) return null;
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey ?? 'not-needed',
    timeout: settings.timeoutMs,
    maxRetries: 2,
  });
  return {
    model: settings.model,
    async complete(messages) {
      const response = await client.chat.completions.create({
        model: settings.model,
        messages,
        temperature: 0.2,
        response_format: { type: 'json_object' },
      });
      return {
        text: response.choices[0]?.message?.content ?? '',
        tokens: response.usage?.total_tokens ?? 0,
      };
    },
  };
}
