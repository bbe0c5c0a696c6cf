// One GET and its redirects over node:http(s): each hop checked by the guard (the URL, then the address at
// connect time through the guard's lookup), one host slot per hop, the body read under the cap.
// Returns whatever final status the server sent; callers judge it.

import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type BodyLimit, readBody } from './body.ts';
import { BlockedUrlError, type Guard } from './guard.ts';
import type { HostQueue } from './politeness.ts';

export interface Fetched {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** A redirect chain that loops or is too long. */
export class RedirectError extends Error {}

export interface Transport {
  guard: Guard;
  hosts: HostQueue;
  timeoutMs: number;
  agents: { http: HttpAgent; https: HttpsAgent };
}

export interface FollowRequest {
  url: string;
  headers: Record<string, string>;
  maxRedirects: number;
  limit: BodyLimit;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Not sent to another origin after a redirect (as the Fetch standard drops Authorization). */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export function createTransport(guard: Guard, hosts: HostQueue, timeoutMs: number): Transport {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  return { guard, hosts, timeoutMs, agents };
}

export async function follow(request: FollowRequest, transport: Transport): Promise<Fetched> {
  const seen = new Set<string>();
  let headers = request.headers;
  let url = request.url;
  let from: string | undefined;
  for (let hop = 0; ; hop++) {
    const target = transport.guard.check(url, from);
    if (seen.has(target.href)) throw new RedirectError(`GET ${request.url}: redirect loop at ${target.href}`);
    seen.add(target.href);
    const release = await transport.hosts.acquire(target.hostname.replace(/\.$/, ''));
    try {
      const signal = AbortSignal.timeout(transport.timeoutMs);
      const what = `GET ${target.href}`;
      const response = await exchange(
        target,
        headers,
        transport,
        transport.guard.lookupFor(url, from),
        signal,
      );
      const location = REDIRECTS.has(response.statusCode ?? 0) ? response.headers.location : undefined;
      if (location === undefined) {
        const body = await readBody(
          response,
          response.headers['content-encoding'],
          request.limit,
          what,
        ).catch((error: unknown) =>
          Promise.reject(signal.aborted ? timeoutError(what, transport.timeoutMs) : error),
        );
        return {
          url: target.href,
          status: response.statusCode ?? 0,
          headers: toHeaders(response.headers),
          body,
        };
      }
      response.resume();
      if (hop >= request.maxRedirects) {
        throw new RedirectError(`GET ${request.url}: more than ${request.maxRedirects} redirects`);
      }
      const next = URL.parse(location, target.href);
      if (!next) throw new BlockedUrlError(location, 'not a valid URL', { from: target.href });
      if (next.origin !== target.origin) headers = withoutCredentials(headers);
      from = target.href;
      url = next.href;
    } finally {
      release();
    }
  }
}

function exchange(
  url: URL,
  headers: Record<string, string>,
  transport: Transport,
  lookup: LookupFunction,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const what = `GET ${url.href}`;
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const agent = https ? transport.agents.https : transport.agents.http;
    const request = send(url, { headers, lookup, signal, agent }, resolve);
    request.on('error', (error) => {
      if (error instanceof BlockedUrlError) reject(error);
      else if (signal.aborted) reject(timeoutError(what, transport.timeoutMs));
      else reject(new Error(`${what}: ${error.message}`, { cause: error }));
    });
    request.end();
  });
}

function timeoutError(what: string, timeoutMs: number): Error {
  return new Error(`${what}: no complete response within ${timeoutMs} ms`);
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)));
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}
