// DingTalk custom robots (自定义机器人): a markdown message, optionally signed (加签).
// What this relies on (open.dingtalk.com/document/robots/custom-robot-access and the message-type page,
// open.dingtalk.com/document/development/robot-message-type; errors as DingTalk answers them, quoted in
// feiyu563/PrometheusAlert#318 and timonwong/prometheus-webhook-dingtalk#30):
// - body `{msgtype: 'markdown', markdown: {title, text}, at: {...}}`; only `at` can mention anyone;
// - signing: `timestamp` (ms, within an hour) and `sign` = urlencode(base64(HMAC-SHA256(key = secret,
//   message = `${timestamp}\n${secret}`))) as URL parameters; a mismatch answers errcode 310000;
// - the body may not exceed 20,000 bytes (errcode 460101 "请保持大小在 20000bytes 以内");
// - 20 messages a minute per robot; every answer is HTTP 200 with `errcode` (0 = sent).
// DingTalk documents no escape for its markdown, so markup characters in edition text become lookalikes.

import { createHmac } from 'node:crypto';
import { blockParagraphs, headline, lookalikes, type Markup, partLabel, utf8Bytes } from './markup.ts';
import type { Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { answerJson, excerpt, retryAfterHeader } from './post.ts';

export const DINGTALK_MAX_BODY_BYTES = 20_000;

const markup: Markup = {
  text: (text) => lookalikes(text.replace(/\r/g, '')),
  bold: (m) => `**${m}**`,
  link: (m, url) => `[${m}](${url})`,
};

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function answer(reply: WebhookAnswer, now: number): Outcome {
  if (reply.status === 429)
    return {
      ok: false,
      error: 'dingtalk: too many requests (429)',
      retryAfterMs: retryAfterHeader(reply.headers, now),
    };
  const json = answerJson(reply);
  if (reply.status === 200 && json?.errcode === 0) return { ok: true, detail: 'ok' };
  const message = json ? `errcode ${String(json.errcode)}: ${String(json.errmsg)}` : excerpt(reply.text);
  return { ok: false, error: `dingtalk: HTTP ${reply.status}, ${message}`, retryAfterMs: null };
}

export const dingtalk: WebhookPlatform = {
  payload: (draft) => ({
    msgtype: 'markdown',
    markdown: {
      title: lookalikes(`${draft.title}${partLabel(draft)}`),
      text: [
        headline(draft, markup),
        ...draft.blocks.map((b) => blockParagraphs(b, markup).join('\n\n')),
      ].join('\n\n'),
    },
    at: { isAtAll: false, atMobiles: [], atUserIds: [] },
  }),
  overLimit(body) {
    const bytes = utf8Bytes(JSON.stringify(body));
    return bytes > DINGTALK_MAX_BODY_BYTES
      ? `request body ${bytes} bytes > ${DINGTALK_MAX_BODY_BYTES}`
      : null;
  },
  request(hook, body, now) {
    const url = new URL(hook.url ?? '');
    if (hook.secret) {
      const timestamp = Math.floor(now);
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(hook.secret, timestamp));
    }
    return { url: url.href, body: JSON.stringify(body) };
  },
  answer,
  pace: { count: 20, windowMs: 60_000, intervalMs: 0 },
};
