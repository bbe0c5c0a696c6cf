// Starts test/smtp-sink.ts (a real SMTP server) as its own process for the end-to-end e-mail tests,
// and reads back what it received from its JSONL file.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SinkOptions, SunkMessage } from '../src/email/testing.ts';
import { ROOT } from './helpers.ts';

export interface SinkProcess {
  port: number;
  messages(): SunkMessage[];
  /** Edition mails only (confirmation mails carry no List-Id). */
  editions(to?: string): SunkMessage[];
  stop(): Promise<void>;
}

/** test/smtp-sink.ts as its own process, writing to a JSONL file in `dir`. */
export async function startSinkProcess(
  dir: string,
  options: SinkOptions,
  cleanup: (() => unknown)[],
): Promise<SinkProcess> {
  const file = join(dir, `mail-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const child = spawn(process.execPath, [join(ROOT, 'test', 'smtp-sink.ts'), file, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve((JSON.parse(d.toString()) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`smtp-sink exited with ${code}`)));
  });
  const messages = () =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .slice(0, -1) // a line still being written has no newline yet
          .map((line) => JSON.parse(line) as SunkMessage)
      : [];
  const stop = () => stopChild(child);
  cleanup.push(stop);
  return {
    port,
    messages,
    editions: (to) => messages().filter((m) => /^List-ID:/im.test(m.raw) && (!to || m.to.includes(to))),
    stop,
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
