// The home page (`index.html`): the latest edition of each publication, its headlines with a short
// excerpt, and the way to the full edition, the archive and the feeds.

import { allEntries } from '../model/edition.ts';
import { chineseDate } from './entry-parts.ts';
import { html } from './html.ts';
import { feedLinks, layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SitePublication } from './site-data.ts';
import { storyItem } from './story-list.ts';

/** Headlines shown per publication before "read the whole edition". */
const HEADLINES = 12;

export function homePage(frame: SiteFrame, publications: SitePublication[]): { path: string; html: string } {
  const { paths } = frame;
  const path = paths.home;
  const link = (to: string) => relative(path, to);
  const blocks = publications.map((publication) => {
    const latest = publication.editions[0];
    if (!latest) return '';
    const { edition } = latest;
    const shown = latest.stories.slice(0, HEADLINES);
    const count = allEntries(edition).length;
    return html`<section class="latest" aria-labelledby="latest-${publication.name}">
<h2 id="latest-${publication.name}"><a href="${link(paths.edition(publication.name, edition.date))}">${publication.config.title} · <time datetime="${edition.date}">${chineseDate(edition.date)}</time></a></h2>
${publication.config.description ? html`<p class="meta">${publication.config.description}</p>` : ''}
<ul class="story-list">
${shown.map((s) => storyItem(paths, path, s, true))}</ul>
<p class="more"><a href="${link(paths.edition(publication.name, edition.date))}">阅读本期全部 ${count} 条</a> · <a href="${link(paths.publication(publication.name))}">往期</a>${feedLinks(
      frame,
      path,
      publication.name,
    )
      .slice(0, 1)
      .map((a) => html` · ${a}`)}</p>
</section>
`;
  });
  const content = html`<h1>${frame.title}</h1>
<p class="tagline">${frame.description}</p>
${publications.length === 0 ? html`<p>还没有发布任何一期。</p>` : blocks}`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: frame.title,
        description: frame.description,
        feeds: publications.map((p) => ({ title: `${p.config.title} RSS`, path: paths.feed(p.name, 'rss') })),
      },
      content,
    ),
  };
}
