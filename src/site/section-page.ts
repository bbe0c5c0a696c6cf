// A section's page (`daily/section/投融资.html`): every story the publication printed under that
// section (or its sub-sections), newest first, with the section's own feeds.

import { html } from './html.ts';
import { dotted, feedLinks, layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SitePublication, SiteStory } from './site-data.ts';
import { storyList } from './story-list.ts';

export function sectionPage(
  frame: SiteFrame,
  publication: SitePublication,
  section: string,
  stories: SiteStory[],
): { path: string; html: string } {
  const { paths } = frame;
  const { name, config } = publication;
  const path = paths.section(name, section);
  const link = (to: string) => relative(path, to);
  const feeds = feedLinks(frame, path, name, section);
  const content = html`<p class="kicker"><a href="${link(paths.publication(name))}">${config.title}</a></p>
<h1>${section}</h1>
<p class="meta">${stories.length} 条${feeds.length > 0 ? html` · 订阅本栏目：${dotted(feeds)}` : ''}</p>
${storyList(paths, path, stories)}`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: `${section} · ${config.title}`,
        description: `${config.title}「${section}」栏目的全部文章`,
        current: name,
        feeds: [{ title: `${config.title} · ${section} RSS`, path: paths.feed(name, 'rss', section) }],
      },
      content,
    ),
  };
}

/** Each section title (any depth) with the stories under it, in the order titles first appear. */
export function storiesBySection(publication: SitePublication): Map<string, SiteStory[]> {
  const bySection = new Map<string, SiteStory[]>();
  for (const { stories } of [...publication.editions].reverse()) {
    for (const story of stories) {
      for (const title of story.sections) {
        const list = bySection.get(title) ?? [];
        list.push(story);
        bySection.set(title, list);
      }
    }
  }
  return bySection;
}
