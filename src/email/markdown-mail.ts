// Source or model text as a mail HTML fragment: Markdown with raw HTML off (markdown-it escapes it), no
// images (remote images track readers), http(s) links only; then the allow-list sanitizer, last for
// content; then our own constant inline styles on the tags it kept, since mail clients drop <style>.

import MarkdownIt from 'markdown-it';
import { sanitizeHtml } from '../render/sanitize.ts';
import { STYLE } from './mail-html.ts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable(['image']);
markdown.validateLink = (url) => /^https?:\/\//i.test(url.trim());

const STYLES: Record<string, string> = {
  p: STYLE.p,
  a: STYLE.link,
  blockquote: STYLE.quote,
  ul: STYLE.list,
  ol: STYLE.list,
  code: STYLE.code,
  pre: STYLE.code,
  h2: STYLE.title,
  h3: STYLE.title,
  h4: STYLE.title,
  h5: STYLE.title,
  h6: STYLE.title,
};

// The sanitizer's output spells every kept tag `<name` + attributes with escaped values, so an opening
// tag ends at the first `>`; only a constant style attribute is added, nothing from the input.
const OPENING = new RegExp(`<(${Object.keys(STYLES).join('|')})(?=[\\s>])`, 'g');

export function markdownToMailHtml(text: string): string {
  const safe = sanitizeHtml(markdown.render(text));
  return safe.replace(OPENING, (tag, name: string) => `${tag} style="${STYLES[name]}"`);
}
