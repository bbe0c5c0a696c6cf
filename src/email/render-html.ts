// An edition as the HTML part of a mail, every style inline (see mail-html.ts). Titles and names from
// sources or the model are escaped here; their texts (bodies, the lead) are fragments made by
// markdown-mail.ts, which passes them through the allow-list sanitizer.

import { allEntries, type Edition, type EditionEntry, type EditionSection } from '../model/edition.ts';
import { escapeHtml } from '../render/html.ts';
import { link, mailDocument, STYLE } from './mail-html.ts';
import { markdownToMailHtml } from './markdown-mail.ts';
import { editionSubject, type MailFrame, untranslatedNote } from './render-text.ts';

export function renderMailHtml(edition: Edition, frame: MailFrame): string {
  const title = editionSubject(edition);
  const single = edition.template === 'paper-digest';
  const body = [
    `<h1 style="${STYLE.h1}">${escapeHtml(title)}</h1>`,
    `<p style="${STYLE.meta}">${escapeHtml(edition.date)}${frame.webUrl ? ` · ${link(frame.webUrl, '在浏览器中阅读')}` : ''}</p>`,
    ...(edition.lead ? [markdownToMailHtml(edition.lead)] : []),
    ...(edition.untranslated > 0
      ? [`<p style="${STYLE.quote}">${escapeHtml(untranslatedNote(edition.untranslated))}</p>`]
      : []),
    ...edition.sections.flatMap((s) => sectionHtml(s, single ? 0 : 1)),
    `<hr style="${STYLE.rule}">`,
    `<p style="${STYLE.small}">你收到这封邮件，是因为订阅了「${escapeHtml(edition.title)}」${escapeHtml(frame.prefs)}。${link(frame.unsubscribeUrl, '退订')}</p>`,
    ...(frame.disclaimer ? [`<p style="${STYLE.small}">${escapeHtml(frame.disclaimer)}</p>`] : []),
  ];
  const titles = allEntries(edition).map((e) => e.title ?? e.originalTitle);
  const preheader = edition.lead ?? titles.slice(0, 3).join(' · ');
  return mailDocument(title, `${body.join('\n')}\n`, preheader.slice(0, 140));
}

function sectionHtml(section: EditionSection, depth: number): string[] {
  const heading =
    depth === 0
      ? []
      : [
          `<h${depth + 1} style="${depth === 1 ? STYLE.h2 : STYLE.h3}">${escapeHtml(section.title)}</h${depth + 1}>`,
        ];
  return [
    ...heading,
    ...section.entries.map(entryHtml),
    ...section.children.flatMap((child) => sectionHtml(child, Math.min(depth + 1, 2))),
  ];
}

function entryHtml(entry: EditionEntry): string {
  const title = entry.title ?? entry.originalTitle;
  const meta = [
    ...(entry.title && entry.title !== entry.originalTitle ? [escapeHtml(entry.originalTitle)] : []),
    ...(entry.contributor ? [`贡献人：@${escapeHtml(entry.contributor)}`] : []),
  ];
  return [
    `<div style="${STYLE.entry}">`,
    `<p style="${STYLE.title}">${link(entry.url, title, STYLE.titleLink)}</p>`,
    ...(meta.length ? [`<p style="${STYLE.small}">${meta.join(' · ')}</p>`] : []),
    markdownToMailHtml(entry.body),
    '</div>',
  ].join('\n');
}
