// The site's stories as documents for the static search index (src/search/): one per printed story
// and publication, Chinese and original text together so either language finds it.

import { markdownToHtml } from '../render/html.ts';
import { plainText } from '../render/sanitize.ts';
import type { SearchDoc } from '../search/static-index.ts';
import { bodyLang, CHINESE, titleOf } from './entry-parts.ts';
import type { SitePaths } from './paths.ts';
import type { SitePublication } from './site-data.ts';

export function searchDocs(paths: SitePaths, publications: SitePublication[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const publication of publications) {
    for (const { stories } of publication.editions) {
      for (const story of stories) {
        const { entry } = story;
        const title = titleOf(entry);
        const body = plainText(markdownToHtml(entry.body));
        const original = entry.translated ? [entry.originalTitle, entry.originalBody] : [];
        const otherTitle = title.text === entry.originalTitle ? [] : [entry.originalTitle];
        docs.push({
          id: `${publication.name}:${entry.storyId}`,
          url: paths.story(publication.name, entry.storyId),
          title: title.text,
          text: [...new Set([body, ...otherTitle, ...original, ...story.tags])].filter((t) => t).join('\n'),
          date: story.date,
          publication: publication.name,
          section: story.sections.at(-1) ?? null,
          lang: bodyLang(entry) ?? title.lang ?? CHINESE,
        });
      }
    }
  }
  return docs;
}
