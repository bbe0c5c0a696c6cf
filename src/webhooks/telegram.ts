// Telegram bots: `sendMessage` with parse_mode HTML to one chat, link previews off.
// What this relies on (core.telegram.org/bots/api#sendmessage, #html-style, #linkpreviewoptions;
// core.telegram.org/bots/faq "My bot is hitting limits"):
// - POST `<api>/bot<token>/sendMessage` with `{chat_id, text, parse_mode: 'HTML', link_preview_options}`
//   (`link_preview_options` replaced `disable_web_page_preview` in Bot API 7.0);
// - HTML: only b/strong, i/em, u/ins, s/strike/del, a href, code, pre, blockquote, tg-spoiler; every
//   `<`, `>`, `&` that is not markup must be `&lt;` `&gt;` `&amp;`; unbalanced tags are refused;
// - text 1–4096 characters after entities are parsed;
// - about one message a second in a chat, 20 a minute in a group; a 429 says `parameters.retry_after`.
// `@name` in text links to that user and notifies them, so a word joiner is put after every `@`.

import { TELEGRAM_API } from './config.ts';
import { blockParagraphs, headline, type Markup } from './markup.ts';
import type { Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { answerJson, retryAfterHeader } from './post.ts';

export const TELEGRAM_MAX_TEXT = 4096;

const escapeAmp = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const markup: Markup = {
  text: (text) => escapeAmp(text.replace(/\r/g, '')).replace(/@/g, '@\u2060'),
  bold: (m) => `<b>${m}</b>`,
  link: (m, url) => `<a href="${escapeAmp(url).replace(/"/g, '&quot;')}">${m}</a>`,
};

/** The text as Telegram counts it: tags removed, entities decoded (UTF-16 code units). */
export function visibleLength(html: string): number {
  const text = html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, 'x');
  return text.length;
}

function answer(reply: WebhookAnswer, now: number): Outcome {
  const json = answerJson(reply);
  if (reply.status === 200 && json?.ok === true) {
    const id = (json.result as { message_id?: unknown } | undefined)?.message_id;
    return { ok: true, detail: `message ${String(id)}` };
  }
  const description = String(json?.description ?? `HTTP ${reply.status}`);
  if (reply.status === 429) {
    const seconds = (json?.parameters as { retry_after?: unknown } | undefined)?.retry_after;
    const wait = typeof seconds === 'number' ? seconds * 1000 : retryAfterHeader(reply.headers, now);
    return { ok: false, error: `telegram: ${description}`, retryAfterMs: wait };
  }
  return {
    ok: false,
    error: `telegram: ${String(json?.error_code ?? reply.status)} ${description}`,
    retryAfterMs: null,
  };
}

export const telegram: WebhookPlatform = {
  payload: (draft, hook) => ({
    chat_id: hook.chatId,
    text: [headline(draft, markup), ...draft.blocks.map((b) => blockParagraphs(b, markup).join('\n'))].join(
      '\n\n',
    ),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  }),
  overLimit(body) {
    const length = visibleLength(String(body.text));
    return length > TELEGRAM_MAX_TEXT ? `text of ${length} characters > ${TELEGRAM_MAX_TEXT}` : null;
  },
  request(hook, body) {
    const base = (hook.url ?? TELEGRAM_API).replace(/\/+$/, '');
    return { url: `${base}/bot${hook.botToken ?? ''}/sendMessage`, body: JSON.stringify(body) };
  },
  answer,
  pace: { count: 20, windowMs: 60_000, intervalMs: 1000 },
};
