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
  requests: unknown[];
  close(): Promise<void>;
}

/** An OpenAI-compatible /v1/chat/completions that answers with `answer(request)` (status, body). */
export async function scriptedLlm(
  answer: (
    request: { messages: { role: string; content: string }[] },
    call: number,
  ) => { status?: number; content: string },
): Promise<ScriptedLlm> {
  const state = { calls: 0, requests: [] as unknown[] };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const body = JSON.parse(await text(req)) as { messages: { role: string; content: string }[] };
    state.calls++;
    state.requests.push(body);
    const { status = 200, content } = answer(body, state.calls);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      status === 200
        ? JSON.stringify({
            id: `chatcmpl-${state.calls}`,
            object: 'chat.completion',
            created: 0,
            model: 'scripted',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
            usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
          })
        : JSON.stringify({ error: { message: content } }),
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function text(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}
