// What arXiv's listing RSS wraps around a paper: `arXiv:ID Announce Type: new  Abstract:` before the
// abstract (since 2024) and ` (arXiv:IDvN [cs.XX])` after the title (before). Never translate these.

const PREFIX =
  /^\s*arXiv:\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\s+Announce Type:\s*[\w-]+\s+Abstract:\s*/i;
const TITLE_SUFFIX =
  /\.?\s*\(arXiv:\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?:\s*\[[^\]]*\])?(?:\s*UPDATED)?\)\s*$/i;

/** The abstract without the listing's `arXiv:ID Announce Type: … Abstract:` prefix. */
export function stripListingPrefix(abstract: string): string {
  return abstract.replace(PREFIX, '');
}

export function hasListingPrefix(abstract: string): boolean {
  return PREFIX.test(abstract);
}

/** The title without the old listing's ` (arXiv:2303.10445v1 [cs.SD])` tail. */
export function stripListingSuffix(title: string): string {
  return title.replace(TITLE_SUFFIX, '');
}
