// Splitting an edition into chat messages: entries in reading order, packed greedily into messages the
// platform accepts, split only between entries; an entry too long for any message is cut with a link
// to its story page. The platform decides what fits (bytes or characters, as it counts).

import { allEntries, type Edition, type EditionEntry, type EditionSection } from '../model/edition.ts';
import type { Permalinks } from '../render/permalinks.ts';
import { codePoints, safeUrl } from './markup.ts';
import type { Block, ChatEntry, Draft } from './platform.ts';

export type ChatFormat = 'full' | 'headlines';

/** Titles longer than this (code points) are cut: a title is never allowed to fill a message. */
const MAX_TITLE = 200;

interface Placed {
  entry: EditionEntry;
  /** The section path (`资讯 · 研究`), or null in a one-section edition. */
  section: string | null;
  firstInSection: boolean;
}

/** Every message of an edition for a platform, numbered `part/total`; `fits` is the platform's verdict. */
export function planMessages(
  edition: Edition,
  links: Permalinks,
  format: ChatFormat,
  fits: (draft: Draft) => boolean,
): Draft[] {
  const title = `${edition.title} ${edition.date}`;
  const editionUrl = links.absolute(links.edition(edition.publication, edition.date));
  // Measured with the widest part label the plan can need, so the final numbers only make it shorter.
  const draftOf = (blocks: Block[]): Draft => ({ title, editionUrl, part: 999, total: 999, blocks });
  const messages: Block[][] = [];
  let current: Block[] = [];
  for (const whole of items(edition, links, format)) {
    // An item too long for any message is cut first; it may still share a message (a per-block limit).
    const item = fits(draftOf([blockFor(whole, true)]))
      ? whole
      : cutToFit(whole, (i) => fits(draftOf([blockFor(i, true)])));
    const together = [...current, blockFor(item, current.length === 0)];
    if (fits(draftOf(together))) {
      current = together;
      continue;
    }
    if (current.length > 0) messages.push(current);
    current = [blockFor(item, true)];
  }
  if (current.length > 0 || messages.length === 0) messages.push(current);
  return messages.map((blocks, i) => ({ title, editionUrl, part: i + 1, total: messages.length, blocks }));
}

type Item = { kind: 'lead'; text: string } | { kind: 'entry'; placed: Placed; entry: ChatEntry };

function items(edition: Edition, links: Permalinks, format: ChatFormat): Item[] {
  const opening: Item[] = [];
  if (format === 'full' && edition.lead) opening.push({ kind: 'lead', text: edition.lead });
  if (format === 'full' && edition.untranslated > 0)
    opening.push({ kind: 'lead', text: `注：本期有 ${edition.untranslated} 条尚未翻译，暂以原文显示。` });
  return [
    ...opening,
    ...placed(edition).map(
      (p): Item => ({ kind: 'entry', placed: p, entry: chatEntry(p.entry, edition, links, format) }),
    ),
  ];
}

/** Entries in reading order with their section; a paper digest's single section is no heading. */
function placed(edition: Edition): Placed[] {
  const single = edition.sections.length === 1 && (edition.sections[0]?.children.length ?? 0) === 0;
  if (single) return allEntries(edition).map((entry) => ({ entry, section: null, firstInSection: false }));
  const walk = (section: EditionSection, path: string[]): Placed[] => {
    const here = [...path, section.title];
    return [
      ...section.entries.map((entry, i) => ({ entry, section: here.join(' · '), firstInSection: i === 0 })),
      ...section.children.flatMap((child) => walk(child, here)),
    ];
  };
  return edition.sections.flatMap((s) => walk(s, []));
}

function chatEntry(entry: EditionEntry, edition: Edition, links: Permalinks, format: ChatFormat): ChatEntry {
  const title = (entry.title ?? entry.originalTitle).replace(/\s+/g, ' ').trim();
  return {
    title: Array.from(title).length > MAX_TITLE ? `${codePoints(title, MAX_TITLE)}…` : title,
    contributor: format === 'full' ? entry.contributor : null,
    url: safeUrl(entry.url),
    storyUrl: links.absolute(links.story(edition.publication, entry.storyId)),
    body: format === 'full' ? entry.body.trim() : '',
    truncated: false,
  };
}

/** The block for an item; an entry at the top of a message repeats its section, marked continued. */
function blockFor(item: Item, topOfMessage: boolean): Block {
  if (item.kind === 'lead') return item;
  const { section, firstInSection } = item.placed;
  const heading = section && (firstInSection ? section : topOfMessage ? `${section}（续）` : null);
  return { kind: 'entry', entry: item.entry, heading };
}

/** The item with its text cut to the longest prefix (in code points) that lets it fit alone. */
function cutToFit(item: Item, fits: (item: Item) => boolean): Item {
  const text = item.kind === 'lead' ? item.text : item.entry.body;
  const points = Array.from(text);
  const cut = (n: number): Item => {
    const shortened = n === 0 ? '' : `${points.slice(0, n).join('').trimEnd()}…`;
    if (item.kind === 'lead') return { kind: 'lead', text: shortened || '…' };
    return { ...item, entry: { ...item.entry, body: shortened, truncated: true } };
  };
  if (!fits(cut(0)))
    throw new Error(`webhooks: "${titleOf(item)}" does not fit in one message even cut short`);
  let [low, high] = [0, points.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}

function titleOf(item: Item): string {
  return codePoints(item.kind === 'lead' ? item.text : item.entry.title, 40);
}
