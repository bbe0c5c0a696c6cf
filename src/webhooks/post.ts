// POSTing one webhook request with Node's fetch: http(s) only, a timeout, no redirects followed (a
// redirected POST loses its body), and whether a failed request could have reached the platform.
// The URL comes from the operator's configuration, so there is no SSRF guard here (src/fetch/ has one for fetching).

import type { WebhookAnswer, WebhookRequest } from './platform.ts';

export type PostResult =
  | { kind: 'answer'; answer: WebhookAnswer }
  /** Nothing reached the platform (refused, unknown host): safe to send again. */
  | { kind: 'unsent'; error: string }
  /** The request may have arrived (timeout, reset): sending again could post twice. */
  | { kind: 'unknown'; error: string };

/** Error codes that mean no byte of the request reached a server. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export async function post(request: WebhookRequest, timeoutMs: number): Promise<PostResult> {
  const protocol = URL.canParse(request.url) ? new URL(request.url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:')
    return { kind: 'unsent', error: 'refused: only http(s) webhook URLs are posted to' };
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return failure(error, timeoutMs);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { kind: 'unknown', error: `the answer broke off (${(error as Error).message})` };
  }
  return { kind: 'answer', answer: { status: response.status, headers: response.headers, text } };
}

function failure(error: unknown, timeoutMs: number): PostResult {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return { kind: 'unknown', error: `no answer within ${timeoutMs} ms` };
  const code = e.cause?.code;
  const reason = code ?? e.cause?.message ?? e.message;
  return code && NEVER_CONNECTED.has(code)
    ? { kind: 'unsent', error: `cannot connect (${reason})` }
    : { kind: 'unknown', error: `the request failed (${reason})` };
}

/** The JSON object of an answer, or null when it is not one. */
export function answerJson(answer: WebhookAnswer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(answer.text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Milliseconds a 429 asks us to wait: `Retry-After` in seconds or as a date; null when absent. */
export function retryAfterHeader(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A short, single-line excerpt of an answer body for an error message. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
