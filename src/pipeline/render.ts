// render: Edition → documents (Markdown in the publication's template, and its HTML page).
// Sanitizing is the HTML renderer's job; this stage only picks the template.

import type { PublicationConfig } from '../config/schema.ts';
import type { Edition } from '../model/edition.ts';
import { renderDailyReport } from '../render/daily-report.ts';
import { escapeHtml, markdownToHtml, page } from '../render/html.ts';
import { renderPaperDigest } from '../render/paper-digest.ts';

export interface Documents {
  markdown: string;
  html: string;
}

export function render(edition: Edition, publication: PublicationConfig): Documents {
  const markdown =
    edition.template === 'paper-digest'
      ? renderPaperDigest(edition)
      : renderDailyReport(edition, publication.disclaimer);
  const nav = `<a href="./">${escapeHtml(publication.title)}</a> · ${escapeHtml(edition.date)}`;
  return { markdown, html: page(`${publication.title} ${edition.date}`, markdownToHtml(markdown), nav) };
}
