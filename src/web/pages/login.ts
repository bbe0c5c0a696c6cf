// Signing in and out with a form: GET/POST /login, POST /logout. The form carries the CSRF token of
// a not-yet-signed-in session, which sign-in replaces with a new one (no session fixation).

import { z } from 'zod';
import { login } from '../auth.ts';
import { waitText } from '../rate-limit.ts';
import { html as page, type RequestContext, redirect, route, safePath } from '../router.ts';
import { csrfField, html, layout } from './layout.ts';

const LoginForm = z.object({
  handle: z.string().max(256).default(''),
  password: z.string().max(4096).default(''),
  next: z.string().max(2048).default('/account'),
});

export const loginPages = [
  route({
    method: 'GET',
    path: '/login',
    kind: 'page',
    role: null,
    summary: 'The sign-in form.',
    async handle(rc) {
      if (rc.principal) return redirect(safePath(rc.url.searchParams.get('next') ?? '/account'));
      const csrf = await rc.ensureSession();
      return page(
        200,
        loginPage(rc, csrf, safePath(rc.url.searchParams.get('next') ?? '/account'), '', null),
      );
    },
  }),
  route({
    method: 'POST',
    path: '/login',
    kind: 'page',
    role: null,
    summary: 'Sign in: handle and password; a new session on success.',
    body: LoginForm,
    errors: {
      401: 'wrong handle or password',
      429: 'too many failed attempts; Retry-After says when to try again',
    },
    async handle(rc, form) {
      const result = await login(rc.web, form.handle, form.password, rc.ip);
      if (result.ok) {
        await rc.signIn(result.user);
        return redirect(safePath(form.next));
      }
      const csrf = await rc.ensureSession();
      if (result.throttled) {
        const wait = waitText(result.throttled.retryAfterMs);
        return page(
          429,
          loginPage(
            rc,
            csrf,
            form.next,
            form.handle,
            `尝试次数太多。Too many failed attempts: try again in ${wait}.`,
          ),
          {
            'retry-after': String(Math.ceil(result.throttled.retryAfterMs / 1000)),
          },
        );
      }
      return page(
        401,
        loginPage(rc, csrf, form.next, form.handle, '账号或密码不对。Wrong handle or password.'),
      );
    },
  }),
  route({
    method: 'POST',
    path: '/logout',
    kind: 'page',
    role: null,
    summary: 'Sign out: the session is deleted.',
    async handle(rc) {
      await rc.signOut();
      return redirect('/login');
    },
  }),
];

function loginPage(
  rc: RequestContext,
  csrf: string,
  next: string,
  handle: string,
  error: string | null,
): string {
  return layout(
    { title: '登录 Sign in', principal: rc.principal, csrf },
    html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/login">
${csrfField(csrf)}<input type="hidden" name="next" value="${safePath(next)}">
<label for="handle">账号 Handle</label><input type="text" id="handle" name="handle" value="${handle}" autocomplete="username" required autofocus>
<label for="password">密码 Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<p><button>登录 Sign in</button></p>
</form>`,
  );
}
