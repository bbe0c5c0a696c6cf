// Small Markdown text rules shared by the templates: link text and URL escaping, the visible
// "translation pending" note. No layout here.

import type { Edition } from '../model/edition.ts';

/** Link text may not close the link early. */
export function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, (c) => `\\${c}`);
}

/** A URL inside `( )` may not close it early or break the line. */
export function linkUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
}

/** Said at the top of an edition when some entries show the source text because no LLM wrote them. */
function untranslatedNote(edition: Edition): string | null {
  if (edition.untranslated === 0) return null;
  const flagged =
    edition.flagged > 0 ? `其中 ${edition.flagged} 条机器译文未通过质量检查，正等待编辑审核；` : '';
  return `> 注：本期有 ${edition.untranslated} 条尚未翻译，暂以原文显示（${flagged}未配置 LLM 端点、预算用尽或生成失败时如此）；重新运行 \`ribao write\` 即可补全。`;
}

/** The edition's lead paragraph and the note, in the order they open an edition. */
export function opening(edition: Edition): string[] {
  const note = untranslatedNote(edition);
  return [...(edition.lead ? [edition.lead] : []), ...(note ? [note] : [])];
}
