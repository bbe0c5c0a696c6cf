// One subscriber's cut of an edition: only the sections they chose (a section chosen brings its
// sub-sections) and only entries mentioning one of their keywords. Empty sections are dropped.

import { allEntries, type Edition, type EditionEntry, type EditionSection } from '../model/edition.ts';

export interface Interests {
  sections: string[];
  keywords: string[];
}

export function filterEdition(edition: Edition, interests: Interests): Edition {
  const matches = keywordMatcher(interests.keywords);
  const chosen = new Set(interests.sections);
  const cut = (section: EditionSection, inChosen: boolean): EditionSection | null => {
    const taken = inChosen || chosen.size === 0 || chosen.has(section.title);
    const kept: EditionSection = {
      title: section.title,
      entries: taken ? section.entries.filter(matches) : [],
      children: section.children.map((c) => cut(c, taken)).filter((c): c is EditionSection => c !== null),
    };
    return kept.entries.length || kept.children.length ? kept : null;
  };
  const sections = edition.sections.map((s) => cut(s, false)).filter((s): s is EditionSection => s !== null);
  const filtered = { ...edition, sections };
  const untranslated = allEntries(filtered).filter((e) => !e.translated).length;
  // Entries do not say which draft was flagged, so the count kept is an upper bound.
  return { ...filtered, untranslated, flagged: Math.min(edition.flagged, untranslated) };
}

/**
 * Keywords match case-insensitively in either language's title or text. A keyword of Latin letters
 * and digits must match whole words (`AI` is not in `said`, but is in `AI模型`); any other keyword
 * matches anywhere.
 */
export function keywordMatcher(keywords: string[]): (entry: EditionEntry) => boolean {
  if (keywords.length === 0) return () => true;
  const patterns = keywords.map((k) => {
    const escaped = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return /^[\p{Script=Latin}\d][\p{Script=Latin}\d\s.+#-]*$/u.test(k)
      ? new RegExp(`(?<![\\p{Script=Latin}\\d])${escaped}(?![\\p{Script=Latin}\\d])`, 'iu')
      : new RegExp(escaped, 'iu');
  });
  return (entry) => {
    const text = [entry.title ?? '', entry.originalTitle, entry.body, entry.originalBody].join('\n');
    return patterns.some((p) => p.test(text));
  };
}
