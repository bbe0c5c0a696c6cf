// The plain text of an element: block elements on their own lines, runs of whitespace collapsed,
// nothing from scripts or styles. Walks without recursion, so deep pages cannot overflow the stack.

import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom.ts';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'svg']);

/** Lines of text, one per block, trimmed; no blank lines. */
export function plainText(root: DomElement): string {
  const parts: string[] = [];
  const stack: (DomNode | 'break')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | 'break';
    if (node === 'break') {
      parts.push('\n');
    } else if (node.nodeType === TEXT_NODE) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    } else if (isElement(node) && node.nodeName === 'PRE') {
      parts.push('\n', node.textContent ?? '', '\n'); // preformatted: its own line breaks stay
    } else if (isElement(node) && !SKIPPED.has(node.nodeName)) {
      const block = BLOCK.has(node.nodeName);
      if (block) {
        parts.push('\n');
        stack.push('break');
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
