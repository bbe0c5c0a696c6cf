// A publication's own index (`papers/index.html`): what it is, its feeds, its sections and tags, and
// every edition by month, newest first.

import { allEntries } from '../model/edition.ts';
import { monthTitle } from './archive.ts';
import { chineseDate, titleOf } from './entry-parts.ts';
import { html } from './html.ts';
import { dotted, feedLinks, layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SitePublication } from './site-data.ts';
import { langAttr } from './story-list.ts';

export function publicationPage(
  frame: SiteFrame,
  publication: SitePublication,
  sections: string[],
  tags: { tag: string; count: number }[],
): { path: string; html: string } {
  const { paths } = frame;
  const { name, config } = publication;
  const path = paths.publication(name);
  const link = (to: string) => relative(path, to);
  const months = new Map<string, SitePublication['editions']>();
  for (const e of publication.editions) {
    const month = e.edition.date.slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(e);
    months.set(month, list);
  }
  const feeds = feedLinks(frame, path, name);
  const content = html`<h1>${config.title}</h1>
${config.description ? html`<p class="tagline">${config.description}</p>` : ''}
${feeds.length > 0 ? html`<p class="meta">订阅：${dotted(feeds)}</p>` : ''}
${
  sections.length > 0
    ? html`<nav aria-label="栏目"><h2>栏目</h2><ul class="chips">${sections.map((s) => html`<li><a href="${link(paths.section(name, s))}">${s}</a></li>`)}</ul></nav>`
    : ''
}
${
  tags.length > 0
    ? html`<nav aria-label="标签"><h2>标签</h2><ul class="chips">${tags.map((t) => html`<li><a href="${link(paths.tag(name, t.tag))}">#${t.tag}</a> <span class="count">${t.count}</span></li>`)}</ul></nav>`
    : ''
}
<h2>往期</h2>
${[...months].map(
  ([month, editions]) => html`<section class="month" aria-labelledby="m-${month}">
<h3 id="m-${month}">${monthTitle(month)}</h3>
<ul class="edition-list">
${editions.map(({ edition }) => {
  const first = allEntries(edition)[0];
  return html`<li><a href="${link(paths.edition(name, edition.date))}"><time datetime="${edition.date}">${chineseDate(edition.date)}</time></a> <span class="count">${allEntries(edition).length} 条</span>${first ? html` <span class="headline"${langAttr(titleOf(first).lang)}>${titleOf(first).text}</span>` : ''}</li>\n`;
})}</ul>
</section>
`,
)}`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: config.title,
        description: config.description || config.title,
        current: name,
        feeds: [{ title: `${config.title} RSS`, path: paths.feed(name, 'rss') }],
      },
      content,
    ),
  };
}
