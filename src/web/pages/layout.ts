// The pages' one template helper and frame: `html` escapes every value put into it unless it is
// already Html, so a page cannot print an unescaped field by accident. No scripts, no inline styles.

import { escapeHtml } from '../../render/html.ts';
import type { Principal } from '../auth.ts';
import { CSRF_FIELD } from '../csrf.ts';

/** Markup that is safe as it is: made by `html`, never from a string someone typed. */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Tagged template: literal parts kept, values escaped (Html kept, arrays joined, null/false empty). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  for (const [i, value] of values.entries()) out += render(value) + (strings[i + 1] ?? '');
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export const STYLESHEET_PATH = '/_ribao/style.css';

/** The one stylesheet (CSP `style-src 'self'`: no inline styles anywhere). */
export const STYLESHEET = `:root{color-scheme:light dark;--muted:#6b7280;--line:#d1d5db}
body{margin:0 auto;max-width:48rem;padding:1.5rem 1rem;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--line);padding-bottom:.5rem}
header .who{margin-left:auto;color:var(--muted)}header form{display:inline}
label{display:block;margin:.75rem 0 .25rem}input,select{font:inherit;padding:.35rem;box-sizing:border-box;max-width:100%}
input[type=text],input[type=password]{width:22rem}button{font:inherit;padding:.35rem 1rem;cursor:pointer}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
td form{display:inline}.muted{color:var(--muted)}.error{color:#b91c1c}.secret{font-family:monospace;word-break:break-all;padding:.5rem;border:1px dashed var(--line)}
section{margin:2rem 0}`;

/** A hidden field with the session's CSRF token; every POST form carries one. */
export function csrfField(token: string | null): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token ?? ''}">`;
}

export interface Frame {
  title: string;
  principal?: Principal | null;
  csrf?: string | null;
}

/** A whole page: the header (who is signed in, the links their role allows, sign-out) and `body`. */
export function layout(frame: Frame, body: Html): string {
  const p = frame.principal;
  const nav = p
    ? html`<a href="/account">账户 Account</a>${p.role === 'admin' ? html` <a href="/admin/users">用户 Users</a>` : ''}
<span class="who">${p.user.displayName} (@${p.user.handle}, ${p.role})</span>
<form method="post" action="/logout">${csrfField(frame.csrf ?? null)}<button>退出 Sign out</button></form>`
    : html`<span class="who"><a href="/login">登录 Sign in</a></span>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${frame.title} · ribao</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header><strong>ribao</strong>${nav}</header>
<main>
<h1>${frame.title}</h1>
${body}
</main>
</body>
</html>
`.text;
}

const TITLES: Record<number, string> = {
  400: '请求无效 Bad request',
  401: '请先登录 Sign in first',
  403: '不允许 Not allowed',
  404: '没有这个页面 Not found',
  410: '链接已失效 Link no longer valid',
  413: '内容太大 Too large',
  415: '格式不对 Wrong format',
  429: '尝试太多 Too many attempts',
};

export function errorPage(status: number, message: string): string {
  return layout({ title: TITLES[status] ?? `Error ${status}` }, html`<p class="error">${message}</p>`);
}
