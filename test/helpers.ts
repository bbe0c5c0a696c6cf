// Test helpers shared by the end-to-end tests: run the real CLI in a child process, and a scripted
// OpenAI-compatible server on loopback that counts its calls.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SHARED = join(ROOT, '..', 'shared', 'data');
const BIN = join(ROOT, 'bin', 'ribao.js');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ribao-test-'));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `ribao ARGS` in `cwd` with a clean environment (no LLM settings leak in from the machine). */
export function ribao(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...options.env,
    };
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ScriptedLlm {
  url: string;
  calls: number;
  requests: ChatRequest[];
  /** When each request arrived (ms since the epoch). */
  times: number[];
  close(): Promise<void>;
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
  max_tokens?: number;
}

export interface ScriptedAnswer {
  status?: number;
  /** The assistant message (status 200) or the error message (other statuses). */
  content?: string;
  headers?: Record<string, string>;
  /** Answer only after this long (timeouts). */
  delayMs?: number;
  /** Send this exact body instead (truncated or malformed JSON at the HTTP level). */
  rawBody?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/** An OpenAI-compatible /v1/chat/completions that answers with `answer(request, call)`. */
export async function scriptedLlm(
  answer: (request: ChatRequest, call: number) => ScriptedAnswer | Promise<ScriptedAnswer>,
): Promise<ScriptedLlm> {
  const state = { calls: 0, requests: [] as ChatRequest[], times: [] as number[] };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const body = JSON.parse(await text(req)) as ChatRequest;
    state.calls++;
    state.requests.push(body);
    state.times.push(Date.now());
    const reply = await answer(body, state.calls);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const { status = 200, content = '', usage = { prompt_tokens: 100, completion_tokens: 50 } } = reply;
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(
      reply.rawBody ??
        (status === 200
          ? JSON.stringify({
              id: `chatcmpl-${state.calls}`,
              object: 'chat.completion',
              created: 0,
              model: body.model,
              choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
              usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
            })
          : JSON.stringify({ error: { message: content } })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get calls() {
      return state.calls;
    },
    requests: state.requests,
    times: state.times,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The data the writer put inside <source> … </source> in a request. */
export function sourceOf(request: ChatRequest): Record<string, unknown> {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return JSON.parse(/<source>\n(.*)\n<\/source>/s.exec(user)?.[1] ?? '{}') as Record<string, unknown>;
}

async function text(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}
/**
 * A faithful stand-in for a model: "translates" the <source> title and text by following the
 * glossary block in the system prompt, keeping names, numbers, URLs and placeholders, and turning
 * ordinary English words into Chinese characters. It passes the quality gate the way a good model would.
 */
export function fakeTranslation(request: ChatRequest): string {
  const system = request.messages[0]?.content ?? '';
  const terms = [...system.matchAll(/^- (.+?)(?:（标题开头）)? → ([^（；\n]+)/gm)].map(
    ([, en = '', zh = '']) => ({
      en,
      zh: zh.trim(),
    }),
  );
  const translate = (text: string, title = false) => {
    // URLs, then glossary terms, are held aside as \uE000n\uE000 while ordinary words become Chinese.
    const held: string[] = [];
    const hold = (text: string) => `\uE000${held.push(text) - 1}\uE000`;
    let out = text.replace(/https?:\/\/[^\s)\]}>"']+|⟦\d+⟧/g, hold);
    for (const { en, zh } of terms.sort((a, b) => b.en.length - a.en.length)) {
      const pattern = en
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/y$/, '(?:y|ies)')
        .replace(/[- ]/g, '[- ]?');
      out = out.replace(new RegExp(`\\b${pattern}(s|es)?(?![A-Za-z])`, 'gi'), () => hold(zh));
    }
    // Ordinary words become Chinese; names (capitals inside, digits), URLs and placeholders stay.
    // In a title, Title Case words are ordinary words too.
    const ordinary = title ? /^[A-Za-z][a-z]+$/ : /^[a-z]+$/;
    return out
      .replace(/https?:\/\/\S+|⟦\d+⟧|[\w-]*[A-Z0-9][\w-]*|[a-z]+/g, (token) =>
        ordinary.test(token) ? '译'.repeat(Math.ceil(token.length / 2)) : token,
      )
      .replace(/\.(\s|$)/g, '。$1')
      .replace(/\uE000(\d+)\uE000/g, (_, i: string) => held[Number(i)] ?? '');
  };
  const source = sourceOf(request);
  const task = system.match(/"(title|body|text|lead)"/)?.[1];
  if ('text' in source && !('title' in source))
    return JSON.stringify({ text: translate(String(source.text)) });
  if (task === 'lead') return JSON.stringify({ lead: '本期关注以下内容。' });
  return JSON.stringify({
    title: translate(String(source.title ?? ''), true),
    body: translate(String(source.text ?? '')),
  });
}

/** Realistic token counts for a request and its answer (about 4 characters of English, 1.5 of Chinese per token). */
export function tokensFor(
  request: ChatRequest,
  answer: string,
): { prompt_tokens: number; completion_tokens: number } {
  const count = (text: string) => {
    const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
    return Math.ceil(cjk / 1.5 + (text.length - cjk) / 4);
  };
  return {
    prompt_tokens: request.messages.reduce((n, m) => n + count(m.content) + 4, 0),
    completion_tokens: count(answer),
  };
}
