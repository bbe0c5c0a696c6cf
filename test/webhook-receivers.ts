// Loopback stand-ins for the six chat platforms' webhook endpoints. Each checks a request the way its
// platform does (route and token, signature and timestamp freshness, body shape, size limits) and
// answers in the platform's own shape. Written from the platforms' documents, independently of
// src/webhooks/, so a wrong assumption there shows up as a refusal here.

import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Arrival {
  url: URL;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are inspected freely by the tests
  body: any;
  at: number;
}

export interface Reply {
  status: number;
  /** Answer only after this long (a platform that takes too long). */
  delayMs?: number;
  headers?: Record<string, string>;
  body: string | Record<string, unknown>;
}

export interface Receiver {
  /** The URL (token included) to configure; for Telegram, the Bot API base. */
  url: string;
  /** Requests that passed every check and were answered with success. */
  accepted: Arrival[];
  /** Requests refused by a check, with the answer given. */
  refused: { arrival: Arrival; reply: Reply }[];
  /** Every request, including scripted answers. */
  attempts: Arrival[];
  /** Answer the next request with this instead of checking it. */
  script(reply: Reply): void;
}

export interface Receivers {
  feishu: Receiver;
  dingtalk: Receiver;
  wecom: Receiver;
  slack: Receiver;
  telegram: Receiver;
  discord: Receiver;
  close(): Promise<void>;
}

export interface Secrets {
  feishuToken: string;
  feishuSecret: string;
  dingtalkToken: string;
  dingtalkSecret: string;
  wecomKey: string;
  slackToken: string;
  botToken: string;
  chatId: string;
  discordToken: string;
}

type Check = (arrival: Arrival) => Reply | null;

const json = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Feishu: token in the path; signature key `${timestamp}\n${secret}` over '', within an hour; 20 KB body. */
function feishu(s: Secrets): { path: string; check: Check; ok: Reply } {
  const bad = json(400, { code: 9499, msg: 'Bad Request', data: {} });
  return {
    path: `/open-apis/bot/v2/hook/${s.feishuToken}`,
    ok: json(200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' }),
    check(a) {
      if (a.url.pathname !== `/open-apis/bot/v2/hook/${s.feishuToken}`)
        return json(404, {
          code: 19001,
          msg: 'param invalid: incoming webhook access token invalid',
          data: {},
        });
      if (bytes(a.raw) > 20 * 1024 || !a.body) return bad;
      const ts = Number(a.body.timestamp);
      const expected = createHmac('sha256', `${a.body.timestamp}\n${s.feishuSecret}`)
        .update('')
        .digest('base64');
      if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 3600 || a.body.sign !== expected)
        return json(200, {
          code: 19021,
          msg: 'sign match fail or timestamp is not within one hour from current time',
          data: {},
        });
      const card = a.body.card;
      const shaped =
        a.body.msg_type === 'interactive' &&
        typeof card?.header?.title?.content === 'string' &&
        Array.isArray(card.elements) &&
        card.elements.length > 0 &&
        card.elements.every(
          (e: { tag?: unknown; content?: unknown }) => e.tag === 'markdown' && typeof e.content === 'string',
        );
      return shaped ? null : bad;
    },
  };
}

/** DingTalk: access_token; `timestamp` (ms, within an hour) and `sign` = base64(HMAC(secret, ts\nsecret)). */
function dingtalk(s: Secrets): { path: string; check: Check; ok: Reply } {
  return {
    path: `/robot/send?access_token=${s.dingtalkToken}`,
    ok: json(200, { errcode: 0, errmsg: 'ok' }),
    check(a) {
      if (a.url.pathname !== '/robot/send' || a.url.searchParams.get('access_token') !== s.dingtalkToken)
        return json(200, { errcode: 300001, errmsg: 'token is not exist' });
      const ts = a.url.searchParams.get('timestamp') ?? '';
      const sign = a.url.searchParams.get('sign') ?? '';
      const expected = createHmac('sha256', s.dingtalkSecret)
        .update(`${ts}\n${s.dingtalkSecret}`)
        .digest('base64');
      if (!/^\d+$/.test(ts) || Math.abs(Date.now() - Number(ts)) > 3600_000 || sign !== expected)
        return json(200, {
          errcode: 310000,
          errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]',
        });
      if (bytes(a.raw) > 20_000)
        return json(200, {
          errcode: 460101,
          errmsg: 'description: body 大小不合法;solution:请保持大小在 20000bytes 以内;',
        });
      const md = a.body?.markdown;
      if (
        a.body?.msgtype !== 'markdown' ||
        typeof md?.title !== 'string' ||
        typeof md?.text !== 'string' ||
        !md.text
      )
        return json(200, { errcode: 40035, errmsg: '缺少参数 json' });
      return null;
    },
  };
}

