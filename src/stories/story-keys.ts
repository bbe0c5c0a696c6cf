// Identity keys of an item, strongest first. Two items sharing any key are one story.
// Owns the order and the fallbacks; pipeline/merge.ts only compares the keys.

import type { RawItem } from '../model/item.ts';
import { parseArxivId } from './arxiv-id.ts';
import { canonicalUrl } from './canonical-url.ts';
import { titleKey } from './title-key.ts';

const DOI = /^10\.\d{4,9}\/\S+$/;
const GITHUB_REPO = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?(?:[?#].*)?$/i;

/**
 * 1. arXiv id without version: the paper itself, whichever site or version listed it.
 * 2. DOI: the published version of a paper or article.
 * 3. Code repository (`github:owner/name`), only for items that ARE the repository: a paper that
 *    merely links a repo is joined to it by content linking (a shared lab repo must not merge papers).
 * 4. Canonical URL: the same page under different spellings (tracking parameters, www, fragments).
 * 5. Title signature, papers only (`title:…`, five words or more): the same paper from a source
 *    without arXiv id or DOI (a conference listing, a lab page), and what commentary cites by title.
 * Near-duplicate articles are found by stories/near-dup.ts at merge time, not by a key: a
 * signature can merge two different things, so it must stay the weakest and explainable.
 */
export function storyKeys(item: RawItem): string[] {
  const keys: string[] = [];
  const arxiv =
    parseArxivId(String(item.extra?.arxivId ?? '')) ??
    parseArxivId(item.url) ??
    parseArxivId(item.externalId) ??
    parseArxivId(String(item.extra?.doi ?? ''));
  if (arxiv) keys.push(`arxiv:${arxiv.id}`);
  const doi = String(item.extra?.doi ?? '')
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, '');
  if (DOI.test(doi)) keys.push(`doi:${doi}`);
  const repo = GITHUB_REPO.exec(item.url);
  if (repo && item.kind === 'repo') keys.push(`github:${repo[1]}/${repo[2]}`.toLowerCase());
  const url = canonicalUrl(item.url);
  if (url) keys.push(`url:${url}`);
  const title = item.kind === 'paper' ? titleKey(item.title) : null;
  if (title) keys.push(title);
  return [...new Set(keys)];
}
