// Format B (`daily-report`), exactly as DESIGN.md shows it: every field of an item its own paragraph,
// sections as `#`, sub-sections as `##`, items as `###`. Text only.

import type { Edition, EditionEntry, EditionSection } from '../model/edition.ts';
import { opening } from './markdown-text.ts';

export function renderDailyReport(edition: Edition, disclaimer: string): string {
  const [, month, day] = edition.date.split('-').map(Number);
  const blocks = [`# ${edition.title}（${month}月${day}日）`];
  blocks.push(...opening(edition));
  for (const section of edition.sections) blocks.push(...sectionBlocks(section, 1));
  if (disclaimer) blocks.push('# 声明', disclaimer);
  return `${blocks.join('\n\n')}\n`;
}

function sectionBlocks(section: EditionSection, depth: number): string[] {
  return [
    `${'#'.repeat(depth)} ${section.title}`,
    ...section.entries.flatMap(entryBlocks),
    ...section.children.flatMap((child) => sectionBlocks(child, depth + 1)),
  ];
}

function entryBlocks(entry: EditionEntry): string[] {
  const title = entry.title ?? entry.originalTitle;
  const paper = entry.kind === 'paper';
  return [
    paper ? `### **${title}**` : `### ${title}`,
    ...(entry.contributor ? [`贡献人：@${entry.contributor}`] : []),
    paper ? `链接：${entry.url}` : entry.url,
    entry.body,
    ...(entry.image ? [`![](${entry.image})`] : []),
  ].filter((block) => block.length > 0);
}
