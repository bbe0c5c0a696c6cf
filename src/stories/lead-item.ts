// The item whose text speaks for a story: what the writer translates and the edition shows as the
// original. Reads a story; changes nothing.

import type { StoryView } from '../model/story.ts';

/** An English item of the story's own kind (the arXiv or HF listing of a paper), else the first seen. */
export function leadItem(story: StoryView): StoryView['items'][number] {
  const lead = story.items.find((i) => i.kind === story.kind && i.lang === 'en') ?? story.items[0];
  if (!lead) throw new Error(`story ${story.id} has no items`);
  return lead;
}
