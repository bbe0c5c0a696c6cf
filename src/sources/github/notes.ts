// Release notes (GitHub-flavoured Markdown, raw HTML allowed) → a short plain-text summary: headings,
// paragraphs and list items become sentences; code, images and the "Full Changelog" line are left out.

import MarkdownIt from 'markdown-it';
import { htmlToText } from '../../text/html-text.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Parsing only; nothing is rendered, so raw HTML is read (and reduced to text), never passed on. */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Notes longer than this are cut before parsing: bounded time, and a summary needs only the start. */
const MAX_INPUT = 20_000;
const ENDS_SENTENCE = /[.!?:;。！？：；…]$/;
const PULL_OR_ISSUE = /https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:pull|issues)\/(\d+)\b/g;

/** Plain text of release notes, at most `max` characters (cut at a sentence or word, with `…`). */
export function notesSummary(body: string, max = 500): string {
  return truncateText(notesText(body.slice(0, MAX_INPUT)), max);
}

function notesText(body: string): string {
  const units: string[] = [];
  let heading = false;
  for (const token of markdown.parse(body, {})) {
    if (token.type === 'heading_open') heading = true;
    if (token.type === 'heading_close') heading = false;
    const text = blockText(token);
    if (!text || /^full changelog\b/i.test(text)) continue;
    units.push(heading ? `${text.replace(/:$/, '')}:` : ENDS_SENTENCE.test(text) ? text : `${text}.`);
  }
  return units.join(' ');
}

/** The text of one block token (inline run or raw HTML block); '' for code, rules and structure. */
function blockText(token: Token): string {
  let text = '';
  if (token.type === 'inline') text = inlineText(token.children ?? []);
  else if (token.type === 'html_block') text = htmlToText(token.content);
  return text.replace(PULL_OR_ISSUE, '#$1').replace(/\s+/g, ' ').trim();
}

function inlineText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline') {
        return child.content;
      }
      return child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : '';
    })
    .join('');
}

/** At most `max` characters: cut after the last sentence end in the second half, else at a space, plus `…`. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = Math.max(...[...cut.matchAll(/[.!?。！？](?=\s)/g)].map((match) => match.index + 1), -1);
  if (sentence >= max / 2) return `${cut.slice(0, sentence)} …`;
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
