// The small pages of subscribing: a form, the confirm and unsubscribe buttons, and the answers.
// Server-rendered, every text escaped, no JavaScript; sent with a strict CSP (see PAGE_HEADERS).

import { escapeHtml } from '../render/html.ts';

export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The token is in the URL: never hand it to another site.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const STYLE = `:root{color-scheme:light dark}body{margin:0 auto;max-width:32rem;padding:2rem 1rem;
font:17px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}button{font:inherit;padding:.5rem 1.25rem;cursor:pointer}
label{display:block;margin:.75rem 0 .25rem}input,select{font:inherit;width:100%;box-sizing:border-box;padding:.4rem}
.muted{color:#6b7280;font-size:.9rem}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}</main>
</body>
</html>
`;
}

/** A form with one button that POSTs the token back: opening the link alone changes nothing. */
export function buttonPage(
  title: string,
  text: string,
  action: string,
  token: string,
  button: string,
): string {
  return page(
    title,
    `<p>${escapeHtml(text)}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>
`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<p>${escapeHtml(text)}</p>\n`);
}

export function subscribeForm(action: string, publications: { name: string; title: string }[]): string {
  const options = publications
    .map((p) => `<option value="${escapeHtml(p.name)}">${escapeHtml(p.title)}</option>`)
    .join('');
  return page(
    '订阅',
    `<form method="post" action="${escapeHtml(action)}">
<label for="email">电子邮件地址</label>
<input id="email" name="email" type="email" required autocomplete="email">
<label for="publication">刊物</label>
<select id="publication" name="publication">${options}</select>
<label for="keywords">只要提到这些关键词的条目（可选，用逗号分隔）</label>
<input id="keywords" name="keywords" type="text">
<p><button type="submit">订阅</button></p>
<p class="muted">我们会先发一封确认邮件；点击其中的链接并确认后才开始发送。</p>
</form>
`,
  );
}
