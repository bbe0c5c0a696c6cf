// One line of a Markdown digest at a time: preparing the text (BOM, CRLF, trailing spaces, code fences)
// and recognising headings, link-only lines, `贡献人` credits and images. Knows no entry or section.

export interface Line {
  /** 1-based line number in the input. */
  n: number;
  /** The line trimmed; '' for blank, whitespace-only and thematic-break (`---`) lines. */
  text: string;
  /** Inside a ``` or ~~~ fence: text, never a heading or a link. */
  fenced: boolean;
}

export interface Heading {
  level: number;
  /** Backslash escapes undone, a wrapping `**…**` removed. */
  text: string;
  /** The heading was wholly bold (`### **title**`), as format B prints papers. */
  bold: boolean;
}

export interface Link {
  /** The link text of `[text](url)`, escapes undone; null for a bare or `<…>` link. */
  text: string | null;
  /** The target as printed, any scheme: the caller refuses what is not http(s). */
  target: string;
}

/** Lines longer than this are text: no real heading or link is, and regexes stay cheap. */
const MAX_STRUCTURE_LINE = 8192;

const HEADING_OPEN = /^(#{1,6})(?:[ \t\u3000]+|$)/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
// A bare link: an http(s) URL, or a scheme someone may try to slip in, so it can be refused by name.
const BARE_LINK = /^(?:https?:\/\/|(?:javascript|vbscript|data|file):)\S+$/i;
const ANGLE_LINK = /^<([^<>\s]+)>$/;
const MARKDOWN_LINK = /^\[((?:\\.|[^\\\]])*)\]\(\s*(?:<([^<>\n]*)>|(\S+?))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)$/;
const IMAGE = /^!\[(?:\\.|[^\\\]])*\]\(\s*(?:<([^<>\n]*)>|(\S+?))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)$/;
const HTML_IMAGE = /^<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>$/i;
// Labels before a link (`链接：`, `论文链接:`) and before a credit (`贡献人：`), bold or not, any colon.
const LINK_LABEL =
  /^(?:\*\*)?(链接|论文链接|原文链接|论文地址|项目地址|Link|URL|Paper)(?:\*\*)?\s*[:：︰](?:\*\*)?\s*/i;
const CREDIT_LABEL = /^(?:\*\*)?(?:贡献人|贡献者|投稿人|推荐人)(?:\*\*)?\s*[:：︰](?:\*\*)?\s*/;

/** The text as lines: BOM and CR dropped, each line trimmed, breaks blank, fenced code marked. */
export function prepareLines(text: string): Line[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const lines: Line[] = [];
  let fence: string | null = null;
  for (const [index, source] of raw.entries()) {
    const trimmed = source.trim();
    const marker = FENCE.exec(trimmed)?.[1];
    if (fence === null && marker) {
      fence = marker;
      lines.push({ n: index + 1, text: trimmed, fenced: true });
      continue;
    }
    if (fence !== null) {
      // A fence closes on the same character, at least as long as it opened.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      lines.push({ n: index + 1, text: trimmed, fenced: true });
      continue;
    }
    lines.push({ n: index + 1, text: THEMATIC_BREAK.test(trimmed) ? '' : trimmed, fenced: false });
  }
  return lines;
}

export function heading(line: Line): Heading | null {
  if (line.fenced) return null;
  const open = HEADING_OPEN.exec(line.text);
  if (!open) return null;
  const inner = unescapeMarkdown(withoutClosingHashes(line.text.slice(open[0].length)).trim());
  const bold = /^(\*\*|__)([\s\S]+)\1$/.exec(inner);
  return { level: (open[1] as string).length, text: (bold?.[2] ?? inner).trim(), bold: bold !== null };
}

/** `## Title ##` → `Title`: a closing run of `#` counts only after a space. Done by hand, in linear time. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === text.length) return text;
  if (end === 0) return '';
  return /[ \t]/.test(text[end - 1] as string) ? text.slice(0, end) : text;
}

/** A line that is only a link: `https://…`, `<…>`, `[text](…)`, or one of those after `链接：`. */
export function linkLine(line: Line): { link: Link; labelled: boolean } | null {
  if (line.fenced || line.text.length > MAX_STRUCTURE_LINE) return null;
  const label = LINK_LABEL.exec(line.text);
  const link = readLink(label ? line.text.slice(label[0].length).trim() : line.text);
  return link ? { link, labelled: label !== null } : null;
}

/** `text` when it is wholly one link (bare, `<…>` or `[text](…)`), else null. */
export function readLink(text: string): Link | null {
  if (text.length > MAX_STRUCTURE_LINE) return null;
  if (BARE_LINK.test(text)) return { text: null, target: text };
  const angle = ANGLE_LINK.exec(text);
  if (angle) return { text: null, target: angle[1] as string };
  const markdown = MARKDOWN_LINK.exec(text);
  if (!markdown) return null;
  const label = unescapeMarkdown(markdown[1] as string).trim();
  const bold = /^(\*\*|__)(.+)\1$/.exec(label);
  return { text: (bold?.[2] ?? label).trim(), target: (markdown[2] ?? markdown[3] ?? '').trim() };
}

/** The names a `贡献人：@林一` line credits, without `@`; null when the line is no credit. */
export function creditLine(line: Line): string[] | null {
  if (line.fenced || line.text.length > MAX_STRUCTURE_LINE) return null;
  const label = CREDIT_LABEL.exec(line.text);
  if (!label) return null;
  const rest = line.text.slice(label[0].length).replace(/\*\*$/, '').trim();
  // `@a @b`, `@a、@b`: split at each @; without any @, at list punctuation. A lone @name may hold spaces.
  const parts = rest.includes('@') ? rest.split('@') : rest.split(/[、，,;；/]/);
  return parts.map((part) => part.replace(/[\s、，,;；/&和]+$/u, '').trim()).filter(Boolean);
}

/** The target of an image-only line (`![](url)`, `<img src>`), any scheme; null for other lines. */
export function imageLine(line: Line): string | null {
  if (line.fenced || line.text.length > MAX_STRUCTURE_LINE) return null;
  const markdown = IMAGE.exec(line.text);
  if (markdown) return (markdown[1] ?? markdown[2] ?? '').trim();
  return HTML_IMAGE.exec(line.text)?.[1]?.trim() ?? null;
}

/** The printed target when it is an absolute http(s) URL, else null. */
export function webUrl(target: string): string | null {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? target : null;
  } catch {
    return null;
  }
}

/** Undo Markdown backslash escapes of ASCII punctuation (`\[` → `[`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
