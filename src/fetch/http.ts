// The one place ribao talks HTTP to sources. Every URL passes the SSRF guard (the operator lists private
// hosts it may reach); per-host politeness; redirects followed by hand; a body cap after decompression;
// charset detection; Retry-After/backoff on 429/503; conditional GET and robots.txt when asked.

import type { Http, HttpResponse } from '../sources/source.ts';
import { ACCEPT_ENCODING } from './body.ts';
import { decodeBody } from './charset.ts';
import { type Clock, systemClock } from './clock.ts';
import { createTransport, follow, RedirectError } from './follow.ts';
import { BlockedUrlError, createGuard, type Resolver } from './guard.ts';
import { createHostQueue, type HostRule } from './politeness.ts';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry.ts';
import { ROBOTS_MAX_BYTES } from './robots.ts';
import { createRobotsCache } from './robots-cache.ts';
import { productToken } from './user-agent.ts';
import { conditionalHeaders, type ValidatorStore, validatorsOf } from './validators.ts';

export interface HttpSettings {
  /** Sent on every request; `honestUserAgent(contact)` builds one. Its product token is our robots.txt name. */
  userAgent: string;
  /** Per hop: connecting, the response and its whole body. */
  timeoutMs: number;
  /** Body cap, counted after decompression. */
  maxBodyBytes: number;
  /** Private hosts the operator lets through the SSRF guard: names (`rsshub.lan`, `*.corp.example`),
   * addresses or CIDR blocks (`10.0.0.0/8`, `127.0.0.1`). Nothing else private is ever fetched. */
  allowPrivate?: readonly string[];
  /** Redirects followed per request (default 5); every hop is checked again. */
  maxRedirects?: number;
  /** On 429/503 (default: 3 attempts, waits up to 60 s, backoff from 1 s). */
  retry?: Partial<RetryPolicy>;
  /** Per-host politeness, merged over HOST_RULES (`*` is the default for other hosts). */
  hosts?: Record<string, HostRule>;
  /** Where ETag/Last-Modified are kept for `conditional` requests. */
  validators?: ValidatorStore;
  /** How long a robots.txt is trusted (at most, and by default, 24 h). */
  robotsTtlMs?: number;
  /** Time and waiting; tests pass a recording clock. */
  clock?: Clock;
  /** DNS; tests map names to loopback with it. */
  resolve?: Resolver;
}

export interface GetOptions {
  headers?: Record<string, string>;
  accept?: string;
  /** A page fetch: obey the site's robots.txt for our product token (feeds and APIs leave this off). */
  robots?: boolean;
  /** Send the stored ETag/Last-Modified; a 304 then comes back as `notModified` with no body. */
  conditional?: boolean;
}

export interface GetResponse extends HttpResponse {
  /** True on HTTP 304: the stored copy is current and no body was downloaded. */
  notModified: boolean;
  /** The encoding the text was decoded from (`utf-8`, `gbk`, …). */
  charset: string;
}

export interface HttpClient extends Http {
  get(url: string, options?: GetOptions): Promise<GetResponse>;
}

export function createHttp(settings: HttpSettings): HttpClient {
  const clock = settings.clock ?? systemClock;
  const guard = createGuard({ allow: settings.allowPrivate, resolve: settings.resolve });
  const transport = createTransport(guard, createHostQueue(settings.hosts ?? {}, clock), settings.timeoutMs);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...settings.retry };
  const maxRedirects = settings.maxRedirects ?? 5;
  const baseHeaders = { 'user-agent': settings.userAgent, 'accept-encoding': ACCEPT_ENCODING };
  const robots = createRobotsCache({
    productToken: productToken(settings.userAgent),
    clock,
    ttlMs: settings.robotsTtlMs,
    isUnavailable: (error) => error instanceof RedirectError,
    fetch: async (url) => {
      const headers = { ...baseHeaders, accept: 'text/plain' };
      const limit = { maxBytes: ROBOTS_MAX_BYTES, truncate: true };
      const fetched = await follow({ url, headers, maxRedirects: 5, limit }, transport);
      return { status: fetched.status, text: new TextDecoder('utf-8').decode(fetched.body) };
    },
  });

  return {
    async get(url, options = {}) {
      if (options.robots) {
        const decision = await robots.check(guard.check(url));
        if (!decision.allowed) throw new BlockedUrlError(url, decision.reason);
      }
      const store = options.conditional ? settings.validators : undefined;
      const stored = store ? await store.get(url) : null;
      const headers = {
        ...baseHeaders,
        accept: options.accept ?? '*/*',
        ...lowerCaseNames(options.headers ?? {}),
        ...conditionalHeaders(stored),
      };
      const limit = { maxBytes: settings.maxBodyBytes };
      const fetched = await withRetry(
        () => follow({ url, headers, maxRedirects, limit }, transport),
        retry,
        clock,
      );
      if (store && fetched.status >= 200 && fetched.status < 300) {
        const validators = validatorsOf(fetched.headers);
        if (validators) await store.put(url, validators);
      }
      const { text, charset } = decodeBody(fetched.body, fetched.headers.get('content-type'));
      return {
        url: fetched.url,
        status: fetched.status,
        headers: fetched.headers,
        text,
        charset,
        notModified: fetched.status === 304,
      };
    },
  };
}

function lowerCaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
