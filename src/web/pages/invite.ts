// Accepting an invite: GET /invite/:token shows the form (the role it grants), POST creates the
// account with the chosen handle and password, uses the invite up, and signs the new person in.

import { z } from 'zod';
import type { Invite } from '../../store/store.ts';
import { acceptInvite, usableInvite } from '../invites.ts';
import { html as page, type RequestContext, redirect, route } from '../router.ts';
import { AccountError } from '../users.ts';
import { csrfField, errorPage, html, layout } from './layout.ts';

const InviteForm = z.object({
  handle: z.string().max(256).default(''),
  displayName: z.string().max(1024).default(''),
  password: z.string().max(4096).default(''),
  confirm: z.string().max(4096).default(''),
});

const GONE =
  '这个邀请链接已经用过、已过期或不完整。This invite link was used already, has expired, or is not complete.';

export const invitePages = [
  route({
    method: 'GET',
    path: '/invite/:token',
    kind: 'page',
    role: null,
    summary: 'The form that accepts an invite: handle, display name, password.',
    errors: { 410: 'the invite was used already or has expired' },
    async handle(rc) {
      const invite = await usableInvite(rc.web, rc.params.token ?? '');
      if (!invite) return page(410, errorPage(410, GONE));
      const csrf = await rc.ensureSession();
      return page(200, invitePage(rc, csrf, invite, { handle: '', displayName: '' }, null));
    },
  }),
  route({
    method: 'POST',
    path: '/invite/:token',
    kind: 'page',
    role: null,
    summary: 'Accept an invite: creates the account and signs it in.',
    body: InviteForm,
    errors: { 400: 'the handle or password was refused', 410: 'the invite was used already or has expired' },
    async handle(rc, form) {
      const token = rc.params.token ?? '';
      const invite = await usableInvite(rc.web, token);
      if (!invite) return page(410, errorPage(410, GONE));
      const again = async (message: string) =>
        page(400, invitePage(rc, await rc.ensureSession(), invite, form, message));
      if (form.password !== form.confirm) return again('两次输入的密码不一致。The two passwords differ.');
      try {
        const user = await acceptInvite(rc.web, token, form);
        await rc.signIn(user);
        return redirect('/account');
      } catch (error) {
        if (error instanceof AccountError) return again(error.message);
        throw error;
      }
    },
  }),
];

function invitePage(
  rc: RequestContext,
  csrf: string,
  invite: Invite,
  form: { handle: string; displayName: string },
  error: string | null,
): string {
  return layout(
    { title: '接受邀请 Accept the invite', principal: rc.principal, csrf },
    html`<p>你受邀以 <strong>${invite.role}</strong> 身份加入。You are invited as <strong>${invite.role}</strong>;
this link works once, until ${invite.expiresAt}.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="${rc.url.pathname}">
${csrfField(csrf)}
<label for="handle">账号 Handle <span class="muted">(a–z, 0–9, . _ -)</span></label>
<input type="text" id="handle" name="handle" value="${form.handle}" autocomplete="username" required>
<label for="displayName">显示名 Display name</label>
<input type="text" id="displayName" name="displayName" value="${form.displayName}" autocomplete="name">
<label for="password">密码 Password <span class="muted">(12+ characters)</span></label>
<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12">
<label for="confirm">再输一次 Again</label>
<input type="password" id="confirm" name="confirm" autocomplete="new-password" required minlength="12">
<p><button>创建账号 Create the account</button></p>
</form>`,
  );
}
