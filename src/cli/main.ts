// The CLI edge: global flags, finding the command file, turning errors into one line and an exit
// code (0 ok, 1 failed, 2 bad usage/config/input, 3 partial). Commands never call process.exit.

import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { describe, RibaoError, UsageError } from '../errors.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import type { CliContext, Command } from './command.ts';

const COMMANDS = new URL('./commands/', import.meta.url);
const commandNames = () =>
  readdirSync(COMMANDS)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

async function main(argv: string[]): Promise<number> {
  const { globals, rest } = takeGlobals(argv);
  const name = rest[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') return help();
  if (!commandNames().includes(name)) throw new UsageError(`unknown command "${name}" (try: ribao --help)`);
  const command = ((await import(new URL(`${name}.ts`, COMMANDS).href)) as { default: Command }).default;
  const args = rest.slice(1);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.replace(/\. To specify.*$/s, '')}\nusage: ${command.usage.split('\n')[0]}`,
    );
  }
  const ctx = context(globals);
  try {
    return await command.run(ctx, parsed as { values: Record<string, unknown>; positionals: string[] });
  } finally {
    await ctx.close();
  }
}

function takeGlobals(argv: string[]): { globals: CliContext['globals']; rest: string[] } {
  const globals: CliContext['globals'] = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const match = /^--(db|config)(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${match[1]} needs a value`);
    globals[match[1] as 'db' | 'config'] = value;
  }
  return { globals, rest };
}

function context(globals: CliContext['globals']): CliContext & { close(): Promise<void> } {
  let config: Promise<Config> | undefined;
  let store: Promise<Store> | undefined;
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const loadOnce = (): Promise<Config> => {
    config ??= loadConfig({ file: globals.config, db: globals.db });
    return config;
  };
  return {
    globals,
    config: loadOnce,
    store: () => {
      store ??= loadOnce().then((c) => openStore(c.db));
      return store;
    },
    stdout: process.stdout,
    log: {
      info: (m) => process.stderr.write(`${clear()}${m}\n`),
      warn: (m) => process.stderr.write(`${clear()}warning: ${m}\n`),
      debug: (m) => {
        if (process.env.RIBAO_DEBUG) process.stderr.write(`${clear()}${m}\n`);
      },
    },
    progress(message) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${message}`);
      shown = true;
    },
    async close() {
      process.stderr.write(clear());
      if (store) await (await store.catch(() => null))?.close();
    },
  };
  /** The escape that erases a progress line still on screen, once. */
  function clear(): string {
    if (!shown) return '';
    shown = false;
    return '\r\x1b[2K';
  }
}

async function help(): Promise<number> {
  const lines = await Promise.all(
    commandNames().map(async (name) => {
      const command = ((await import(new URL(`${name}.ts`, COMMANDS).href)) as { default: Command }).default;
      return `  ${name.padEnd(10)} ${command.summary}`;
    }),
  );
  process.stdout.write(
    `ribao — AI research and industry digests in Chinese and English\n\nusage: ribao [--db PATH] [--config FILE] <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nribao <command> --help shows a command's options.\n`,
  );
  return 0;
}

// A reader that stops early (`ribao stories | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ribao: ${describe(error)}\n`);
    if (process.env.RIBAO_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof RibaoError ? error.exitCode : 1;
  },
);
