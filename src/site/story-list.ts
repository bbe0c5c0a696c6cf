// A list of stories by edition day, newest first, titles linking to their pages: what the section, tag
// and home pages show. Titles only (with a short excerpt where asked), so long archives stay small.

import { bodyLang, CHINESE, chineseDate, excerptOf, titleOf } from './entry-parts.ts';
import { type Html, html } from './html.ts';
import { relative, type SitePaths } from './paths.ts';
import type { SiteStory } from './site-data.ts';

export function storyList(
  paths: SitePaths,
  from: string,
  stories: SiteStory[],
  options: { excerpts?: boolean; level?: number } = {},
): Html {
  const level = options.level ?? 2;
  const days = new Map<string, SiteStory[]>();
  for (const story of [...stories].sort((a, b) => b.date.localeCompare(a.date))) {
    const day = days.get(story.date) ?? [];
    day.push(story);
    days.set(story.date, day);
  }
  return html`${[...days].map(
    ([date, list]) => html`<section class="day">
<h${level}><time datetime="${date}">${chineseDate(date)}</time></h${level}>
<ul class="story-list">
${list.map((s) => storyItem(paths, from, s, options.excerpts ?? false))}</ul>
</section>
`,
  )}`;
}

export function storyItem(paths: SitePaths, from: string, story: SiteStory, excerpt: boolean): Html {
  const title = titleOf(story.entry);
  const href = relative(from, paths.story(story.publication, story.entry.storyId));
  const lang = bodyLang(story.entry);
  return html`<li><a href="${href}"${langAttr(title.lang)}>${title.text}</a>${excerpt ? html`<p class="excerpt"${langAttr(lang)}>${excerptOf(story.entry)}</p>` : ''}</li>
`;
}

/** ` lang="…"` for a language other than the page's, else nothing. */
export function langAttr(lang: string | null): Html | string {
  return lang && lang !== CHINESE ? html` lang="${lang}"` : '';
}
