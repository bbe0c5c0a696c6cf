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
  /** True on HTTP 304 to a `conditional` request: the stored copy is current, no body was sent. */
  notModified?: boolean;
  /** The encoding the text was decoded from (`utf-8`, `gbk`, …). */
  charset?: string;
}

export interface HttpGetOptions {
  headers?: Record<string, string>;
  accept?: string;
  /** A page fetch: obey the site's robots.txt (feeds and APIs leave this off). */
  robots?: boolean;
  /** Send the stored ETag/Last-Modified; an unchanged resource comes back `notModified`, no body. */
  conditional?: boolean;
}

export interface Http {
  /** GET through the SSRF guard, with timeout, size cap, charset detection and per-host politeness.
   * Resolves for every HTTP status (the source judges it); rejects when no response arrives
   * (network, timeout, refused by the guard or robots.txt) or the body is over the cap. */
  get(url: string, options?: HttpGetOptions): Promise<HttpResponse>;
}

/** Small JSON state a source keeps between runs: cursors, resumption tokens, last-seen ids. */
export interface SourceState {
  get<T>(key: string): Promise<T | null>;
  put(key: string, value: unknown): Promise<void>;
}

/** What collect() receives: dependencies as arguments, never globals. */
export interface CollectContext {
  /** The configured source id (`hf-daily`, `openai-blog`), for messages. */
  sourceId: string;
  /** The edition day being collected (YYYY-MM-DD). */
  date: string;
  http: Http;
  log: Logger;
  /** This source's own state, kept in the store between runs. */
  state: SourceState;
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
