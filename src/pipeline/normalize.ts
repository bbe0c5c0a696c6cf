// normalize: RawItem → Item. Clean text, edition day in the configured time zone, identity keys.
// Must not touch the store or the network.

import { InputError } from '../errors.ts';
import { dayIn, isoDay } from '../model/day.ts';
import type { Item, RawItem } from '../model/item.ts';
import { isWebUrl, withoutTracking } from '../stories/canonical-url.ts';
import { citedKeys } from '../stories/citations.ts';
import { storyKeys } from '../stories/story-keys.ts';
import { stripListingPrefix, stripListingSuffix } from '../text/arxiv-listing.ts';
import { cleanText } from '../text/clean.ts';

/** Normalize one raw item from `source`; throws an InputError naming `origin` when it cannot be kept. */
export function normalize(
  raw: RawItem,
  source: string,
  timeZone: string,
  origin: string,
  now = new Date(),
): Item {
  const title = stripListingSuffix(cleanText(raw.title));
  if (!title) throw new InputError(origin, `entry ${raw.externalId}: has no title`);
  const url = withoutTracking(raw.url);
  if (!url) throw new InputError(origin, `entry ${raw.externalId}: link is not an http(s) URL`);
  const published = raw.publishedAt ? new Date(raw.publishedAt) : null;
  const publishedAt = published && !Number.isNaN(published.getTime()) ? published.toISOString() : null;
  const editionDate = isoDay(raw.listedOn) ?? dayIn(publishedAt ? new Date(publishedAt) : now, timeZone);
  const image = raw.image && isWebUrl(raw.image) ? raw.image : null;
  const keys = storyKeys({ ...raw, title });
  return {
    source,
    externalId: raw.externalId,
    kind: raw.kind,
    url,
    title,
    summary: stripListingPrefix(cleanText(raw.summary)),
    lang: raw.lang || 'en',
    authors: raw.authors.map((a) => a.trim()).filter(Boolean),
    publishedAt,
    editionDate,
    image,
    metrics: raw.metrics ?? {},
    contributor: raw.contributor?.replace(/^@/, '').trim() || null,
    section: raw.section ?? null,
    extra: raw.extra ?? {},
    keys,
    cites: raw.kind === 'article' || raw.kind === 'post' ? citedKeys(raw, keys) : [],
  };
}