/** WeCom: key in the URL; markdown.content at most 4096 bytes. */
function wecom(s: Secrets): { path: string; check: Check; ok: Reply } {
  return {
    path: `/cgi-bin/webhook/send?key=${s.wecomKey}`,
    ok: json(200, { errcode: 0, errmsg: 'ok' }),
    check(a) {
      if (a.url.pathname !== '/cgi-bin/webhook/send' || a.url.searchParams.get('key') !== s.wecomKey)
        return json(200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [0], from ip: 127.0.0.1' });
      const content = a.body?.markdown?.content;
      if (a.body?.msgtype !== 'markdown' || typeof content !== 'string' || !content)
        return json(200, { errcode: 40008, errmsg: 'invalid message type' });
      if (bytes(content) > 4096)
        return json(200, {
          errcode: 40058,
          errmsg: 'markdown.content exceed max length 4096. invalid Request Parameter',
        });
      return null;
    },
  };
}

/** Slack: text or blocks; at most 50 blocks; section text at most 3000 characters; answers `ok`. */
function slack(s: Secrets): { path: string; check: Check; ok: Reply } {
  const text = (status: number, body: string): Reply => ({
    status,
    body,
    headers: { 'content-type': 'text/plain' },
  });
  return {
    path: `/services/T0RIBAO/B0RIBAO/${s.slackToken}`,
    ok: text(200, 'ok'),
    check(a) {
      if (a.url.pathname !== `/services/T0RIBAO/B0RIBAO/${s.slackToken}`) return text(404, 'no_service');
      if (!a.body) return text(400, 'invalid_payload');
      const blocks = a.body.blocks;
      if (!a.body.text && !blocks) return text(400, 'no_text');
      if (blocks === undefined) return null;
      if (!Array.isArray(blocks) || blocks.length > 50) return text(400, 'invalid_blocks');
      const sectionOk = (b: { type?: unknown; text?: { type?: unknown; text?: unknown } }) =>
        b.type === 'section' &&
        (b.text?.type === 'mrkdwn' || b.text?.type === 'plain_text') &&
        typeof b.text.text === 'string' &&
        b.text.text.length > 0 &&
        Array.from(b.text.text).length <= 3000;
      return blocks.every(sectionOk) ? null : text(400, 'invalid_blocks');
    },
  };
}

/** Telegram's HTML: allowed tags only, balanced; `<`, `>`, `&` only as markup or entities. */
const TG_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre']);
const TG_MORE = new Set(['tg-spoiler', 'span', 'blockquote', 'tg-emoji']);

/** The text's length after parsing (UTF-16 units, as Telegram counts), or why Telegram refuses it. */
export function parseTelegramHtml(html: string): number | string {
  const stack: string[] = [];
  let visible = 0;
  const tokens = /<(\/?)([a-zA-Z-]*)([^<>]*)>|&([a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[<>&]|[^<>&]+/g;
  for (const [token, close, name, attrs = '', entity] of html.matchAll(tokens)) {
    if (name !== undefined) {
      const tag = name.toLowerCase();
      if (!TG_TAGS.has(tag) && !TG_MORE.has(tag)) return `Unsupported start tag "${tag}"`;
      if (close) {
        if (stack.pop() !== tag) return `Unmatched end tag "${tag}"`;
      } else if (tag === 'a' && !/^\s+href="[^"<>]*"\s*$/.test(attrs)) {
        return 'Bad attributes of tag "a"';
      } else if (
        tag !== 'a' &&
        tag !== 'span' &&
        attrs.trim() !== '' &&
        !/^\s+(class|emoji-id)=/.test(attrs)
      ) {
        return `Unexpected attributes of tag "${tag}"`;
      } else stack.push(tag);
      continue;
    }
    if (entity !== undefined) {
      if (/^[a-z]/i.test(entity) && !['lt', 'gt', 'amp', 'quot'].includes(entity))
        return `Unsupported HTML entity "&${entity};"`;
      visible += 1;
      continue;
    }
    if (token === '<' || token === '>' || token === '&')
      return `Character "${token}" is reserved and must be escaped`;
    visible += token.length;
  }
  return stack.length > 0 ? `Can't find end tag corresponding to start tag "${stack.at(-1)}"` : visible;
}

/** Telegram: the bot token in the path; chat_id; parse_mode HTML parsed; 4096 characters after parsing. */
function telegram(s: Secrets): { path: string; check: Check; ok: Reply } {
  const bad = (description: string, code = 400) => json(code, { ok: false, error_code: code, description });
  let messageId = 0;
  return {
    path: '',
    check(a) {
      if (a.url.pathname !== `/bot${s.botToken}/sendMessage`) return bad('Unauthorized', 401);
      if (String(a.body?.chat_id) !== s.chatId) return bad('Bad Request: chat not found');
      const text = a.body?.text;
      if (typeof text !== 'string' || text.trim() === '') return bad('Bad Request: message text is empty');
      if (a.body.parse_mode !== 'HTML') return bad('Bad Request: this receiver checks parse_mode HTML only');
      const parsed = parseTelegramHtml(text);
      if (typeof parsed === 'string') return bad(`Bad Request: can't parse entities: ${parsed}`);
      if (parsed > 4096) return bad('Bad Request: message is too long');
      messageId++;
      return null;
    },
    get ok() {
      return json(200, { ok: true, result: { message_id: messageId, date: 0, chat: { id: s.chatId } } });
    },
  };
}

/** Discord: id/token in the path; content 2000; 10 embeds; title 256, description 4096; 6000 in all. */
function discord(s: Secrets): { path: string; check: Check; ok: Reply } {
  const invalid = (field: string, message: string) =>
    json(400, {
      code: 50035,
      message: 'Invalid Form Body',
      errors: { [field]: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message }] } },
    });
  const len = (text: unknown) => (typeof text === 'string' ? Array.from(text).length : 0);
  return {
    path: `/api/webhooks/1234567890/${s.discordToken}`,
    ok: json(200, { id: '1', type: 0, content: '' }),
    check(a) {
      if (a.url.pathname !== `/api/webhooks/1234567890/${s.discordToken}`)
        return json(401, { message: 'Invalid Webhook Token', code: 50027 });
      const embeds: { title?: string; description?: string; author?: { name?: string } }[] =
        a.body?.embeds ?? [];
      if (!a.body?.content && embeds.length === 0)
        return json(400, { message: 'Cannot send an empty message', code: 50006 });
      if (len(a.body.content) > 2000) return invalid('content', 'Must be 2000 or fewer in length.');
      if (embeds.length > 10) return invalid('embeds', 'Must be 10 or fewer in length.');
      let total = 0;
      for (const e of embeds) {
        if (len(e.title) > 256) return invalid('embeds.title', 'Must be 256 or fewer in length.');
        if (len(e.description) > 4096)
          return invalid('embeds.description', 'Must be 4096 or fewer in length.');
        if (len(e.author?.name) > 256)
          return invalid('embeds.author.name', 'Must be 256 or fewer in length.');
        total += len(e.title) + len(e.description) + len(e.author?.name);
      }
      if (total > 6000) return invalid('embeds', 'Embed size exceeds maximum size of 6000');
      return null;
    },
  };
}

