// Applies the quirk table (quirks.ts) to a parsed page: reads the site's title/byline/date, fixes lazy
// images, removes site and generic boilerplate and labelled recommendation blocks, and narrows the page
// to the site's article container. Mutates the document; knows no site by name.

import { removeLabelledBlocks } from './boilerplate.ts';
import type { DomDocument, DomElement } from './dom.ts';
import { GENERIC_REMOVE, MIN_MAIN_CHARS, quirkFor } from './quirks.ts';
import { selectAll } from './select.ts';

export interface QuirkFacts {
  /** A copy of the site's article container, taken after boilerplate removal, or null. */
  main: DomElement | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** Applies the site's quirk (if any) and the generic boilerplate rules to the document. */
export function applyQuirks(document: DomDocument, pageUrl: string): QuirkFacts {
  const quirk = quirkFor(hostOf(pageUrl));
  const facts: QuirkFacts = {
    main: null,
    title: quirk?.title ? textAt(document, quirk.title) : null,
    byline: quirk?.byline ? textAt(document, quirk.byline) : null,
    siteName: quirk?.siteName ? textAt(document, quirk.siteName) : null,
    publishedTime: quirk?.published ? dateAt(document, quirk.published, quirk.zone) : null,
  };
  for (const attribute of quirk?.lazySrc ?? []) {
    for (const img of document.querySelectorAll(`img[${attribute}]`)) {
      const src = img.getAttribute('src') ?? '';
      if (!src || src.startsWith('data:')) img.setAttribute('src', img.getAttribute(attribute) ?? '');
    }
  }
  for (const element of selectAll(document.documentElement, [...(quirk?.remove ?? []), ...GENERIC_REMOVE])) {
    element.remove();
  }
  if (document.body) removeLabelledBlocks(document.body);
  const main = quirk?.main ? document.querySelector(quirk.main) : null;
  // A selector gone stale may match something small; then Readability reads the whole page as usual.
  if (main && document.body && (main.textContent ?? '').replace(/\s+/g, '').length >= MIN_MAIN_CHARS) {
    // WeChat hides the article until its script runs; Readability skips hidden elements.
    main.removeAttribute('style');
    main.removeAttribute('hidden');
    facts.main = main.cloneNode(true) as DomElement;
    for (const child of Array.from(document.body.childNodes)) child.remove();
    document.body.append(main);
  }
  return facts;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function textAt(document: DomDocument, selector: string): string | null {
  const text = document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 200) : null;
}

/** A date written in the element (`datetime`, or `2024-03-05 10:21` in its text) with the site's zone. */
function dateAt(document: DomDocument, selector: string, zone = ''): string | null {
  const element = document.querySelector(selector);
  const written = element?.getAttribute('datetime') ?? element?.textContent ?? '';
  const match =
    /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*([+-]\d{2}:?\d{2}|Z)?/.exec(
      written,
    );
  if (!match) return null;
  const [, y, mo, d, h, mi, s, offset] = match;
  const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const time = h ? `T${pad(h)}:${pad(mi)}:${pad(s)}` : 'T00:00:00';
  return `${y}-${pad(mo)}-${pad(d)}${time}${offset ?? zone}`;
}
