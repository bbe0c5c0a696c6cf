// The text signature of a paper title: the same title however it is cased, spaced or punctuated.
// Only titles long enough to be specific get one; short generic titles would merge different papers.

const MIN_WORDS = 5;

/** `title:sparse lattice routing for long context transformers`, or null for short/generic titles. */
export function titleKey(title: string): string | null {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length < MIN_WORDS) return null;
  return `title:${words.join(' ').slice(0, 200)}`;
}