async function start(spec: {
  path: string;
  check: Check;
  ok: Reply;
}): Promise<Receiver & { server: Server }> {
  const queue: Reply[] = [];
  const receiver = {
    accepted: [] as Arrival[],
    refused: [] as Receiver['refused'],
    attempts: [] as Arrival[],
  };
  const server = createServer(async (req, res) => {
    const arrival = await arrive(req);
    receiver.attempts.push(arrival);
    const scripted = queue.shift();
    const refusal =
      scripted ?? (req.method === 'POST' ? spec.check(arrival) : { status: 405, body: 'POST only' });
    if (refusal && !scripted) receiver.refused.push({ arrival, reply: refusal });
    if (!refusal) receiver.accepted.push(arrival);
    const reply = refusal ?? spec.ok;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ...receiver, url: `http://127.0.0.1:${port}${spec.path}`, script: (r) => queue.push(r), server };
}

async function arrive(req: IncomingMessage): Promise<Arrival> {
  let raw = '';
  req.setEncoding('utf8');
  for await (const chunk of req) raw += chunk;
  let body: unknown = null;
  try {
    body = JSON.parse(raw);
  } catch {}
  return { url: new URL(req.url ?? '/', 'http://127.0.0.1'), raw, body, at: Date.now() };
}

export async function startReceivers(secrets: Secrets): Promise<Receivers> {
  const started = {
    feishu: await start(feishu(secrets)),
    dingtalk: await start(dingtalk(secrets)),
    wecom: await start(wecom(secrets)),
    slack: await start(slack(secrets)),
    telegram: await start(telegram(secrets)),
    discord: await start(discord(secrets)),
  };
  return {
    ...started,
    close: async () => {
      for (const r of Object.values(started)) {
        r.server.closeAllConnections();
        await new Promise<void>((resolve) => r.server.close(() => resolve()));
      }
    },
  };
}
