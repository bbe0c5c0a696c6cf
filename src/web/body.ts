// Reading a request body: bounded, and only in the type the route expects (JSON for the API,
// urlencoded for forms). A JSON body also forces a CORS preflight, which this server never grants.

import type { IncomingMessage } from 'node:http';

export const MAX_BODY = 64 * 1024;

export class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The body as `kind` expects it: a value from JSON, or the form's fields. Empty: undefined / {}. */
export async function readBody(req: IncomingMessage, kind: 'page' | 'api'): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyError(413, `the request body is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = Buffer.concat(chunks).toString('utf8');
  if (kind === 'page') {
    if (size > 0 && type !== 'application/x-www-form-urlencoded')
      throw new BodyError(415, 'send the form as application/x-www-form-urlencoded');
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (size === 0) return undefined;
  if (type !== 'application/json') throw new BodyError(415, 'send JSON (Content-Type: application/json)');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BodyError(400, `the body is not valid JSON (${(error as Error).message})`);
  }
}
