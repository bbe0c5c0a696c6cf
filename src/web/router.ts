// The route table's shape and the tiny router: a route is data (method, path, role, body schema,
// summary) plus a handler, so the server, the guards and the OpenAPI document all read the same list.

import type { z } from 'zod';
import type { Role } from '../store/store.ts';
import type { Principal } from './auth.ts';
import type { WebContext } from './context.ts';
import type { ActiveSession } from './sessions.ts';

export type Method = 'GET' | 'POST' | 'DELETE';

/** What a handler answers; the server adds the security headers and writes it. */
export interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

/** One request as a handler sees it. */
export interface RequestContext {
  web: WebContext;
  /** Every route of the app (the OpenAPI document is made from it). */
  routes: readonly Route[];
  url: URL;
  /** Path parameters, `:id` → `params.id`. */
  params: Record<string, string>;
  ip: string;
  principal: Principal | null;
  /** The browser session (maybe not signed in); null for bearer-token requests and cookie-less ones. */
  session: ActiveSession | null;
  /** The CSRF token forms of this session must carry (null: no session). */
  csrf: string | null;
  /** A session for a form that is shown before sign-in; returns its CSRF token. */
  ensureSession(): Promise<string>;
  /** Sign `user` in on a brand-new session; the old one (and its cookie) is dead from here on. */
  signIn(principal: Principal['user']): Promise<void>;
  signOut(): Promise<void>;
}

export interface Route {
  method: Method;
  /** `/api/stories/:id/drop`; parameters match one path segment. */
  path: string;
  /** `page`: HTML and urlencoded forms; `api`: JSON in and out. */
  kind: 'page' | 'api';
  /** The least role that may call it; null: anyone, signed in or not. */
  role: Role | null;
  summary: string;
  /** The request body (JSON for the API, the form's fields for pages), parsed before the handler. */
  body?: z.ZodType;
  /** The JSON answer (API), for the OpenAPI document and the tests that check answers against it. */
  response?: z.ZodType;
  /** The status of success when it is not 200 (201 Created). */
  status?: number;
  /** Status codes besides success the route answers with, and what they mean. */
  errors?: Record<number, string>;
  handle(req: RequestContext, input: unknown): Promise<Reply>;
}

/** A route whose handler gets its body already parsed to the schema's type. */
export function route<B extends z.ZodType | undefined = undefined>(
  spec: Omit<Route, 'handle' | 'body'> & {
    body?: B;
    handle(req: RequestContext, input: B extends z.ZodType ? z.infer<B> : undefined): Promise<Reply>;
  },
): Route {
  return spec as Route;
}

export type Match = { route: Route; params: Record<string, string> } | { allow: Method[] } | null;

/** The route for a method and path; `allow` when the path exists with other methods (a 405). */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): Match {
  const allow: Method[] = [];
  for (const r of routes) {
    const params = matchPath(r.path, pathname);
    if (!params) continue;
    if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { route: r, params };
    allow.push(r.method);
  }
  return allow.length > 0 ? { allow } : null;
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] as string;
    if (part.startsWith(':')) {
      if (!segment) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) return null;
  }
  return params;
}

/** JSON with `<`, `>` and `&` as \u escapes: still the same JSON, never markup if something sniffs it. */
export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  const body = JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { status, type: 'application/json; charset=utf-8', body, headers };
}

export function html(status: number, page: string, headers?: Record<string, string>): Reply {
  return { status, type: 'text/html; charset=utf-8', body: page, headers };
}

/** 303 See Other: after a form, the browser GETs the next page. Only paths on this site. */
export function redirect(to: string): Reply {
  return { status: 303, type: 'text/plain; charset=utf-8', body: '', headers: { location: safePath(to) } };
}

/** A path on this site, or `/`: never `//evil.example` or `/\evil.example` (an open redirect). */
export function safePath(to: string | null | undefined): string {
  return typeof to === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(to) ? to : '/';
}
