// What an article or post cites: arXiv ids, DOIs, repositories and paper titles found in its text and
// links, as identity keys. merge.ts uses them to join commentary to the story it is about.

import type { RawItem } from '../model/item.ts';
import { parseArxivId } from './arxiv-id.ts';
import { titleKey } from './title-key.ts';

const ARXIV_IN_TEXT =
  /(?:arxiv\.org\/(?:abs|pdf|html)\/|huggingface\.co\/papers\/|alphaxiv\.org\/(?:abs|overview)\/|arXiv:\s?)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi;
const DOI_IN_TEXT = /\b(?:doi\.org\/|doi:\s?)(10\.\d{4,9}\/[^\s"'<>)\]，。]+)/gi;
const REPO_IN_TEXT = /github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?(?=[/\s"'<>)\]#?,，。]|$)/gi;
const NOT_REPOS = new Set([
  'features',
  'topics',
  'orgs',
  'sponsors',
  'marketplace',
  'about',
  'settings',
  'login',
]);
/** A paper title quoted or named in the text: 《…》, “…”, "…", or after 论文/标题/Paper:. */
const TITLE_IN_TEXT =
  /(?:《([^》]{20,200})》|“([^”]{20,200})”|"([^"]{20,200})"|(?:论文(?:标题|题目|名称)?|标题|[Pp]aper(?: title)?)[:：]\s*([^\n。；;]{20,200}))/g;

/** Keys this item cites, strongest first, without the keys it has itself. */
export function citedKeys(item: RawItem, ownKeys: string[]): string[] {
  const text = [item.title, item.summary, ...textsIn(item.extra)].join('\n');
  const keys: string[] = [];
  for (const m of text.matchAll(ARXIV_IN_TEXT)) {
    const id = parseArxivId(m[1] ?? '');
    if (id) keys.push(`arxiv:${id.id}`);
  }
  for (const m of text.matchAll(DOI_IN_TEXT))
    keys.push(`doi:${(m[1] ?? '').toLowerCase().replace(/[.,;]+$/, '')}`);
  for (const m of text.matchAll(REPO_IN_TEXT)) {
    const [owner = '', name = ''] = [m[1], m[2]];
    if (!NOT_REPOS.has(owner.toLowerCase())) keys.push(`github:${owner}/${name}`.toLowerCase());
  }
  for (const m of text.matchAll(TITLE_IN_TEXT)) {
    const key = titleKey(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
    if (key) keys.push(key);
  }
  const own = new Set(ownKeys);
  return [...new Set(keys)].filter((k) => !own.has(k));
}

/** Papers cited (arXiv ids and DOIs): more than two means a roundup, which joins no single story. */
export function citedPapers(cites: string[]): number {
  return cites.filter((k) => k.startsWith('arxiv:') || k.startsWith('doi:')).length;
}

function textsIn(extra: RawItem['extra']): string[] {
  if (!extra) return [];
  const out: string[] = [];
  for (const key of ['markdown', 'links', 'content', 'discussion'] as const) {
    const value = extra[key];
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return out;
}
