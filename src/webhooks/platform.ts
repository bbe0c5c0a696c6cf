// What a chat platform module exports: how one message of an edition looks on it, what it accepts,
// how a request is made (signed, token in the URL) and how its answer is judged. Types only.

import type { WebhookConfig } from './config.ts';

/** One entry as a chat shows it: plain, unescaped text; each platform escapes it for its markup. */
export interface ChatEntry {
  title: string;
  contributor: string | null;
  /** The source link (http(s) only), or null when the entry has none safe to link. */
  url: string | null;
  /** The entry's page on the published site. */
  storyUrl: string;
  /** The text ('' in the `headlines` format); cut short when `truncated`. */
  body: string;
  truncated: boolean;
}

/** What a message carries, in reading order. */
export type Block =
  | { kind: 'lead'; text: string }
  /** `heading`: the section an entry opens (or continues, at the top of a message), or null. */
  | { kind: 'entry'; entry: ChatEntry; heading: string | null };

/** One message of an edition, before it is put in a platform's shape. */
export interface Draft {
  /** `AI 日报 2026-11-20` */
  title: string;
  editionUrl: string;
  part: number;
  total: number;
  blocks: Block[];
}

export interface WebhookRequest {
  url: string;
  body: string;
}

export interface WebhookAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export type Outcome =
  | { ok: true; detail: string }
  /** `retryAfterMs`: the platform asked us to wait that long and try again (429). */
  | { ok: false; error: string; retryAfterMs: number | null };

/** How fast a platform lets one webhook post: at most `count` per `windowMs`, `intervalMs` apart. */
export interface Pace {
  count: number;
  windowMs: number;
  intervalMs: number;
}

export interface WebhookPlatform {
  /** The JSON body of one message, unsigned. */
  payload(draft: Draft, hook: WebhookConfig): Record<string, unknown>;
  /** Why a payload breaks the platform's limits, or null when it may be sent. */
  overLimit(payload: Record<string, unknown>): string | null;
  /** The request for a payload at time `now` (ms): the signed URL or body. */
  request(hook: WebhookConfig, payload: Record<string, unknown>, now: number): WebhookRequest;
  /** The platform's verdict on an HTTP answer (several answer 200 with an error code inside). */
  answer(answer: WebhookAnswer, now: number): Outcome;
  pace: Pace;
}
