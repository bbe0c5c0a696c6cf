// A tag's page (`daily/tag/<tag>.html`): every story the publication printed with that tag (tags come
// from the story's placement: the model's classification or an editor), newest first.

import { html } from './html.ts';
import { layout, type SiteFrame } from './layout.ts';
import { relative, tagSlug } from './paths.ts';
import type { SitePublication, SiteStory } from './site-data.ts';
import { storyList } from './story-list.ts';

export function tagPage(
  frame: SiteFrame,
  publication: SitePublication,
  tag: string,
  stories: SiteStory[],
): { path: string; html: string } {
  const { paths } = frame;
  const { name, config } = publication;
  const path = paths.tag(name, tag);
  const content = html`<p class="kicker"><a href="${relative(path, paths.publication(name))}">${config.title}</a></p>
<h1>#${tag}</h1>
<p class="meta">${stories.length} 条</p>
${storyList(paths, path, stories)}`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: `#${tag} · ${config.title}`,
        description: `${config.title}中标记为「${tag}」的文章`,
        current: name,
      },
      content,
    ),
  };
}

/** Each tag with its stories, most used first (then by name). Tags with the same file name (case aside)
 * are one tag, under the spelling seen first. */
export function storiesByTag(publication: SitePublication): { tag: string; stories: SiteStory[] }[] {
  const bySlug = new Map<string, { tag: string; stories: SiteStory[] }>();
  for (const { stories } of publication.editions) {
    for (const story of stories) {
      for (const tag of new Set(story.tags.map((t) => t.trim()).filter((t) => t.length > 0))) {
        const key = tagSlug(tag).toLowerCase();
        const found = bySlug.get(key) ?? { tag, stories: [] };
        found.stories.push(story);
        bySlug.set(key, found);
      }
    }
  }
  return [...bySlug.values()].sort(
    (a, b) => b.stories.length - a.stories.length || a.tag.localeCompare(b.tag),
  );
}
