// Hacker News items and Algolia hits → one Story shape → RawItems. A linked story is an `article` whose
// url is the article (the discussion in extra); a text post is a `post` on news.ycombinator.com.

import type { RawItem } from '../../model/item.ts';
import { isWebUrl } from '../../stories/canonical-url.ts';
import { htmlToText } from '../../text/html-text.ts';
import { guessLanguage } from '../../text/language.ts';
import type { AlgoliaHit, HnItem } from './wire.ts';

/** What both APIs say about a story, in one shape. */
export interface Story {
  id: number;
  title: string;
  /** The linked article, as sent (checked in adaptStory). */
  url?: string | undefined;
  /** HTML of a text post. */
  html?: string | undefined;
  by?: string | undefined;
  publishedAt: string | null;
  points?: number | undefined;
  comments?: number | undefined;
}

/** Why something is left out; `warn` when it is worth an operator's attention (hostile or broken). */
export interface Skip {
  skip: string;
  warn?: boolean;
}

/** Where the story was found: the lists it is on and the keywords whose search returned it. */
export interface Listing {
  day: string;
  lists: string[];
  keywords: string[];
}

const MAX_TITLE = 300;
const MAX_SUMMARY = 1000;

export function isSkip(value: Story | RawItem | Skip): value is Skip {
  return 'skip' in value;
}

export function storyFromItem(item: HnItem): Story | Skip {
  if (item.deleted) return { skip: `item ${item.id} is deleted` };
  if (item.dead) return { skip: `item ${item.id} is dead` };
  if (item.type !== 'story')
    return { skip: `item ${item.id} is a ${item.type ?? 'item of no type'}, not a story` };
  const title = plainTitle(item.title);
  if (!title) return { skip: `story ${item.id} has no title`, warn: true };
  return {
    id: item.id,
    title,
    url: item.url,
    html: item.text,
    by: item.by,
    publishedAt: item.time !== undefined && Number.isFinite(item.time) ? unixTime(item.time) : null,
    points: item.score,
    comments: item.descendants,
  };
}

export function storyFromHit(hit: AlgoliaHit): Story | Skip {
  const id = Number(hit.objectID);
  const title = plainTitle(hit.title);
  if (!title) return { skip: `story ${id} has no title`, warn: true };
  const iso = hit.created_at && !Number.isNaN(Date.parse(hit.created_at)) ? hit.created_at : null;
  return {
    id,
    title,
    url: hit.url,
    html: hit.story_text,
    by: hit.author,
    publishedAt: iso ?? (hit.created_at_i !== undefined ? unixTime(hit.created_at_i) : null),
    points: hit.points,
    comments: hit.num_comments,
  };
}

export function adaptStory(story: Story, listing: Listing): RawItem | Skip {
  const discussion = `https://news.ycombinator.com/item?id=${story.id}`;
  const link = story.url?.trim();
  if (link && !isWebUrl(link)) {
    return {
      skip: `story ${story.id} links ${JSON.stringify(link.slice(0, 80))}, not an http(s) URL`,
      warn: true,
    };
  }
  const title = plainTitle(story.title);
  const summary = story.html ? clip(htmlToText(story.html), MAX_SUMMARY) : '';
  const metrics: RawItem['metrics'] = {};
  if (story.points !== undefined) metrics.points = story.points;
  if (story.comments !== undefined) metrics.comments = story.comments;
  const extra: Record<string, unknown> = { discussion, hnId: story.id };
  const postKind = /^(Ask|Show|Launch|Tell) HN\b/i.exec(title)?.[1]?.toLowerCase();
  if (postKind) extra.hnKind = postKind;
  if (listing.lists.length > 0) extra.lists = listing.lists;
  if (listing.keywords.length > 0) extra.keywords = listing.keywords;
  return {
    externalId: `hn:${story.id}`,
    kind: link ? 'article' : 'post',
    url: link || discussion,
    title,
    summary,
    lang: guessLanguage(`${title} ${summary}`),
    authors: [],
    publishedAt: story.publishedAt,
    listedOn: listing.day,
    image: null,
    metrics,
    contributor: story.by?.trim() || null,
    extra,
  };
}

/** HN titles are plain text (the site shows `<` as `<`): whitespace collapsed, length bounded. */
function plainTitle(title: string | undefined): string {
  return clip((title ?? '').replace(/\s+/g, ' ').trim(), MAX_TITLE);
}

function unixTime(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** At most `max` characters, cut at a space when one is near the end, with `…`. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
