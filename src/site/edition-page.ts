// An edition's page (`papers/2026-11-20.html`): the lead, the untranslated note, the sections in
// order, every entry in full with its original one click away, sources and credit.

import type { EditionSection } from '../model/edition.ts';
import { allEntries } from '../model/edition.ts';
import {
  bodyHtml,
  CHINESE,
  chineseDate,
  markdownFragment,
  originalHtml,
  pictureHtml,
  sourceUrl,
  titleOf,
} from './entry-parts.ts';
import { type Child, type Html, html } from './html.ts';
import { dotted, existingLinks, layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SiteEdition, SitePublication, SiteStory } from './site-data.ts';
import { langAttr } from './story-list.ts';

export function editionPage(
  frame: SiteFrame,
  publication: SitePublication,
  index: number,
): { path: string; html: string } {
  const { paths } = frame;
  const current = publication.editions[index] as SiteEdition;
  const { edition } = current;
  const path = paths.edition(publication.name, edition.date);
  const link = (to: string) => relative(path, to);
  const pageUrl = paths.absolute(path);
  const byStory = new Map(current.stories.map((s) => [s.entry.storyId, s]));
  const newer = publication.editions[index - 1]?.edition.date;
  const older = publication.editions[index + 1]?.edition.date;
  const single = edition.template === 'paper-digest';
  const entries = allEntries(edition);
  const note =
    edition.untranslated > 0
      ? html`<p class="note" role="note">注：本期有 ${edition.untranslated} 条尚未翻译，暂以原文显示${edition.flagged > 0 ? `（其中 ${edition.flagged} 条机器译文正等待编辑审核）` : ''}。</p>`
      : '';
  const entryBlock = (story: SiteStory | undefined, level: number): Child => {
    if (!story) return '';
    const { entry } = story;
    const title = titleOf(entry);
    const source = sourceUrl(entry);
    const h = `h${Math.min(level, 6)}`;
    return html`<article class="entry" id="s-${entry.storyId}">
<${h} class="entry-title"${langAttr(title.lang)}><a href="${link(paths.story(publication.name, entry.storyId))}">${title.text}</a></${h}>
${bodyHtml(entry, pageUrl)}
${pictureHtml(entry)}
${originalHtml(entry)}
<p class="entry-meta">${dotted([
      ...(source ? [html`<a href="${source}" rel="noopener noreferrer nofollow">原文链接</a>`] : []),
      ...(entry.links.length > 1 ? [html`${entry.links.length} 个来源`] : []),
      ...(entry.contributor ? [html`贡献人：@${entry.contributor}`] : []),
    ])}</p>
</article>
`;
  };
  const sectionBlock = (
    section: EditionSection,
    level: number,
  ): Child => html`<section class="edition-section">
<h${level}>${section.title}</h${level}>
${section.entries.map((e) => entryBlock(byStory.get(e.storyId), level + 1))}${section.children.map((c) => sectionBlock(c, level + 1))}</section>
`;
  const body = single
    ? edition.sections.flatMap((s) => allEntriesOf(s)).map((e) => entryBlock(byStory.get(e.storyId), 2))
    : edition.sections.map((s) => sectionBlock(s, 2));
  const content = html`<article class="edition">
<header class="page-header">
<p class="kicker"><a href="${link(paths.publication(publication.name))}">${publication.config.title}</a></p>
<h1>${publication.config.title} · <time datetime="${edition.date}">${chineseDate(edition.date)}</time></h1>
<p class="meta">${entries.length} 条${existingLinks(frame, path, [
    { label: 'Markdown', path: paths.markdown(publication.name, edition.date) },
    { label: 'RSS', path: paths.feed(publication.name, 'rss') },
  ]).map((a) => html` · ${a}`)}</p>
</header>
${edition.lead ? html`<div class="lead" lang="${CHINESE}">${markdownFragment(edition.lead, pageUrl)}</div>` : ''}
${note}
<div class="bilingual-controls" data-bilingual hidden></div>
${body}
${publication.config.disclaimer ? html`<p class="disclaimer">${publication.config.disclaimer}</p>` : ''}
${editionNav(link, paths.edition, publication.name, newer, older)}
</article>`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: `${publication.config.title} ${chineseDate(edition.date)}`,
        description: entries
          .slice(0, 3)
          .map((e) => titleOf(e).text)
          .join('；'),
        type: 'article',
        current: publication.name,
        feeds: [{ title: `${publication.config.title} RSS`, path: paths.feed(publication.name, 'rss') }],
      },
      content,
    ),
  };
}

function allEntriesOf(section: EditionSection): EditionSection['entries'] {
  return [...section.entries, ...section.children.flatMap(allEntriesOf)];
}

function editionNav(
  link: (to: string) => string,
  edition: (publication: string, date: string) => string,
  name: string,
  newer: string | undefined,
  older: string | undefined,
): Html {
  return html`<nav class="pager" aria-label="相邻各期">
${older ? html`<a rel="prev" href="${link(edition(name, older))}">← 上一期 ${chineseDate(older)}</a>` : ''}
${newer ? html`<a rel="next" href="${link(edition(name, newer))}">下一期 ${chineseDate(newer)} →</a>` : ''}
</nav>`;
}
