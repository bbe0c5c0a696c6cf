// HTML pages for files and the demo site: Markdown → HTML with raw HTML disabled (markdown-it escapes
// it and refuses javascript: links), inside an escaped page shell with a strict CSP.

import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfc; --muted: #6b6b6b; --link: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e6; --bg: #161617; --muted: #a0a0a0; --link: #8ab4f8; } }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem 4rem; font: 17px/1.75 -apple-system, "PingFang SC",
  "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); overflow-wrap: anywhere; } img { max-width: 100%; height: auto; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #d0a030; color: var(--muted); }
nav { font-size: .9rem; color: var(--muted); margin-bottom: 1rem; }`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function markdownToHtml(text: string): string {
  return markdown
    .render(text)
    .replace(/<img /g, '<img loading="lazy" referrerpolicy="no-referrer" ')
    .replace(/<a href="http/g, '<a rel="noopener noreferrer" href="http');
}

/** A whole page. `body` must already be safe HTML (from markdownToHtml or escaped). */
export function page(title: string, body: string, nav = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${nav ? `<nav>${nav}</nav>\n` : ''}<main>
${body}</main>
</body>
</html>
`;
}
