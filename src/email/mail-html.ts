// The HTML every mail shares: the document shell and the inline styles. Styles sit on the elements
// (clients drop or rewrite <style>); no tables, no images; text takes the client's own colour, so
// dark mode inverts cleanly, and the few colours set read on light and dark backgrounds alike.

import { escapeHtml } from '../render/html.ts';

const FONT =
  "-apple-system,BlinkMacSystemFont,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

/** Mid-tone colours: readable on white and on the near-black of dark mode. */
const LINK = '#2563eb';
const MUTED = '#6b7280';
const ACCENT = '#d4a017';
const RULE = '#d0d7de';

export const STYLE = {
  wrap: `max-width:640px;margin:0 auto;padding:24px 16px;font-family:${FONT};font-size:16px;line-height:1.7;`,
  h1: 'font-size:22px;line-height:1.35;margin:0 0 4px;',
  meta: `margin:0 0 24px;font-size:13px;color:${MUTED};`,
  h2: `font-size:19px;line-height:1.4;margin:32px 0 12px;padding:0 0 4px;border-bottom:2px solid ${ACCENT};`,
  h3: 'font-size:17px;line-height:1.4;margin:24px 0 12px;',
  entry: 'margin:0 0 24px;',
  title: 'font-size:16px;font-weight:600;line-height:1.5;margin:0 0 4px;',
  titleLink: `color:${LINK};text-decoration:none;`,
  link: `color:${LINK};text-decoration:underline;`,
  p: 'margin:0 0 12px;',
  quote: `margin:0 0 12px;padding:0 0 0 12px;border-left:3px solid ${ACCENT};color:${MUTED};`,
  list: 'margin:0 0 12px;padding:0 0 0 24px;',
  code: "font-family:Menlo,Consolas,'Courier New',monospace;font-size:14px;",
  small: `margin:0 0 8px;font-size:13px;line-height:1.6;color:${MUTED};`,
  rule: `border:0;border-top:1px solid ${RULE};margin:32px 0 16px;`,
  button: `display:inline-block;padding:10px 20px;border-radius:6px;background-color:${LINK};color:#ffffff;text-decoration:none;font-weight:600;`,
} as const;

/** A whole mail document. `body` must already be safe HTML; `preheader` is the inbox preview text. */
export function mailDocument(title: string, body: string, preheader = ''): string {
  const preview = preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(preheader)}</div>\n`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;">
${preview}<div style="${STYLE.wrap}">
${body}</div>
</body>
</html>
`;
}

/** An http(s) URL as an escaped attribute value, or null: no other scheme is ever linked. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.href) : null;
  } catch {
    return null;
  }
}

/** `<a>` with the link style, or the escaped text alone when the URL is not http(s). */
export function link(url: string, text: string, style: string = STYLE.link): string {
  const href = safeHref(url);
  return href
    ? `<a href="${href}" style="${style}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}
