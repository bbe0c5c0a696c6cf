// Errors that carry their origin and the exit code the CLI turns them into.
// Caught at one edge (cli/main.ts); everything below throws these or lets causes bubble.

export class RibaoError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Bad input from a file, URL or payload: names the input and what was wrong. Exit 2. */
export class InputError extends RibaoError {
  readonly input: string;
  constructor(input: string, reason: string, options: { cause?: unknown } = {}) {
    super(`${input}: ${reason}`, { ...options, exitCode: 2 });
    this.input = input;
  }
}

/** Bad command line or configuration. Exit 2. */
export class UsageError extends RibaoError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
  }
}

/** A source failed while collecting; the run goes on without it. */
export class SourceError extends RibaoError {
  readonly source: string;
  constructor(source: string, message: string, options: { cause?: unknown } = {}) {
    super(`${source}: ${message}`, options);
    this.source = source;
  }
}

/** One line for a person: the message, then each cause's message that adds something new. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let line = error.message;
  for (
    let cause = error.cause, depth = 0;
    cause instanceof Error && depth < 5;
    cause = cause.cause, depth++
  ) {
    if (!line.includes(cause.message)) line += ` (${cause.message})`;
  }
  return line;
}
