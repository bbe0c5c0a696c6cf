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
export function untranslatedNote(edition: Edition): string | null {
  if (edition.untranslated === 0) return null;
  return `> 注：本期有 ${edition.untranslated} 条尚未翻译（未配置 LLM 端点或生成失败），暂以原文显示；配置端点后重新运行 \`ribao write\` 即可补全。`;
}
