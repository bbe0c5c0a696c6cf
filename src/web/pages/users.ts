// The admin's people page: every account (with its role and state), the open invites, a form that
// makes an invite link (shown once), and disabling or enabling an account, revoking an invite.

import { z } from 'zod';
import type { Invite, Role, User } from '../../store/store.ts';
import type { Principal } from '../auth.ts';
import { createInvite } from '../invites.ts';
import { html as page, type RequestContext, redirect, route } from '../router.ts';
import { AccountError, isRole, ROLES, setDisabled } from '../users.ts';
import { csrfField, type Html, html, layout } from './layout.ts';

const DAY_MS = 86_400_000;

export const userPages = [
  route({
    method: 'GET',
    path: '/admin/users',
    kind: 'page',
    role: 'admin',
    summary: 'Every account and open invite; the invite form.',
    async handle(rc) {
      return page(200, await usersPage(rc, null, null));
    },
  }),
  route({
    method: 'POST',
    path: '/admin/invites',
    kind: 'page',
    role: 'admin',
    summary: 'Make an invite link for a role; it is shown once, on the page this answers with.',
    body: z.object({ role: z.string().max(32).default(''), days: z.string().max(8).default('7') }),
    async handle(rc, form) {
      const days = Number(form.days);
      if (!isRole(form.role) || !Number.isFinite(days))
        return page(400, await usersPage(rc, null, 'choose a role and a number of days'));
      try {
        const invite = await createInvite(rc.web, form.role, (rc.principal as Principal).user, days * DAY_MS);
        return page(200, await usersPage(rc, invite, null));
      } catch (error) {
        if (error instanceof AccountError) return page(400, await usersPage(rc, null, error.message));
        throw error;
      }
    },
  }),
  route({
    method: 'POST',
    path: '/admin/invites/:id/revoke',
    kind: 'page',
    role: 'admin',
    summary: 'Revoke an invite that was not used yet.',
    async handle(rc) {
      const id = Number(rc.params.id);
      if (Number.isSafeInteger(id)) await rc.web.store.deleteInvite(id);
      return redirect('/admin/users');
    },
  }),
  ...(['disable', 'enable'] as const).map((action) =>
    route({
      method: 'POST',
      path: `/admin/users/:handle/${action}`,
      kind: 'page',
      role: 'admin',
      summary:
        action === 'disable'
          ? 'Disable an account: its sessions end, it cannot sign in, its tokens stop working.'
          : 'Enable a disabled account again.',
      async handle(rc) {
        const me = (rc.principal as Principal).user;
        try {
          if (action === 'disable' && rc.params.handle?.toLowerCase() === me.handle)
            throw new AccountError('you cannot disable your own account');
          await setDisabled(rc.web, rc.params.handle ?? '', action === 'disable');
        } catch (error) {
          if (error instanceof AccountError) return page(400, await usersPage(rc, null, error.message));
          throw error;
        }
        return redirect('/admin/users');
      },
    }),
  ),
];

async function usersPage(
  rc: RequestContext,
  made: { url: string; role: Role; expiresAt: string } | null,
  error: string | null,
): Promise<string> {
  const users = await rc.web.store.users();
  const now = rc.web.now().toISOString();
  const open = (await rc.web.store.invites()).filter((i) => !i.usedAt && i.expiresAt > now);
  const csrf = csrfField(rc.csrf);
  return layout(
    { title: '用户 Users', principal: rc.principal, csrf: rc.csrf },
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${
  made
    ? html`<section><h2>邀请链接 Invite link (${made.role})</h2>
<p>只显示这一次；只能用一次，${made.expiresAt} 前有效。Shown this once; works once, until ${made.expiresAt}.</p>
<p class="secret">${made.url}</p></section>`
    : ''
}
<table><thead><tr><th>Handle</th><th>Display name</th><th>Role</th><th>State</th><th></th></tr></thead><tbody>
${users.map((u) => userRow(u, csrf, u.id === (rc.principal as Principal).user.id))}</tbody></table>
<section><h2>邀请 Invite someone</h2>
<form method="post" action="/admin/invites">${csrf}
<label for="role">角色 Role</label><select id="role" name="role">${ROLES.map((r) => html`<option>${r}</option>`)}</select>
<label for="days">有效天数 Valid for (days)</label><input type="number" id="days" name="days" value="7" min="1" max="30">
<p><button>生成链接 Make a link</button></p></form></section>
<section><h2>未使用的邀请 Open invites</h2>
${open.length === 0 ? html`<p class="muted">None.</p>` : html`<table><tbody>${open.map((i) => inviteRow(i, users, csrf))}</tbody></table>`}
</section>`,
  );
}

/** One account; no disable button on your own row (you would lock yourself out). */
function userRow(u: User, csrf: Html, self: boolean): Html {
  const action = u.disabledAt ? 'enable' : 'disable';
  return html`<tr><td>@${u.handle}</td><td>${u.displayName}</td><td>${u.role}</td>
<td>${u.disabledAt ? `disabled ${u.disabledAt.slice(0, 10)}` : 'active'}</td>
<td>${self ? html`<span class="muted">you</span>` : html`<form method="post" action="/admin/users/${encodeURIComponent(u.handle)}/${action}">${csrf}<button>${u.disabledAt ? '启用 Enable' : '停用 Disable'}</button></form>`}</td></tr>
`;
}

function inviteRow(i: Invite, users: User[], csrf: Html): Html {
  const by = users.find((u) => u.id === i.createdBy)?.handle ?? '—';
  return html`<tr><td>${i.role}</td><td>by @${by}</td><td>until ${i.expiresAt.slice(0, 16)}</td>
<td><form method="post" action="/admin/invites/${i.id}/revoke">${csrf}<button>撤销 Revoke</button></form></td></tr>
`;
}
