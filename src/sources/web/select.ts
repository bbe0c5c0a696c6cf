// Many selectors over one page, fast: an index of the page's ids, classes and tag names picks the few
// elements each selector could match, and the DOM's own matches() decides. Same answers as
// querySelectorAll on the joined list; what it saves is testing every element against every selector.

import { type DomElement, descendants } from './dom.ts';

interface Index {
  byId: Map<string, DomElement[]>;
  byClass: Map<string, DomElement[]>;
  byTag: Map<string, DomElement[]>;
}

/** Every element under `root` matching any of `selectors` (each once, in no particular order). */
export function selectAll(root: DomElement, selectors: readonly string[]): DomElement[] {
  const index = indexOf(root);
  const found = new Set<DomElement>();
  for (const selector of selectors.flatMap(splitList)) {
    for (const element of candidates(root, index, selector)) found.add(element);
  }
  return [...found];
}

/** `a, b` → [`a`, `b`]; a list with brackets or parentheses (where a comma may be quoted) stays whole. */
function splitList(selector: string): string[] {
  return /[[(]/.test(selector)
    ? [selector]
    : selector
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
}

function candidates(root: DomElement, index: Index, selector: string): DomElement[] {
  // The rightmost compound selector (`.recommend-box` in `#main .recommend-box`) names what can match.
  const compound = selector.split(/\s*[\s>+~]\s*/).pop() ?? '';
  if (/[[(:*\\]/.test(selector) || compound === '') return Array.from(root.querySelectorAll(selector));
  const id = /#([\w-]+)/.exec(compound)?.[1];
  const className = /\.([\w-]+)/.exec(compound)?.[1];
  const tag = /^[A-Za-z][\w-]*/.exec(compound)?.[0];
  const pool = id
    ? index.byId.get(id)
    : className
      ? index.byClass.get(className)
      : tag
        ? index.byTag.get(tag.toLowerCase())
        : undefined;
  if (!pool) return [];
  // A bare `#id`, `.class` or `tag` is exactly its pool; anything longer is checked.
  return /^(?:#[\w-]+|\.[\w-]+|[A-Za-z][\w-]*)$/.test(selector)
    ? pool
    : pool.filter((element) => matches(element, selector));
}

function matches(element: DomElement, selector: string): boolean {
  return (element as DomElement & { matches(selector: string): boolean }).matches(selector);
}

function indexOf(root: DomElement): Index {
  const index: Index = { byId: new Map(), byClass: new Map(), byTag: new Map() };
  const add = (map: Map<string, DomElement[]>, key: string, element: DomElement) => {
    const list = map.get(key);
    if (list) list.push(element);
    else map.set(key, [element]);
  };
  for (const element of [root, ...descendants(root)]) {
    add(index.byTag, element.localName.toLowerCase(), element);
    const id = element.getAttribute('id');
    if (id) add(index.byId, id, element);
    const classes = element.getAttribute('class');
    if (classes)
      for (const name of new Set(classes.split(/\s+/))) if (name) add(index.byClass, name, element);
  }
  return index;
}
