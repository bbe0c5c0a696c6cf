// The JSON API of accounts: sign in and out, who am I, password, users, invites, API tokens. The
// same functions as the pages; errors are `{ "error": "…" }` with a status that says which kind.

import { z } from 'zod';
import { login } from './auth.ts';
import { csrfToken } from './csrf.ts';
import { acceptInvite, createInvite } from './invites.ts';
import { verifyPassword } from './passwords.ts';
import { json, type Reply, type RequestContext, route } from './router.ts';
import { createApiToken, publicToken } from './tokens.ts';
import { AccountError, publicUser, ROLES, setDisabled, setPassword } from './users.ts';

const Role = z.enum(ROLES);
const UserJson = z.object({
  id: z.number().int(),
  handle: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
});
const TokenJson = z.object({
  id: z.number().int(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
const Signed = z.object({ user: UserJson, csrfToken: z.string() });
const Ok = z.object({ ok: z.literal(true) });

/** Who is asking, known to be signed in (the route's role guard ran). */
const me = (rc: RequestContext) => {
  if (!rc.principal) throw new Error('route without a role guard asked for the principal');
  return rc.principal;
};

/** An AccountError is the caller's to fix: 400 with its message. */
async function refusing(fn: () => Promise<Reply>): Promise<Reply> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AccountError) return json(400, { error: error.message });
    throw error;
  }
}

