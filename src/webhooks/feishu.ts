// Feishu / Lark custom bots: an interactive card of markdown elements, optionally signed.
// What this relies on (Feishu open platform, 自定义机器人使用指南, open.feishu.cn/document/client-docs/bot-v3/add-custom-bot;
// card Markdown, open.feishu.cn/document/feishu-cards/card-components/content-components/rich-text):
// - body `{msg_type: 'interactive', card: {header, elements}}`; the request body may not exceed 20 KB;
// - 100 messages a minute and 5 a second per bot;
// - signing: `timestamp` (seconds, within an hour) and `sign` = base64(HMAC-SHA256 keyed with
//   `${timestamp}\n${secret}` over an empty message), both in the body (the guide's Java/Go/Python demos);
// - success `{code: 0}`; failures answer with a non-zero `code` (19021 bad signature, 9499 bad request);
// - Markdown special characters are shown literally when written as HTML entities (`&#60;` for `<`…):
//   that is also how `<at id=all></at>` in hostile text is kept from mentioning anyone.

import { createHmac } from 'node:crypto';
import type { WebhookConfig } from './config.ts';
import { blockParagraphs, headline, type Markup, outsideUrls, partLabel, utf8Bytes } from './markup.ts';
import type { Draft, Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { answerJson, excerpt, retryAfterHeader } from './post.ts';

/** 20 KB as the guide states it, read as the smaller 20,000 bytes to stay clear of it. */
export const FEISHU_MAX_BODY_BYTES = 20_000;

const markup: Markup = {
  text: (text) =>
    outsideUrls(text.replace(/\r/g, ''), (plain) =>
      plain.replace(/[&<>*_~`\\[\]()#!|]|^-/gm, (c) => `&#${c.charCodeAt(0)};`),
    ),
  bold: (m) => `**${m}**`,
  link: (m, url) => `[${m}](${url})`,
};

export function feishuSign(secret: string, timestamp: number): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

function payload(draft: Draft): Record<string, unknown> {
  const elements = [
    { tag: 'markdown', content: headline(draft, markup) },
    ...draft.blocks.map((block) => ({ tag: 'markdown', content: blockParagraphs(block, markup).join('\n') })),
  ];
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: {
        title: { tag: 'plain_text', content: `${draft.title}${partLabel(draft)}` },
        template: 'blue',
      },
      elements,
    },
  };
}

/** The body as sent: a signed one carries `timestamp` and `sign` (measured at their full width). */
function signed(hook: WebhookConfig, body: Record<string, unknown>, now: number): Record<string, unknown> {
  if (!hook.secret) return body;
  const timestamp = Math.floor(now / 1000);
  return { timestamp: String(timestamp), sign: feishuSign(hook.secret, timestamp), ...body };
}

function answer(reply: WebhookAnswer, now: number): Outcome {
  if (reply.status === 429) {
    const wait = retryAfterHeader(reply.headers, now) ?? resetHeader(reply.headers);
    return { ok: false, error: 'feishu: too many requests (429)', retryAfterMs: wait ?? 1000 };
  }
  const json = answerJson(reply);
  const code = json?.code ?? json?.StatusCode;
  if (reply.status === 200 && code === 0) return { ok: true, detail: 'ok' };
  const message = String(json?.msg ?? json?.StatusMessage ?? excerpt(reply.text));
  // 11232: the platform's own rate limit, said in a 200 answer.
  const retryAfterMs = code === 11232 ? 1000 : null;
  return { ok: false, error: `feishu: HTTP ${reply.status}, code ${String(code)}: ${message}`, retryAfterMs };
}

/** Feishu's gateway names the wait in `x-ogw-ratelimit-reset` (seconds). */
function resetHeader(headers: Headers): number | null {
  const value = Number(headers.get('x-ogw-ratelimit-reset'));
  return Number.isFinite(value) && value > 0 ? value * 1000 : null;
}

export const feishu: WebhookPlatform = {
  payload,
  overLimit(body) {
    const bytes = utf8Bytes(
      JSON.stringify(signed({ secret: 'x' } as WebhookConfig, body, 9_999_999_999_000)),
    );
    return bytes > FEISHU_MAX_BODY_BYTES ? `request body ${bytes} bytes > ${FEISHU_MAX_BODY_BYTES}` : null;
  },
  request: (hook, body, now) => ({ url: hook.url ?? '', body: JSON.stringify(signed(hook, body, now)) }),
  answer,
  pace: { count: 100, windowMs: 60_000, intervalMs: 200 },
};
