// The signed-in person's own page: who they are, their display name, a new password (which ends
// their other sessions), and their API tokens (a new one is shown once; any can be revoked).

import { z } from 'zod';
import type { ApiToken } from '../../store/store.ts';
import type { Principal } from '../auth.ts';
import { verifyPassword } from '../passwords.ts';
import { html as page, type RequestContext, redirect, route } from '../router.ts';
import { createApiToken } from '../tokens.ts';
import { AccountError, atLeast, isRole, normalizeDisplayName, ROLES, setPassword } from '../users.ts';
import { csrfField, html, layout } from './layout.ts';

type Notice = { error?: string; token?: { name: string; secret: string }; done?: string };

export const accountPages = [
  route({
    method: 'GET',
    path: '/account',
    kind: 'page',
    role: 'contributor',
    summary: 'Your account: profile, password, API tokens.',
    async handle(rc) {
      return page(200, await accountPage(rc, {}));
    },
  }),
  route({
    method: 'POST',
    path: '/account/profile',
    kind: 'page',
    role: 'contributor',
    summary: 'Change your display name.',
    body: z.object({ displayName: z.string().max(1024).default('') }),
    async handle(rc, form) {
      const user = (rc.principal as Principal).user;
      try {
        const displayName = normalizeDisplayName(form.displayName, user.handle);
        await rc.web.store.updateUser(user.id, { displayName, updatedAt: rc.web.now().toISOString() });
      } catch (error) {
        if (error instanceof AccountError) return page(400, await accountPage(rc, { error: error.message }));
        throw error;
      }
      return redirect('/account');
    },
  }),
  route({
    method: 'POST',
    path: '/account/password',
    kind: 'page',
    role: 'contributor',
    summary: 'Change your password (needs the current one); your other sessions end.',
    body: z.object({ current: z.string().max(4096).default(''), password: z.string().max(4096).default('') }),
    async handle(rc, form) {
      const user = (rc.principal as Principal).user;
      if (!user.passwordHash || !(await verifyPassword(form.current, user.passwordHash)))
        return page(400, await accountPage(rc, { error: '当前密码不对。The current password is wrong.' }));
      try {
        await setPassword(rc.web, user, form.password);
      } catch (error) {
        if (error instanceof AccountError) return page(400, await accountPage(rc, { error: error.message }));
        throw error;
      }
      await rc.signIn(user);
      return page(
        200,
        await accountPage(rc, { done: '密码已更改。Password changed; other sessions were signed out.' }),
      );
    },
  }),
  route({
    method: 'POST',
    path: '/account/tokens',
    kind: 'page',
    role: 'contributor',
    summary: 'Make an API token; it is shown once, on the page this answers with.',
    body: z.object({ name: z.string().max(1024).default(''), role: z.string().max(32).default('') }),
    async handle(rc, form) {
      const { user } = rc.principal as Principal;
      try {
        const role = isRole(form.role) ? form.role : user.role;
        const { token, record } = await createApiToken(rc.web, user, form.name, role);
        return page(200, await accountPage(rc, { token: { name: record.name, secret: token } }));
      } catch (error) {
        if (error instanceof AccountError) return page(400, await accountPage(rc, { error: error.message }));
        throw error;
      }
    },
  }),
  route({
    method: 'POST',
    path: '/account/tokens/:id/revoke',
    kind: 'page',
    role: 'contributor',
    summary: 'Revoke one of your API tokens.',
    async handle(rc) {
      const { user } = rc.principal as Principal;
      const id = Number(rc.params.id);
      if (Number.isSafeInteger(id))
        await rc.web.store.revokeApiToken(id, user.id, rc.web.now().toISOString());
      return redirect('/account');
    },
  }),
];

async function accountPage(rc: RequestContext, notice: Notice): Promise<string> {
  const { user, role } = rc.principal as Principal;
  const fresh = (await rc.web.store.findUser({ id: user.id })) ?? user;
  const tokens = await rc.web.store.apiTokens(user.id);
  const csrf = csrfField(rc.csrf);
  const roles = ROLES.filter((r) => atLeast(role, r));
  return layout(
    { title: '账户 Account', principal: { ...(rc.principal as Principal), user: fresh }, csrf: rc.csrf },
    html`${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
${notice.done ? html`<p role="status">${notice.done}</p>` : ''}
${
  notice.token
    ? html`<section><h2>新令牌 New token “${notice.token.name}”</h2>
<p>只显示这一次，请现在复制。Shown this once only: copy it now.</p><p class="secret">${notice.token.secret}</p></section>`
    : ''
}
<p>@${fresh.handle} · ${fresh.role} · since ${fresh.createdAt.slice(0, 10)}</p>
<section><h2>显示名 Display name</h2>
<form method="post" action="/account/profile">${csrf}
<input type="text" name="displayName" value="${fresh.displayName}" aria-label="Display name"> <button>保存 Save</button></form></section>
<section><h2>密码 Password</h2>
<form method="post" action="/account/password">${csrf}
<label for="current">当前密码 Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
<label for="password">新密码 New password <span class="muted">(12+ characters)</span></label><input type="password" id="password" name="password" autocomplete="new-password" required minlength="12">
<p><button>更改 Change</button></p></form></section>
<section><h2>API 令牌 API tokens</h2>
<p class="muted">For scripts and chat bots: send <code>Authorization: Bearer TOKEN</code>.</p>
${tokenTable(tokens, csrf)}
<form method="post" action="/account/tokens">${csrf}
<label for="token-name">名称 Name</label><input type="text" id="token-name" name="name" required maxlength="80">
<label for="token-role">角色 Role</label><select id="token-role" name="role">${roles.map(
      (r) => html`<option${r === role ? html` selected` : ''}>${r}</option>`,
    )}</select>
<p><button>生成 Make a token</button></p></form></section>`,
  );
}

function tokenTable(tokens: ApiToken[], csrf: ReturnType<typeof csrfField>) {
  if (tokens.length === 0) return html`<p class="muted">No tokens yet.</p>`;
  return html`<table><thead><tr><th>Name</th><th>Role</th><th>Made</th><th>Last used</th><th></th></tr></thead><tbody>
${tokens.map(
  (
    t,
  ) => html`<tr><td>${t.name}</td><td>${t.role}</td><td>${t.createdAt.slice(0, 10)}</td><td>${t.lastUsedAt?.slice(0, 16) ?? '—'}</td>
<td>${t.revokedAt ? 'revoked' : html`<form method="post" action="/account/tokens/${t.id}/revoke">${csrf}<button>撤销 Revoke</button></form>`}</td></tr>
`,
)}</tbody></table>`;
}
