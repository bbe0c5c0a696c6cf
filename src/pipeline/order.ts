// The order of an edition: pinned stories first, then stories an editor placed, then the rest by
// score. Stable, so equal stories keep their ranked order. Applied before an edition's limit.

import type { ScoredStory } from './rank.ts';

export function editionOrder(publication: string, ranked: ScoredStory[]): ScoredStory[] {
  const key = (s: ScoredStory) => {
    const order = s.orders.find((o) => o.publication === publication);
    return { pinned: order?.pinned ? 0 : 1, position: order?.position ?? Number.POSITIVE_INFINITY };
  };
  return ranked
    .map((story, index) => ({ story, index, ...key(story) }))
    .sort((a, b) => a.pinned - b.pinned || a.position - b.position || a.index - b.index)
    .map((e) => e.story);
}
