// Article HTML → Markdown with turndown: fenced code keeping its language, GFM tables, absolute
// links and images, and nothing that runs (scripts, frames, javascript:/data: links, raw HTML tags).

import TurndownService from 'turndown';
import type { DomElement } from './dom.ts';
import { tableRules } from './tables.ts';

/** Elements that are never article text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'canvas',
  'svg',
  'dialog',
]);

const LANGUAGE_CLASS =
  /(?:^|\s)(?:language|lang|highlight-source|highlight)-([\w+#.-]+)|(?:^|\s)brush:\s*([\w+#.-]+)/i;

/** The language a code block declares (`class="language-python"`, `lang-js`, `brush: php`, `data-lang`). */
export function codeLanguage(element: DomElement): string | null {
  const declared = element.getAttribute('data-lang') ?? element.getAttribute('data-language');
  if (declared) return cleanLanguage(declared);
  const match = LANGUAGE_CLASS.exec(element.getAttribute('class') ?? '');
  return match ? cleanLanguage(match[1] ?? match[2] ?? '') : null;
}

/** A language name fit for a fence info string, or null. */
function cleanLanguage(name: string): string | null {
  const language = name.trim().toLowerCase();
  return /^[\w+#.-]{1,30}$/.test(language) ? language : null;
}

/** Writes each `<pre>`'s language into `data-lang`, which survives Readability (it drops classes). */
export function markCodeLanguages(root: DomElement): void {
  for (const pre of root.querySelectorAll('pre')) {
    if (pre.hasAttribute('data-lang')) continue;
    // On the <pre>, its <code>, or a wrapper (GitHub's `<div class="highlight-source-rust">`).
    const parent = pre.parentElement;
    const language = codeLanguage(pre) ?? firstCodeLanguage(pre) ?? (parent ? codeLanguage(parent) : null);
    if (language) pre.setAttribute('data-lang', language);
  }
}

function firstCodeLanguage(pre: DomElement): string | null {
  const code = pre.querySelector('code');
  return code ? codeLanguage(code) : null;
}

/** Markdown for the article under `root`, links and images resolved against `base`. */
export function toMarkdown(root: DomElement, base: string): string {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  const plainEscape = service.escape.bind(service);
  // Text that looks like a tag stays text: `\<` is a literal `<` in CommonMark, never raw HTML.
  service.escape = (text: string) => plainEscape(text).replace(/</g, '\\<');
  service.remove((node) => DROPPED.has(node.nodeName.toLowerCase()));
  const allowFile = base.startsWith('file:');
  service.addRule('fencedCode', {
    filter: 'pre',
    replacement: (_content, node) => fence(asElement(node)),
  });
  service.addRule('math', {
    filter: (node) => node.nodeName.toUpperCase() === 'MATH',
    replacement: (_c, node) => math(asElement(node)),
  });
  service.addRule('link', {
    filter: 'a',
    replacement: (content, node) => link(content, asElement(node), base, allowFile),
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => image(asElement(node), base, allowFile),
  });
  for (const [name, rule] of Object.entries(tableRules())) service.addRule(name, rule);
  const markdown = service.turndown(root as unknown as TurndownService.Node);
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}

/** turndown's nodes are our DOM's nodes (it walks the tree it was given). */
function asElement(node: unknown): DomElement {
  return node as DomElement;
}

function fence(pre: DomElement): string {
  const code = (pre.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  if (!code) return '';
  const language = codeLanguage(pre) ?? firstCodeLanguage(pre) ?? '';
  let ticks = '```';
  while (code.includes(ticks)) ticks += '`';
  return `\n\n${ticks}${language}\n${code}\n${ticks}\n\n`;
}

/** MathML as TeX when it carries its source (`<annotation encoding="application/x-tex">`), else its text. */
function math(element: DomElement): string {
  const tex = element.querySelector('annotation[encoding="application/x-tex"]')?.textContent?.trim();
  const display = element.getAttribute('display') === 'block';
  if (tex) {
    const safe = tex.replace(/</g, '\\lt ').replace(/>/g, '\\gt '); // TeX's own names: no `<` reaches Markdown
    return display ? `\n\n$$\n${safe}\n$$\n\n` : `$${safe}$`;
  }
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/</g, '\\<');
}

function link(content: string, anchor: DomElement, base: string, allowFile: boolean): string {
  const href = safeUrl(anchor.getAttribute('href'), base, allowFile);
  const text = content.trim();
  if (!href || !text) return content;
  const title = (anchor.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
  return `[${text}](${destination(href)}${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
}

function image(img: DomElement, base: string, allowFile: boolean): string {
  const srcset = img.getAttribute('srcset')?.trim().split(/\s+/)[0];
  const src = [img.getAttribute('src'), srcset, img.getAttribute('data-src')]
    .map((ref) => safeUrl(ref, base, allowFile))
    .find((url) => url !== null);
  if (!src) return '';
  const alt = (img.getAttribute('alt') ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[[\]\\<]/g, '\\$&');
  return `![${alt}](${destination(src)})`;
}

/** An absolute link target we are willing to print: http(s) and mailto; file: only for a local page. */
export function safeUrl(ref: string | null | undefined, base: string, allowFile = false): string | null {
  const text = ref?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  const ok =
    url.protocol === 'http:' ||
    url.protocol === 'https:' ||
    url.protocol === 'mailto:' ||
    (allowFile && url.protocol === 'file:');
  return ok ? url.href : null;
}

/** A URL as a Markdown link destination: the parentheses that would end it are percent-encoded. */
function destination(url: string): string {
  return url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}
