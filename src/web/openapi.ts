// The OpenAPI 3.1 document, made from the route table itself (paths, roles, body and answer schemas
// through zod's JSON Schema), so it cannot drift from what the server does. Served at /api/openapi.json.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CSRF_FIELD, CSRF_HEADER } from './csrf.ts';
import type { Route } from './router.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

type Json = Record<string, unknown>;

export function openApiDocument(routes: readonly Route[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ribao',
      version: VERSION,
      description:
        'The newsroom web app. JSON routes (tag `api`) take and give JSON; pages (tag `pages`) take urlencoded forms and answer HTML. ' +
        `Authenticate with a bearer API token, or with the session cookie from /api/login; with the cookie, every state-changing call must send the session's CSRF token in the \`${CSRF_HEADER}\` header (GET /api/me gives it). ` +
        'Roles: contributor < editor < admin; `x-ribao-role` names the least role a route needs.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`ribao user token`, or POST /api/tokens).',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-ribao',
          description: '`ribao` when served on plain-HTTP loopback.',
        },
      },
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } },
    },
    paths,
  };
}

function operation(r: Route): Json {
  const api = r.kind === 'api';
  const params = [...r.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const csrf =
    api && r.method !== 'GET'
      ? [
          {
            name: CSRF_HEADER,
            in: 'header',
            required: false,
            description:
              'Required when a signed-in session cookie authenticates the call; not with a bearer token.',
            schema: { type: 'string' },
          },
        ]
      : [];
  const op: Json = {
    operationId: `${r.method.toLowerCase()}${r.path.replace(/[/:]+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    summary: r.summary,
    tags: [api ? 'api' : 'pages'],
    'x-ribao-role': r.role,
    security: r.role === null ? [] : [{ bearer: [] }, { session: [] }],
    parameters: [...params, ...csrf],
    responses: responses(r),
  };
  const body = requestBody(r);
  if (body) op.requestBody = body;
  return op;
}

function requestBody(r: Route): Json | null {
  if (r.method === 'GET') return null;
  if (r.kind === 'api') {
    if (!r.body) return null;
    return { required: false, content: { 'application/json': { schema: schema(r.body, 'input') } } };
  }
  const fields = r.body ? schema(r.body, 'input') : { type: 'object', properties: {} };
  const properties = {
    [CSRF_FIELD]: { type: 'string', description: 'The session’s CSRF token.' },
    ...(fields.properties as Json),
  };
  return {
    required: true,
    content: {
      'application/x-www-form-urlencoded': { schema: { ...fields, properties, required: [CSRF_FIELD] } },
    },
  };
}

function responses(r: Route): Json {
  const error = {
    description: '',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  const out: Record<string, Json> = {};
  if (r.kind === 'api') {
    const ok = r.response
      ? { content: { 'application/json': { schema: schema(r.response, 'output') } } }
      : {};
    out[r.status ?? 200] = { description: 'done', ...ok };
  } else {
    out[r.method === 'GET' ? '200' : '303'] = {
      description:
        r.method === 'GET'
          ? 'the page'
          : 'done; the browser is sent on (or the page again, with what went wrong)',
      content: r.method === 'GET' ? { 'text/html': { schema: { type: 'string' } } } : undefined,
    };
  }
  const standard: [number, string][] = [
    ...(r.body ? [[400, 'the body does not match the schema'] as [number, string]] : []),
    ...(r.role ? [[401, 'not signed in, or the token is not valid'] as [number, string]] : []),
    ...(r.role ? [[403, `needs the ${r.role} role`] as [number, string]] : []),
    ...(r.method !== 'GET'
      ? [[403, 'cross-site, or the CSRF token is missing or wrong'] as [number, string]]
      : []),
    ...Object.entries(r.errors ?? {}).map(([status, text]) => [Number(status), text] as [number, string]),
  ];
  for (const [status, description] of standard) {
    const before = out[status]?.description;
    const text = before ? `${before}; ${description}` : description;
    out[status] = r.kind === 'api' ? { ...error, description: text } : { description: text };
  }
  return out;
}

function schema(type: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(type, { io, target: 'draft-2020-12' }) as Json;
  return rest;
}
