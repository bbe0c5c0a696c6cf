// An edition as the plain-text part of a mail: headings, each entry's title, link and text, then the
// footer with the unsubscribe link. Text only; the HTML part is render-html.ts's.

import type { Edition, EditionEntry, EditionSection } from '../model/edition.ts';

/** What frames an edition in one subscriber's mail, besides the edition itself. */
export interface MailFrame {
  /** The edition on the site, when it has been published there. */
  webUrl: string | null;
  unsubscribeUrl: string;
  /** `（栏目：论文；关键词：agent）`, or empty. */
  prefs: string;
  disclaimer: string;
}

export function editionSubject(edition: Edition): string {
  const [, month, day] = edition.date.split('-').map(Number);
  return `${edition.title}（${month}月${day}日）`;
}

export function renderMailText(edition: Edition, frame: MailFrame): string {
  const blocks = [`${editionSubject(edition)}`];
  if (frame.webUrl) blocks.push(`在浏览器中阅读：${frame.webUrl}`);
  if (edition.lead) blocks.push(edition.lead);
  if (edition.untranslated > 0) blocks.push(untranslatedNote(edition.untranslated));
  const single = edition.template === 'paper-digest';
  for (const section of edition.sections) blocks.push(...sectionBlocks(section, single ? 0 : 1));
  blocks.push(
    '-- ',
    [
      `你收到这封邮件，是因为订阅了「${edition.title}」${frame.prefs}。`,
      `退订（一次点击）：${frame.unsubscribeUrl}`,
      ...(frame.disclaimer ? [frame.disclaimer] : []),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

export function untranslatedNote(count: number): string {
  return `注：本期有 ${count} 条尚未翻译，暂以原文显示。`;
}

function sectionBlocks(section: EditionSection, depth: number): string[] {
  const heading = depth === 0 ? [] : [depth === 1 ? `== ${section.title} ==` : `-- ${section.title} --`];
  return [
    ...heading,
    ...section.entries.map(entryBlock),
    ...section.children.flatMap((child) => sectionBlocks(child, depth + 1)),
  ];
}

function entryBlock(entry: EditionEntry): string {
  const title = entry.title ?? entry.originalTitle;
  return [
    `■ ${title}`,
    ...(entry.title && entry.title !== entry.originalTitle ? [`  ${entry.originalTitle}`] : []),
    ...(entry.contributor ? [`贡献人：@${entry.contributor}`] : []),
    entry.url,
    '',
    entry.body,
  ].join('\n');
}
