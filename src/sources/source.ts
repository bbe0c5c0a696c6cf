// The declared shape of a source: one folder under src/sources/ exports a SourceDescriptor
// from its source.ts. Nothing here knows any particular source.

import type { z } from 'zod';
import type { RawItem } from '../model/item.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export interface Http {
  /** GET with timeout, size cap and User-Agent. Resolves for every HTTP status (the source judges it);
   * rejects when no response arrives (network, timeout) or the body is over the cap. */
  get(url: string, options?: { headers?: Record<string, string>; accept?: string }): Promise<HttpResponse>;
}

/** What collect() receives: dependencies as arguments, never globals. */
export interface CollectContext {
  /** The configured source id (`hf-daily`, `openai-blog`), for messages. */
  sourceId: string;
  /** The edition day being collected (YYYY-MM-DD). */
  date: string;
  http: Http;
  log: Logger;
}

/** A file format a source can read offline (`ribao import --format NAME`). */
export interface ImportFormat {
  name: string;
  description: string;
  /** True when the text looks like this format; used by `--format auto`, in descriptor order. */
  sniff(text: string, fileName: string): boolean;
  /** Parse the whole text or throw an InputError naming `origin` and what was wrong. */
  parse(text: string, origin: string): RawItem[];
}

export interface SourceDescriptor<Config = unknown> {
  /** The `kind:` used in configuration, equal to the folder name. */
  kind: string;
  name: string;
  description: string;
  /** The source's own configuration keys (besides `id` and `kind`), with defaults. */
  config: z.ZodType<Config>;
  /** An example configuration entry, shown in docs and `ribao config dump`. */
  example: Record<string, unknown>;
  /** Importing order for `--format auto`: lower sniffs first. */
  sniffOrder?: number;
  collect?(ctx: CollectContext, config: Config): Promise<RawItem[]>;
  formats?: ImportFormat[];
}
