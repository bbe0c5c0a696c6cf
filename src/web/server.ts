// The web app's request pipeline: mounted handlers, route match, who is asking (bearer token or
// session), CSRF and cross-site checks, the role guard, the body schema, the handler, the headers.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describe } from '../errors.ts';
import { bearerPrincipal, requireRole, sessionPrincipal } from './auth.ts';
import { BodyError, readBody } from './body.ts';
import type { WebContext } from './context.ts';
import { CSRF_FIELD, CSRF_HEADER, crossSiteProblem, csrfToken, csrfTokenValid } from './csrf.ts';
import { errorPage } from './pages/layout.ts';
import { html, json, matchRoute, type Reply, type RequestContext, type Route, redirect } from './router.ts';
import { appRoutes } from './routes.ts';
import {
  clearedCookie,
  endSession,
  loadSession,
  readSessionCookie,
  sessionCookie,
  startSession,
} from './sessions.ts';

/** A handler mounted beside the routes: answers and returns true, or leaves the request alone. */
export type Mounted = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface AppOptions {
  routes?: readonly Route[];
  /** Tried before the routes (the subscription endpoints). */
  before?: Mounted[];
  /** Tried for GET/HEAD requests no route answers (the built site). */
  fallback?: Mounted | null;
}

/** Every answer of the app itself (not the mounted site, which brings its own). */
export const APP_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function createWebServer(web: WebContext, options: AppOptions = {}): Server {
  const app = createWebApp(web, options);
  return createServer((req, res) => void app(req, res));
}

export function createWebApp(
  web: WebContext,
  options: AppOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const routes = options.routes ?? appRoutes;
  return async (req, res) => {
    const cookies: string[] = [];
    try {
      for (const mounted of options.before ?? []) if (await mounted(req, res)) return;
      const path = req.url ?? '/';
      if (!path.startsWith('/')) return write(res, req, json(400, { error: 'bad request target' }), cookies);
      const url = new URL(`http://localhost${path}`);
      const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
      if (!match) {
        const get = req.method === 'GET' || req.method === 'HEAD';
        if (get && options.fallback && (await options.fallback(req, res))) return;
        return write(res, req, notFound(url), cookies);
      }
      if ('allow' in match) {
        const reply = json(
          405,
          { error: `${req.method} is not allowed here` },
          { allow: match.allow.join(', ') },
        );
        return write(res, req, reply, cookies);
      }
      const rc = await requestContext(web, req, url, match.params, routes, cookies);
      write(res, req, await dispatch(rc, match.route, req), cookies);
    } catch (error) {
      if (error instanceof BodyError)
        return write(res, req, json(error.status, { error: error.message }), cookies);
      web.log.warn(`${req.method} ${req.url}: ${describe(error)}`);
      if (!res.headersSent) write(res, req, json(500, { error: 'something went wrong; it was logged' }), []);
      else res.destroy();
    }
  };
}

async function dispatch(rc: RequestContext, route: Route, req: IncomingMessage): Promise<Reply> {
  const refuse = (status: number, message: string) => refusal(route, rc.url, status, message);
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    rc.principal = await bearerPrincipal(rc.web, authorization);
    rc.session = null;
    rc.csrf = null;
    if (!rc.principal)
      return { ...refuse(401, 'the bearer token is not valid'), headers: { 'www-authenticate': 'Bearer' } };
  }
  let body: unknown;
  if (route.method !== 'GET') {
    if (rc.principal?.via !== 'token') {
      const crossSite = crossSiteProblem(req, new URL(rc.web.settings.publicUrl).origin);
      if (crossSite) return refuse(403, crossSite);
    }
    body = await readBody(req, route.kind);
    const problem = csrfProblem(rc, route, req, body);
    if (problem) return refuse(403, problem);
  }
  const guard = requireRole(rc.principal, route.role);
  if (guard) {
    if (guard.status === 401 && route.kind === 'page')
      return redirect(`/login?next=${encodeURIComponent(rc.url.pathname + rc.url.search)}`);
    return refuse(guard.status, guard.message);
  }
  let input: unknown;
  if (route.body) {
    const parsed = route.body.safeParse(body ?? (route.kind === 'api' ? {} : body));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${['body', ...i.path].join('.')}: ${i.message}`);
      return refuse(400, issues.join('; '));
    }
    input = parsed.data;
  }
  return route.handle(rc, input);
}

/**
 * Where a cookie is what authenticates, a state change must carry the session's token: forms in a
 * field, JSON calls in a header. Forms always need a session (the login form gets one first); JSON
 * calls without a signed-in session carry no credential (POST /api/login) and need none.
 */
function csrfProblem(rc: RequestContext, route: Route, req: IncomingMessage, body: unknown): string | null {
  if (rc.principal?.via === 'token') return null;
  if (route.kind === 'page') {
    if (!rc.session) return 'this form has expired; reload the page and try again';
    const given = (body as Record<string, string> | undefined)?.[CSRF_FIELD];
    return csrfTokenValid(rc.session.id, given)
      ? null
      : 'the form’s CSRF token is missing or wrong; reload the page';
  }
  if (!rc.session || !rc.principal) return null;
  const given = req.headers[CSRF_HEADER];
  return csrfTokenValid(rc.session.id, typeof given === 'string' ? given : null)
    ? null
    : `the ${CSRF_HEADER} header is missing or wrong (GET /api/me gives the token)`;
}

async function requestContext(
  web: WebContext,
  req: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  routes: readonly Route[],
  cookies: string[],
): Promise<RequestContext> {
  const cookie = readSessionCookie(web, req);
  const session = cookie ? await loadSession(web, cookie) : null;
  const rc: RequestContext = {
    web,
    routes,
    url,
    params,
    ip: clientAddress(web, req),
    principal: session ? await sessionPrincipal(web, session) : null,
    session,
    csrf: session ? csrfToken(session.id) : null,
    async ensureSession() {
      if (!rc.session) {
        rc.session = await startSession(web, null, rc.ip);
        cookies.push(sessionCookie(web, rc.session));
      }
      rc.csrf = csrfToken(rc.session.id);
      return rc.csrf;
    },
    async signIn(user) {
      if (rc.session) await endSession(web, rc.session);
      rc.session = await startSession(web, user.id, rc.ip);
      cookies.push(sessionCookie(web, rc.session));
      rc.csrf = csrfToken(rc.session.id);
      rc.principal = { user, role: user.role, via: 'session' };
    },
    async signOut() {
      if (rc.session) await endSession(web, rc.session);
      cookies.push(clearedCookie(web));
      rc.session = null;
      rc.csrf = null;
      rc.principal = null;
    },
  };
  return rc;
}

function clientAddress(web: WebContext, req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (web.settings.trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function refusal(route: Route, url: URL, status: number, message: string): Reply {
  if (route.kind === 'api' || url.pathname.startsWith('/api/')) return json(status, { error: message });
  return html(status, errorPage(status, message));
}

function notFound(url: URL): Reply {
  if (url.pathname.startsWith('/api/')) return json(404, { error: `no route ${url.pathname}` });
  return html(404, errorPage(404, `nothing at ${url.pathname}`));
}

function write(res: ServerResponse, req: IncomingMessage, reply: Reply, cookies: string[]): void {
  const headers: Record<string, string | string[] | number> = {
    ...APP_HEADERS,
    ...reply.headers,
    'content-type': reply.type,
    'content-length': Buffer.byteLength(reply.body),
  };
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}
