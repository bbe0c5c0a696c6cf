// What a CLI command file exports, and the context main.ts hands it. One file per command in
// commands/; main.ts finds them by name, so adding a command touches only its file.

import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../sources/source.ts';
import type { Store } from '../store/store.ts';

export interface CliContext {
  /** `--db` and `--config`, from anywhere on the command line. */
  globals: { db?: string | undefined; config?: string | undefined };
  config(): Promise<Config>;
  /** Opens (and migrates) the store once; closed by main.ts. */
  store(): Promise<Store>;
  stdout: NodeJS.WritableStream;
  log: Logger;
  /** Progress on a terminal (stderr), silent in pipes. */
  progress(message: string): void;
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Returns the exit code: 0 ok, 1 failed, 2 bad usage/config/input, 3 partial. */
  run(ctx: CliContext, args: { values: Record<string, unknown>; positionals: string[] }): Promise<number>;
}
