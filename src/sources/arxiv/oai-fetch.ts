// One OAI-PMH ListRecords request: its URL and the response as an OaiResponse or a SourceError.
// Owns HTTP status handling for OAI (an OAI error document wins over the status); no paging.

import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, HttpResponse } from '../source.ts';
import { parseOaiResponse } from './oai-parse.ts';
import type { OaiResponse } from './oai-wire.ts';

/** A ListRecords window: datestamps from/until (YYYY-MM-DD, inclusive), null when open. */
export interface Window {
  from: string | null;
  until: string | null;
}

type Request = { token: string } | ({ set: string; metadataPrefix: string } & Window);

/** The first request names the list; every later one carries only the token (OAI's exclusive argument). */
export function listRecordsUrl(base: string, request: Request): string {
  const url = new URL(base);
  url.search = '';
  url.searchParams.set('verb', 'ListRecords');
  if ('token' in request) {
    url.searchParams.set('resumptionToken', request.token);
    return url.href;
  }
  url.searchParams.set('metadataPrefix', request.metadataPrefix);
  url.searchParams.set('set', request.set);
  if (request.from) url.searchParams.set('from', request.from);
  if (request.until) url.searchParams.set('until', request.until);
  return url.href;
}

/**
 * GET one page. OAI-PMH reports its errors (noRecordsMatch, badResumptionToken…) in a 200 response;
 * a server that sends one with another status still gets it read. Any other non-200 — a 503 the
 * HTTP layer's retries did not outlast, an HTML error page — is a SourceError naming the status
 * and the Retry-After the server asked for.
 */
export async function fetchOaiPage(ctx: CollectContext, url: string): Promise<OaiResponse> {
  let response: HttpResponse;
  try {
    response = await ctx.http.get(url, { accept: 'text/xml, application/xml' });
  } catch (error) {
    throw new SourceError(ctx.sourceId, `${url}: request failed`, { cause: error });
  }
  if (response.status !== 200) {
    const errorDocument = tryParse(response.text, url);
    if (errorDocument && errorDocument.errors.length > 0) return errorDocument;
    const retryAfter = response.headers.get('retry-after');
    const asked = retryAfter ? `; the server asked to retry after ${retryAfter}` : '';
    throw new SourceError(ctx.sourceId, `${url}: HTTP ${response.status}${asked}`);
  }
  try {
    return parseOaiResponse(response.text, url);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new SourceError(ctx.sourceId, error.message, { cause: error });
  }
}

function tryParse(text: string, url: string): OaiResponse | null {
  try {
    return parseOaiResponse(text, url);
  } catch {
    return null;
  }
}
