// The DOM as the web source uses it: linkedom parses, and these few structural types name what we
// call (the project compiles without the DOM lib). Nothing here knows pages, sites or Markdown.

import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  parentElement: DomElement | null;
  childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
  remove(): void;
  cloneNode(deep?: boolean): DomNode;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement> & Iterable<DomElement>;
  childElementCount: number;
  nextElementSibling: DomElement | null;
  previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  /** Not with `*`: linkedom returns nothing for it (use descendants()). */
  getElementsByTagName(name: string): ArrayLike<DomElement> & Iterable<DomElement>;
  closest(selector: string): DomElement | null;
  append(...nodes: DomNode[]): void;
  insertBefore(node: DomNode, before: DomNode | null): void;
  replaceWith(...nodes: (DomNode | string)[]): void;
}

export interface DomDocument {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  /** Not with `*`: linkedom returns nothing for it (use descendants()). */
  getElementsByTagName(name: string): ArrayLike<DomElement> & Iterable<DomElement>;
  createElement(name: string): DomElement;
  createTextNode(text: string): DomNode;
}

/** A whole page parsed by linkedom, arranged as a browser would: <html> with <head> then <body>, and
 * everything else inside <body> (linkedom builds the tree as written, so a fragment has no <body>). */
export function parseDocument(html: string): DomDocument {
  let document = (parseHTML(html) as unknown as { document: DomDocument }).document;
  if (document.documentElement?.tagName !== 'HTML') {
    const bare = html.replace(/^\s*<!doctype[^>]*>/i, '');
    const wrapped = /<(?:head|body)[\s>]/i.test(bare)
      ? `<!doctype html><html>${bare}</html>`
      : `<!doctype html><html><head></head><body>${bare}</body></html>`;
    document = (parseHTML(wrapped) as unknown as { document: DomDocument }).document;
  }
  arrange(document);
  return document;
}

/** Moves what linkedom left beside <head> and <body> into <body>, in order, and a stray <title> into <head>. */
function arrange(document: DomDocument): void {
  const root = document.documentElement;
  const head = document.head as DomElement;
  const body = document.body as DomElement;
  const firstInBody = body.firstChild;
  let beforeBody = true;
  for (const node of Array.from(root.childNodes)) {
    if (node === head || node === body) {
      beforeBody &&= node !== body;
      continue;
    }
    // A second <body> (content written before the real one) gives its children, not itself.
    const moved = isElement(node) && node.tagName === 'BODY' ? Array.from(node.childNodes) : [node];
    for (const child of moved) body.insertBefore(child, beforeBody ? firstInBody : null);
    if (moved[0] !== node) node.remove();
  }
  if (!head.querySelector('title')) {
    const title = body.querySelector('title');
    if (title) head.append(title);
  }
}

export function isElement(node: DomNode | null | undefined): node is DomElement {
  return node?.nodeType === ELEMENT_NODE;
}

/** Every element under `root` in document order, without recursion (pages may nest deeply). */
export function* descendants(root: DomElement): Generator<DomElement> {
  const stack: DomElement[] = [...Array.from(root.children)].reverse();
  while (stack.length > 0) {
    const element = stack.pop() as DomElement;
    yield element;
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomElement);
  }
}