export const accountApi = [
  route({
    method: 'POST',
    path: '/api/login',
    kind: 'api',
    role: null,
    summary: 'Sign in: sets the session cookie; answers the user and the CSRF token later calls send.',
    body: z.object({ handle: z.string().max(256), password: z.string().max(4096) }),
    response: Signed,
    errors: { 401: 'wrong handle or password', 429: 'too many failed attempts; see Retry-After' },
    async handle(rc, body) {
      const result = await login(rc.web, body.handle, body.password, rc.ip);
      if (!result.ok && result.throttled) {
        const seconds = Math.ceil(result.throttled.retryAfterMs / 1000);
        return json(
          429,
          { error: `too many failed attempts; try again in ${seconds} s` },
          { 'retry-after': String(seconds) },
        );
      }
      if (!result.ok) return json(401, { error: 'wrong handle or password' });
      await rc.signIn(result.user);
      return json(200, { user: publicUser(result.user), csrfToken: rc.csrf });
    },
  }),
  route({
    method: 'POST',
    path: '/api/logout',
    kind: 'api',
    role: null,
    summary: 'Sign out: the session is deleted and its cookie cleared.',
    response: Ok,
    async handle(rc) {
      await rc.signOut();
      return json(200, { ok: true });
    },
  }),
  route({
    method: 'GET',
    path: '/api/me',
    kind: 'api',
    role: 'contributor',
    summary: 'Who is asking, with which role, how (session or token), and the CSRF token of the session.',
    response: z.object({
      user: UserJson,
      role: Role,
      via: z.enum(['session', 'token']),
      csrfToken: z.string().nullable(),
    }),
    async handle(rc) {
      const p = me(rc);
      return json(200, {
        user: publicUser(p.user),
        role: p.role,
        via: p.via,
        csrfToken: rc.session ? csrfToken(rc.session.id) : null,
      });
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/password',
    kind: 'api',
    role: 'contributor',
    summary:
      'Change your password (needs the current one); every session of yours ends, this one is renewed.',
    body: z.object({ current: z.string().max(4096), password: z.string().max(4096) }),
    response: Ok,
    errors: { 400: 'the current password is wrong or the new one is refused' },
    handle: (rc, body) =>
      refusing(async () => {
        const { user, via } = me(rc);
        if (!user.passwordHash || !(await verifyPassword(body.current, user.passwordHash)))
          throw new AccountError('the current password is wrong');
        await setPassword(rc.web, user, body.password);
        if (via === 'session') await rc.signIn(user);
        return json(200, { ok: true });
      }),
  }),
  route({
    method: 'GET',
    path: '/api/users',
    kind: 'api',
    role: 'admin',
    summary: 'Every account.',
    response: z.object({ users: z.array(UserJson) }),
    async handle(rc) {
      return json(200, { users: (await rc.web.store.users()).map(publicUser) });
    },
  }),
  route({
    method: 'POST',
    path: '/api/users/:handle/disable',
    kind: 'api',
    role: 'admin',
    summary: 'Disable an account: its sessions end, it cannot sign in, its tokens stop working.',
    response: z.object({ user: UserJson }),
    handle: (rc) =>
      refusing(async () => {
        if (rc.params.handle?.toLowerCase() === me(rc).user.handle)
          throw new AccountError('you cannot disable your own account');
        return json(200, { user: publicUser(await setDisabled(rc.web, rc.params.handle ?? '', true)) });
      }),
  }),
  route({
    method: 'POST',
    path: '/api/invites',
    status: 201,
    kind: 'api',
    role: 'admin',
    summary: 'Make a single-use invite link for a role (default: valid 7 days).',
    body: z.object({ role: Role, hours: z.number().positive().max(720).optional() }),
    response: z.object({ url: z.string(), role: Role, expiresAt: z.string() }),
    handle: (rc, body) =>
      refusing(async () => {
        const ttl = body.hours === undefined ? undefined : body.hours * 3_600_000;
        const { url, role, expiresAt } = await createInvite(rc.web, body.role, me(rc).user, ttl);
        return json(201, { url, role, expiresAt });
      }),
  }),
  route({
    method: 'POST',
    path: '/api/invites/:token/accept',
    status: 201,
    kind: 'api',
    role: null,
    summary: 'Accept an invite: creates the account with this handle and password, and signs it in.',
    body: z.object({
      handle: z.string().max(256),
      password: z.string().max(4096),
      displayName: z.string().max(1024).optional(),
    }),
    response: Signed,
    errors: { 400: 'the invite is used or expired, or the handle or password is refused' },
    handle: (rc, body) =>
      refusing(async () => {
        const user = await acceptInvite(rc.web, rc.params.token ?? '', body);
        await rc.signIn(user);
        return json(201, { user: publicUser(user), csrfToken: rc.csrf });
      }),
  }),
  route({
    method: 'GET',
    path: '/api/tokens',
    kind: 'api',
    role: 'contributor',
    summary: 'Your API tokens (never their secrets).',
    response: z.object({ tokens: z.array(TokenJson) }),
    async handle(rc) {
      return json(200, { tokens: (await rc.web.store.apiTokens(me(rc).user.id)).map(publicToken) });
    },
  }),
  route({
    method: 'POST',
    path: '/api/tokens',
    status: 201,
    kind: 'api',
    role: 'contributor',
    summary: 'Make an API token with a name and at most your role; the secret is in this answer only.',
    body: z.object({ name: z.string().max(256), role: Role.optional() }),
    response: TokenJson.extend({ token: z.string() }),
    handle: (rc, body) =>
      refusing(async () => {
        const { user, role } = me(rc);
        const made = await createApiToken(rc.web, { ...user, role }, body.name, body.role ?? role);
        return json(201, { ...publicToken(made.record), token: made.token });
      }),
  }),
  route({
    method: 'DELETE',
    path: '/api/tokens/:id',
    kind: 'api',
    role: 'contributor',
    summary: 'Revoke one of your API tokens.',
    response: Ok,
    errors: { 404: 'no such token of yours, or it is revoked already' },
    async handle(rc) {
      const id = Number(rc.params.id);
      const revoked =
        Number.isSafeInteger(id) &&
        (await rc.web.store.revokeApiToken(id, me(rc).user.id, rc.web.now().toISOString()));
      return revoked
        ? json(200, { ok: true })
        : json(404, { error: `no live token ${rc.params.id} of yours` });
    },
  }),
];
