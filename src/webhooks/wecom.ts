// WeCom (企业微信) group robots: a markdown message; the key in the URL is the only credential.
// What this relies on (developer.work.weixin.qq.com/document/path/99110, 群机器人配置说明, and the errors it
// answers, e.g. RayWangQvQ/BiliBiliToolPro#702):
// - body `{msgtype: 'markdown', markdown: {content}}`; content at most 4096 bytes of UTF-8 (errcode 40058);
// - `<@userid>` in markdown mentions a member, so `<` in edition text must never reach it;
// - 20 messages a minute per robot; every answer is HTTP 200 with `errcode` (0 = sent, 45009 = too fast).
// WeCom documents no escape for its markdown, so markup characters in edition text become lookalikes.

import { blockParagraphs, headline, lookalikes, type Markup, utf8Bytes } from './markup.ts';
import type { Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { answerJson, excerpt, retryAfterHeader } from './post.ts';

export const WECOM_MAX_CONTENT_BYTES = 4096;

const markup: Markup = {
  text: (text) => lookalikes(text.replace(/\r/g, '')),
  bold: (m) => `**${m}**`,
  link: (m, url) => `[${m}](${url})`,
};

function answer(reply: WebhookAnswer, now: number): Outcome {
  if (reply.status === 429)
    return {
      ok: false,
      error: 'wecom: too many requests (429)',
      retryAfterMs: retryAfterHeader(reply.headers, now),
    };
  const json = answerJson(reply);
  if (reply.status === 200 && json?.errcode === 0) return { ok: true, detail: 'ok' };
  const message = json ? `errcode ${String(json.errcode)}: ${String(json.errmsg)}` : excerpt(reply.text);
  // 45009: the robot's 20-a-minute limit; the window is a minute.
  const retryAfterMs = json?.errcode === 45009 ? 60_000 : null;
  return { ok: false, error: `wecom: HTTP ${reply.status}, ${message}`, retryAfterMs };
}

function content(body: Record<string, unknown>): string {
  return String((body.markdown as { content?: unknown } | undefined)?.content ?? '');
}

export const wecom: WebhookPlatform = {
  payload: (draft) => ({
    msgtype: 'markdown',
    markdown: {
      content: [
        headline(draft, markup),
        ...draft.blocks.map((b) => blockParagraphs(b, markup).join('\n')),
      ].join('\n\n'),
    },
  }),
  overLimit(body) {
    const bytes = utf8Bytes(content(body));
    return bytes > WECOM_MAX_CONTENT_BYTES
      ? `markdown.content ${bytes} bytes > ${WECOM_MAX_CONTENT_BYTES}`
      : null;
  },
  request: (hook, body) => ({ url: hook.url ?? '', body: JSON.stringify(body) }),
  answer,
  pace: { count: 20, windowMs: 60_000, intervalMs: 0 },
};
