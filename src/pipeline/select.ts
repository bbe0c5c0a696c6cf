// Which stored stories an edition of a publication may contain: the day's stories, not dropped,
// with at least one item from a source the publication accepts. Read-only.

import type { Config, PublicationConfig } from '../config/schema.ts';
import type { StoryView } from '../model/story.ts';
import type { Store } from '../store/store.ts';

export function accepts(
  config: Config,
  publication: PublicationConfig,
  name: string,
  item: StoryView['items'][number],
): boolean {
  const only = item.extra.publication;
  if (typeof only === 'string' && only !== name) return false;
  if (publication.template === 'paper-digest' && item.kind !== 'paper') return false;
  if (publication.sources.length === 0) return true;
  if (publication.sources.includes(item.source)) return true;
  // Imported items carry their source's kind as source id (`hf-daily`, `arxiv`, `feed`).
  return config.sources.some((s) => publication.sources.includes(s.id) && s.kind === item.source);
}

export async function candidates(
  store: Store,
  config: Config,
  name: string,
  date: string,
): Promise<StoryView[]> {
  const publication = config.publications[name];
  if (!publication) return [];
  const stories = await store.storiesOn(date);
  return stories.filter(
    (s) => !s.dropped && s.items.some((item) => accepts(config, publication, name, item)),
  );
}
