// Discord webhooks: the heading (and lead) as `content`, one embed per entry, mentions switched off.
// What this relies on (discord.com/developers/docs/resources/webhook#execute-webhook,
// …/resources/message#embed-object-embed-limits, …/topics/rate-limits):
// - body `{content, embeds, allowed_mentions}`; content at most 2000 characters; at most 10 embeds;
//   an embed's title 256, description 4096, author name 256; all embeds together 6000 characters;
// - `allowed_mentions: {parse: []}` stops @everyone, @here, user and role pings whatever the text says;
// - `?wait=true` answers 200 with the message (else 204); a 429 carries `retry_after` (seconds) and
//   `Retry-After`; a refused body is 400 `{code: 50035, message: 'Invalid Form Body', errors}`.
// Markdown is escaped with backslashes, which Discord accepts before any punctuation.

import { codePoints, type Markup, outsideUrls } from './markup.ts';
import type { Block, Draft, Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { answerJson, excerpt, retryAfterHeader } from './post.ts';

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  author: 256,
  total: 6000,
};

/** Mentions made inert to the eye too (allowed_mentions already keeps them from pinging). */
const unmention = (text: string) => text.replace(/@(everyone|here)/g, '@\u200b$1');

const markup: Markup = {
  text: (text) =>
    unmention(
      outsideUrls(text.replace(/\r/g, ''), (plain) => plain.replace(/[\\*_~`|>#[\]()<]|^-/gm, '\\$&')),
    ),
  bold: (m) => `**${m}**`,
  link: (m, url) => `[${m}](${url})`,
};

interface Embed {
  title: string;
  url: string;
  description?: string;
  author?: { name: string };
}

function embedOf(block: Extract<Block, { kind: 'entry' }>): Embed {
  const { entry, heading } = block;
  const more = entry.truncated ? ` ${markup.link('阅读全文', entry.storyUrl)}` : '';
  const description = [
    ...(entry.contributor ? [markup.text(`贡献人：@${entry.contributor}`)] : []),
    ...(entry.body || more ? [`${markup.text(entry.body)}${more}`.trim()] : []),
  ].join('\n');
  return {
    title: fitTitle(entry.title),
    url: entry.url ?? entry.storyUrl,
    ...(description ? { description } : {}),
    ...(heading ? { author: { name: codePoints(unmention(heading), DISCORD_LIMITS.author - 1) } } : {}),
  };
}

/** The escaped title, cut (before escaping) until it is within the embed title limit. */
function fitTitle(title: string): string {
  let points = Array.from(title).length;
  let escaped = markup.text(title);
  while (escaped.length > DISCORD_LIMITS.title && points > 0) {
    points -= Math.max(1, escaped.length - DISCORD_LIMITS.title);
    escaped = markup.text(`${codePoints(title, points)}…`);
  }
  return escaped;
}

function payload(draft: Draft): Record<string, unknown> {
  const label = draft.total > 1 ? ` (${draft.part}/${draft.total})` : '';
  const leads = draft.blocks.flatMap((b) => (b.kind === 'lead' ? [markup.text(b.text)] : []));
  const embeds = draft.blocks.flatMap((b) => (b.kind === 'entry' ? [embedOf(b)] : []));
  const heading = `**${markup.link(markup.text(draft.title), draft.editionUrl)}**${label}`;
  return { content: [heading, ...leads].join('\n\n'), embeds, allowed_mentions: { parse: [] } };
}

function overLimit(body: Record<string, unknown>): string | null {
  const content = String(body.content ?? '');
  const embeds = (body.embeds as Embed[] | undefined) ?? [];
  const L = DISCORD_LIMITS;
  if (content.length > L.content) return `content of ${content.length} characters > ${L.content}`;
  if (embeds.length > L.embeds) return `${embeds.length} embeds > ${L.embeds}`;
  let total = 0;
  for (const e of embeds) {
    const [title, description, author] = [
      e.title.length,
      e.description?.length ?? 0,
      e.author?.name.length ?? 0,
    ];
    if (title > L.title || description > L.description || author > L.author)
      return `an embed over its limits (title ${title}, description ${description}, author ${author})`;
    total += title + description + author;
  }
  return total > L.total ? `${total} characters in embeds > ${L.total}` : null;
}

function answer(reply: WebhookAnswer, now: number): Outcome {
  if (reply.status === 204) return { ok: true, detail: 'ok' };
  const json = answerJson(reply);
  if (reply.status === 200) return { ok: true, detail: `message ${String(json?.id ?? '')}`.trim() };
  if (reply.status === 429) {
    const seconds = json?.retry_after;
    const wait =
      typeof seconds === 'number' ? Math.ceil(seconds * 1000) : retryAfterHeader(reply.headers, now);
    return { ok: false, error: 'discord: too many requests (429)', retryAfterMs: wait };
  }
  const message = json
    ? `${String(json.code)} ${String(json.message)} ${JSON.stringify(json.errors ?? {})}`
    : '';
  return {
    ok: false,
    error: `discord: HTTP ${reply.status}: ${excerpt(message || reply.text)}`,
    retryAfterMs: null,
  };
}

export const discord: WebhookPlatform = {
  payload,
  overLimit,
  request(hook, body) {
    const url = new URL(hook.url ?? '');
    url.searchParams.set('wait', 'true');
    return { url: url.href, body: JSON.stringify(body) };
  },
  answer,
  pace: { count: 30, windowMs: 60_000, intervalMs: 400 },
};
