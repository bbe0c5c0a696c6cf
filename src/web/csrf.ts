// CSRF: a synchronizer token per session, and the browser's own word on where a request came from
// (Origin, Sec-Fetch-Site). Requests with a bearer token carry no ambient credential and skip both.

import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sameSecret } from './secrets.ts';

/** The form field and the header that carry the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session's CSRF token: an HMAC keyed by the session's secret id. Only someone holding the
 * cookie can compute it, it changes when the session is replaced at sign-in, and nothing is stored.
 */
export function csrfToken(sessionId: string): string {
  return createHmac('sha256', sessionId).update('ribao csrf v1').digest('base64url');
}

export function csrfTokenValid(sessionId: string, given: string | null | undefined): boolean {
  return typeof given === 'string' && given.length > 0 && sameSecret(csrfToken(sessionId), given);
}

/**
 * Why a state-changing request is refused as cross-site, or null. `Sec-Fetch-Site` (every current
 * browser) must say same-origin, or none (typed by the person); `Origin`, when sent, must name this
 * host, or `publicOrigin` (the address people use, when a proxy rewrites Host). Clients that send
 * neither (curl, scripts) are left to the token check.
 */
export function crossSiteProblem(req: IncomingMessage, publicOrigin?: string): string | null {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
    return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = req.headers.origin;
  if (origin === undefined || origin === publicOrigin) return null;
  const host = URL.canParse(origin) && origin !== 'null' ? new URL(origin).host : null;
  return host !== null && host === req.headers.host ? null : `cross-site request refused (Origin: ${origin})`;
}
