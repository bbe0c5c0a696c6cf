// Blocks announced by a label — 相关推荐, 猜你喜欢, 热门文章, 推荐阅读, "Related posts" — found by their
// text rather than their class names, and removed with the links under them. Mutates the document.

import { type DomElement, descendants, TEXT_NODE } from './dom.ts';

/** A label that heads a list of other pages, alone in its element (punctuation and arrows allowed). */
const LABEL =
  /^[\s#*·•|>»《【[（(-]*(?:相关推荐|相关文章|相关阅读|推荐阅读|推荐文章|为你推荐|猜你喜欢|你可能(?:也|还)?(?:喜欢|感兴趣)|热门文章|热门推荐|热文推荐|精彩推荐|往期推荐|往期回顾|往期精选|往期精彩|延伸阅读|大家都在看|相关标签|热门标签|related (?:posts|articles|stories|reading|content)|you (?:may|might) also like|recommended (?:for you|reading|articles|posts))[\s:：》】\]）)>»→-]*$/i;

/** Containers larger than this are the page, not a recommendation box. */
const MAX_BLOCK_CHARS = 3000;
/** Share of a block's text that is link text for the block to be a list of links. */
const LINK_DENSE = 0.5;

/** Removes labelled recommendation/tag blocks under `root`; returns how many labels it acted on. */
export function removeLabelledBlocks(root: DomElement): number {
  const labels = findLabels(root);
  for (const label of labels) {
    if (!label.parentNode) continue; // already removed with an earlier block
    const block = linkDenseContainer(label, root);
    if (block) {
      block.remove();
      continue;
    }
    // A label inside the article body (a WeChat 往期推荐 list): drop it and the link lines after it.
    let next = label.nextElementSibling;
    label.remove();
    while (next && isLinkLine(next)) {
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
  }
  return labels.length;
}

/** Elements whose whole text is a label, widened to the outermost element holding only that text. */
function findLabels(root: DomElement): DomElement[] {
  const found: DomElement[] = [];
  for (const element of descendants(root)) {
    for (const child of element.childNodes) {
      if (child.nodeType !== TEXT_NODE) continue;
      const text = (child.textContent ?? '').trim();
      if (text.length < 2 || text.length > 40 || !LABEL.test(text)) continue;
      let label = element;
      for (let up = 0; up < 4; up++) {
        const parent = label.parentElement;
        if (!parent || parent === root || normalized(parent) !== normalized(label)) break;
        label = parent;
      }
      found.push(label);
    }
  }
  return found;
}

/** The largest ancestor (a few levels up) that is small and mostly links, or null. */
function linkDenseContainer(label: DomElement, root: DomElement): DomElement | null {
  let best: DomElement | null = null;
  let node = label.parentElement;
  for (let up = 0; node && node !== root && up < 6; up++, node = node.parentElement) {
    if (['BODY', 'HTML', 'ARTICLE', 'MAIN'].includes(node.tagName)) break;
    const length = normalized(node).length;
    if (length > MAX_BLOCK_CHARS) break;
    if (length > normalized(label).length && linkDensity(node, label) >= LINK_DENSE) best = node;
  }
  return best;
}

/** Link text over all text, not counting the label itself. */
function linkDensity(element: DomElement, label?: DomElement): number {
  const total = normalized(element).length - (label ? normalized(label).length : 0);
  if (total <= 0) return 0;
  let links = 0;
  for (const anchor of element.querySelectorAll('a')) links += normalized(anchor).length;
  return Math.min(1, links / total);
}

/** A line of the list after a label: mostly link text, a linked picture, or nothing at all. */
function isLinkLine(element: DomElement): boolean {
  if (normalized(element) === '')
    return element.querySelector('img') === null || element.querySelector('a img') !== null;
  return linkDensity(element) >= LINK_DENSE;
}

function normalized(element: DomElement): string {
  return (element.textContent ?? '').replace(/\s+/g, '');
}
