// Slack incoming webhooks: Block Kit sections of mrkdwn, with a plain `text` for notifications.
// What this relies on (docs.slack.dev: incoming webhooks, Block Kit section block, formatting text,
// rate limits):
// - body `{text, blocks}`; at most 50 blocks; a section's text at most 3000 characters;
// - mrkdwn: `&`, `<` and `>` escaped as `&amp;` `&lt;` `&gt;` are the only escapes, and enough: links and
//   mentions (`<url|text>`, `<!channel>`, `<@U…>`) all need a raw `<`;
// - messages are limited to about one a second; a 429 carries `Retry-After` (seconds);
// - success is HTTP 200 with the body `ok`; failures are 4xx with a reason (`invalid_blocks`, `no_text`).
// Messages whose blocks total more than about 13,000 characters are refused as `msg_blocks_too_long`
// although no limit is documented (slackapi/bolt-js#2509), so a message keeps under 12,000.

import { blockParagraphs, headline, type Markup, partLabel } from './markup.ts';
import type { Outcome, WebhookAnswer, WebhookPlatform } from './platform.ts';
import { excerpt, retryAfterHeader } from './post.ts';

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION = 3000;
export const SLACK_MAX_TOTAL = 12_000;

const escapeAmp = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const markup: Markup = {
  text: (text) => escapeAmp(text.replace(/\r/g, '')),
  bold: (m) => `*${m}*`,
  link: (m, url) => `<${url.replace(/&/g, '&amp;')}|${m}>`,
};

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

function answer(reply: WebhookAnswer, now: number): Outcome {
  if (reply.status === 429)
    return {
      ok: false,
      error: 'slack: too many requests (429)',
      retryAfterMs: retryAfterHeader(reply.headers, now),
    };
  if (reply.status === 200 && reply.text.trim() === 'ok') return { ok: true, detail: 'ok' };
  return { ok: false, error: `slack: HTTP ${reply.status}: ${excerpt(reply.text)}`, retryAfterMs: null };
}

type SlackBlock = { type: string; text?: { text?: string } };

export const slack: WebhookPlatform = {
  payload: (draft) => ({
    text: `${escapeAmp(draft.title)}${partLabel(draft)}`,
    blocks: [
      section(headline(draft, markup)),
      ...draft.blocks.map((b) => section(blockParagraphs(b, markup).join('\n'))),
    ],
    unfurl_links: false,
    unfurl_media: false,
  }),
  overLimit(body) {
    const blocks = body.blocks as SlackBlock[];
    if (blocks.length > SLACK_MAX_BLOCKS) return `${blocks.length} blocks > ${SLACK_MAX_BLOCKS}`;
    const lengths = blocks.map((b) => b.text?.text?.length ?? 0);
    const longest = Math.max(...lengths);
    if (longest > SLACK_MAX_SECTION) return `a section of ${longest} characters > ${SLACK_MAX_SECTION}`;
    const total = lengths.reduce((a, b) => a + b, 0);
    return total > SLACK_MAX_TOTAL ? `${total} characters in blocks > ${SLACK_MAX_TOTAL}` : null;
  },
  request: (hook, body) => ({ url: hook.url ?? '', body: JSON.stringify(body) }),
  answer,
  pace: { count: 60, windowMs: 60_000, intervalMs: 1000 },
};
