// Chat webhooks end to end: a real edition (Chinese text, 贡献人, hostile titles, 80 entries) posted to
// loopback receivers that check what each platform checks; deliveries kept in a real SQLite store.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import type { CliContext } from '../src/cli/command.ts';
import notifyCommand from '../src/cli/commands/notify.ts';
import { ConfigSchema } from '../src/config/schema.ts';
import { UsageError } from '../src/errors.ts';
import type { Clock } from '../src/fetch/clock.ts';
import type { Edition, EditionEntry } from '../src/model/edition.ts';
import { permalinks } from '../src/render/permalinks.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import type { WebhookConfig } from '../src/webhooks/config.ts';
import { type Notified, notify } from '../src/webhooks/send.ts';
import { ROOT, ribao, tempDir } from './helpers.ts';
import {
  type Arrival,
  type Receiver,
  type Receivers,
  type Secrets,
  startReceivers,
} from './webhook-receivers.ts';

const SECRETS: Secrets = {
  feishuToken: 'feishu-tok-1b2c3d4e5f',
  feishuSecret: 'feishu-signing-secret-9z8y',
  dingtalkToken: 'dingtalk-tok-6a7b8c9d0e',
  dingtalkSecret: 'SECdingtalk-secret-5x4w',
  wecomKey: 'wecom-key-0f9e8d7c6b',
  slackToken: 'slackHookToken3a4b5c6d',
  botToken: '123456:telegram-bot-token-q1w2',
  chatId: '-1001234567890',
  discordToken: 'discord-hook-token-m3n4b5',
};
const LINKS = permalinks('https://ribao.example/');
const HOSTILE =
  'E000 **粗体** [点我](javascript:alert(1)) <script>alert(1)</script> @everyone @here <!channel> <at id=all></at> <@all> <font color="warning">红</font>';

function entry(i: number, over: Partial<EditionEntry> = {}): EditionEntry {
  const id = `E${String(i).padStart(3, '0')}`;
  return {
    storyId: `story${id}`,
    kind: i > 50 ? 'paper' : 'article',
    originalTitle: `Original title ${id}`,
    title: `${id} 大模型推理加速的新方法（第 ${i} 篇）`,
    body: `${'研究人员提出了一种新的注意力机制，在长上下文任务上显著降低了显存占用。'.repeat(3 + (i % 9))}代码见 https://github.com/example/repo_${i} 。`,
    originalBody: '',
    originalLang: 'en',
    publishedAt: null,
    updatedAt: null,
    writtenBy: null,
    translated: true,
    edited: false,
    url: `https://example.com/news/${i}?a=1&b=(2)`,
    image: null,
    contributor: i % 3 === 0 ? `贡献者${i}` : null,
    score: 1,
    links: [],
    ...over,
  };
}

/** 80 entries (one hostile, one far longer than any message) in sections and a sub-section. */
function longEdition(): Edition {
  const hostile = entry(0, {
    title: HOSTILE,
    url: 'javascript:alert(1)',
    contributor: 'everyone <@U123> <!here>',
    body: '正文 <b>未闭合 & @all <!here> [x](http://evil.example) `code` # 标题 > 引用 <@wangqing> @13800001111',
  });
  const all = Array.from({ length: 80 }, (_, i) => entry(i + 1));
  all[39] = entry(40, { body: '超长正文。'.repeat(2500) });
  return {
    publication: 'daily',
    title: 'AI 日报',
    template: 'daily-report',
    date: '2026-11-20',
    lead: 'E-LEAD 今日导读：推理加速与长上下文仍是主线。',
    sections: [
      {
        title: '资讯',
        entries: [],
        children: [
          { title: '研究', entries: [hostile, ...all.slice(0, 30)], children: [] },
          { title: '产业', entries: all.slice(30, 50), children: [] },
        ],
      },
      { title: '论文', entries: all.slice(50), children: [] },
    ],
    untranslated: 1,
    flagged: 0,
  };
}

function smallEdition(): Edition {
  return {
    ...longEdition(),
    sections: [{ title: '研究', entries: [entry(1), entry(2)], children: [] }],
    lead: null,
  };
}

function hooksFor(r: Receivers): WebhookConfig[] {
  const base = { publications: ['daily'], format: 'full' as const };
  return [
    { id: 'feishu', platform: 'feishu', url: r.feishu.url, secret: SECRETS.feishuSecret, ...base },
    { id: 'dingtalk', platform: 'dingtalk', url: r.dingtalk.url, secret: SECRETS.dingtalkSecret, ...base },
    { id: 'wecom', platform: 'wecom', url: r.wecom.url, ...base },
    { id: 'slack', platform: 'slack', url: r.slack.url, ...base },
    {
      id: 'telegram',
      platform: 'telegram',
      url: r.telegram.url,
      botToken: SECRETS.botToken,
      chatId: SECRETS.chatId,
      ...base,
    },
    { id: 'discord', platform: 'discord', url: r.discord.url, ...base },
  ];
}

/** A clock that records waits and moves on at once (or really waits, `real`). */
function recordingClock(real = false): Clock & { waits: number[] } {
  let t = Date.now();
  const waits: number[] = [];
  return {
    waits,
    now: () => (real ? Date.now() : t),
    sleep: async (ms) => {
      waits.push(ms);
      if (real) await new Promise((resolve) => setTimeout(resolve, ms));
      else t += ms;
    },
  };
}

/** The readable text of one message, whatever the platform. */
function textOf(platform: string, a: Arrival): string {
  const b = a.body;
  switch (platform) {
    case 'feishu':
      return [
        b.card.header.title.content,
        ...b.card.elements.map((e: { content: string }) => e.content),
      ].join('\n');
    case 'dingtalk':
      return `${b.markdown.title}\n${b.markdown.text}`;
    case 'wecom':
      return b.markdown.content;
    case 'slack':
      return [b.text, ...b.blocks.map((x: { text: { text: string } }) => x.text.text)].join('\n');
    case 'telegram':
      return b.text;
    default:
      return [
        b.content,
        ...b.embeds.flatMap((e: { title: string; description?: string; author?: { name: string } }) => [
          e.author?.name ?? '',
          e.title,
          e.description ?? '',
        ]),
      ].join('\n');
  }
}

const PLATFORMS = ['feishu', 'dingtalk', 'wecom', 'slack', 'telegram', 'discord'] as const;
const EXPECTED = ['E000', ...Array.from({ length: 80 }, (_, i) => `E${String(i + 1).padStart(3, '0')}`)];
let receivers: Receivers;
let store: Store;

before(async () => {
  receivers = await startReceivers(SECRETS);
  store = await openStore(join(tempDir(), 'ribao.db'));
});
after(async () => {
  await receivers.close();
  await store.close();
});

const receiver = (name: string): Receiver => receivers[name as keyof Omit<Receivers, 'close'>];
const counts = () => PLATFORMS.map((p) => receiver(p).accepted.length);

test('every platform receives all 81 entries in order, split within its limits, signed and inert', async () => {
  const edition = longEdition();
  const results = await notify(
    hooksFor(receivers).map((hook) => ({ hook, edition })),
    {
      store,
      links: LINKS,
      clock: recordingClock(),
    },
  );
  for (const [i, platform] of PLATFORMS.entries()) {
    const r = receiver(platform);
    const result = results[i] as Notified;
    assert.equal(result.problem, null, `${platform}: ${result.problem}`);
    assert.deepEqual(r.refused, [], `${platform} refused nothing`);
    assert.ok(result.parts > 1, `${platform} splits the long edition`);
    assert.equal(r.accepted.length, result.parts);
    const texts = r.accepted.map((a) => textOf(platform, a));
    for (const [n, text] of texts.entries())
      assert.ok(text.includes(`(${n + 1}/${result.parts})`), `${platform} numbers part ${n + 1}`);
    const perMessage = texts.map((t) => [...new Set(t.match(/E\d{3}\b/g) ?? [])]);
    assert.deepEqual(perMessage.flat(), EXPECTED, `${platform}: every entry once, in order`);
    const all = texts.join('\n');
    assert.ok(all.includes('今日导读') && all.includes('尚未翻译'), `${platform}: lead and note`);
    assert.ok(all.includes('贡献者3') && all.includes('贡献人'), `${platform}: credit`);
    assert.ok(
      /研究（续）|产业（续）|论文（续）/.test(all),
      `${platform}: a section continued across messages`,
    );
    const long = texts.find((t) => t.includes('E040')) ?? '';
    assert.ok(long.includes('阅读全文') && long.includes('https://ribao.example/daily/story/storyE040.html'));
    assertInert(platform, r.accepted);
    const rows = await store.deliveries({ channel: `webhook:${platform}` });
    assert.deepEqual(
      rows.map((d) => d.status),
      Array(result.parts).fill('sent'),
    );
  }
});

/** The hostile entry made no link, mention or markup on any platform. */
function assertInert(platform: string, arrivals: Arrival[]): void {
  const raw = arrivals.map((a) => a.raw).join('\n');
  const text = arrivals.map((a) => textOf(platform, a)).join('\n');
  assert.doesNotMatch(
    raw,
    /href=\\?"javascript:|<javascript:|"url":"javascript:/i,
    `${platform}: no javascript: link`,
  );
  if (!['slack', 'telegram'].includes(platform))
    assert.doesNotMatch(text, /\]\(javascript:/, `${platform}: no Markdown link`);
  if (platform === 'slack') assert.doesNotMatch(text, /<[!@]|<script/);
  if (platform === 'telegram') assert.doesNotMatch(text, /<script|@everyone|@all\b/);
  if (platform === 'feishu') assert.doesNotMatch(text, /<at|<script|<font/);
  if (platform === 'dingtalk' || platform === 'wecom') assert.doesNotMatch(text, /[<>]|\[点我\]/);
  if (platform === 'dingtalk') for (const a of arrivals) assert.deepEqual(a.body.at.isAtAll, false);
  if (platform === 'discord') {
    assert.doesNotMatch(text, /(?<!\\)<|@everyone|@here/);
    for (const a of arrivals) assert.deepEqual(a.body.allowed_mentions, { parse: [] });
  }
}

test('a second run posts nothing; resend posts every message again', async () => {
  const edition = longEdition();
  const jobs = hooksFor(receivers).map((hook) => ({ hook, edition }));
  const before = counts();
  const again = await notify(jobs, { store, links: LINKS, clock: recordingClock() });
  assert.deepEqual(counts(), before);
  for (const r of again) assert.deepEqual([r.sent, r.earlier.length, r.problem], [[], r.parts, null]);
  const shorter = { ...edition, sections: edition.sections.slice(1) };
  const changed = await notify([{ hook: jobs[0]?.hook as WebhookConfig, edition: shorter }], {
    store,
    links: LINKS,
  });
  assert.match(
    changed[0]?.problem ?? '',
    /sent earlier as \d+ messages, the edition now takes \d+; --resend/,
  );
  assert.deepEqual(counts(), before);
  const forced = await notify(jobs, { store, links: LINKS, clock: recordingClock(), resend: true });
  assert.deepEqual(
    counts(),
    before.map((n, i) => n + (forced[i] as Notified).parts),
  );
});

test('429: Retry-After (header or body) is waited out, then the message goes', async () => {
  const edition = { ...smallEdition(), date: '2026-11-21' };
  const hooks = hooksFor(receivers);
  const [slack, telegram, discord] = ['slack', 'telegram', 'discord'].map(
    (id) => hooks.find((h) => h.id === id) as WebhookConfig,
  );
  receivers.slack.script({ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
  const real = recordingClock(true);
  const [slackResult] = await notify([{ hook: slack as WebhookConfig, edition }], {
    store,
    links: LINKS,
    clock: real,
  });
  assert.equal(slackResult?.problem, null);
  const [first, second] = receivers.slack.attempts.slice(-2) as [Arrival, Arrival];
  assert.ok(second.at - first.at >= 990, 'the second attempt came after the second asked for');
  receivers.telegram.script({
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    },
  });
  receivers.discord.script({
    status: 429,
    headers: { 'retry-after': '2' },
    body: { message: 'You are being rate limited.', retry_after: 1.5, global: false },
  });
  const clock = recordingClock();
  const results = await notify(
    [telegram, discord].map((hook) => ({ hook: hook as WebhookConfig, edition })),
    { store, links: LINKS, clock },
  );
  assert.deepEqual(
    results.map((r) => r.problem),
    [null, null],
  );
  assert.ok(clock.waits.includes(2000) && clock.waits.includes(1500), `waits: ${clock.waits.join(', ')}`);
});

test('a refusal is reported with the platform’s message, recorded, and retried by the next run', async () => {
  const edition = { ...smallEdition(), date: '2026-11-22' };
  const hooks = hooksFor(receivers);
  const ding = hooks.find((h) => h.id === 'dingtalk') as WebhookConfig;
  const feishu = hooks.find((h) => h.id === 'feishu') as WebhookConfig;
  const wrong = { ...ding, secret: 'SECnot-the-right-secret' };
  const [refused] = await notify([{ hook: wrong, edition }], { store, links: LINKS });
  assert.match(refused?.problem ?? '', /errcode 310000: sign not match/);
  const stale = recordingClock();
  stale.now = () => Date.now() - 2 * 3600_000;
  const [old] = await notify([{ hook: feishu, edition }], { store, links: LINKS, clock: stale });
  assert.match(old?.problem ?? '', /code 19021/);
  receivers.wecom.script({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
  const wecom = hooks.find((h) => h.id === 'wecom') as WebhookConfig;
  const [bad] = await notify([{ hook: wecom, edition }], { store, links: LINKS });
  assert.match(bad?.problem ?? '', /errcode 93000/);
  const rows = await store.deliveries({ date: '2026-11-22' });
  assert.deepEqual(
    rows.map((d) => d.status),
    ['failed', 'failed', 'failed'],
  );
  const problems =
    [refused, old, bad].map((r) => r?.problem ?? '').join('\n') + rows.map((d) => d.detail).join('\n');
  for (const secret of Object.values(SECRETS)) assert.ok(!problems.includes(secret), 'no secret in errors');
  const retried = await notify(
    [ding, feishu, wecom].map((hook) => ({ hook, edition })),
    { store, links: LINKS },
  );
  assert.deepEqual(
    retried.map((r) => [r.problem, r.sent]),
    [
      [null, [1]],
      [null, [1]],
      [null, [1]],
    ],
  );
});

test('a message that may have arrived is never posted again without --resend', async () => {
  const edition = { ...smallEdition(), date: '2026-11-23' };
  const wecom = hooksFor(receivers).find((h) => h.id === 'wecom') as WebhookConfig;
  receivers.wecom.script({ status: 200, delayMs: 400, body: { errcode: 0, errmsg: 'ok' } });
  const [slow] = await notify([{ hook: wecom, edition }], { store, links: LINKS, timeoutMs: 100 });
  assert.match(slow?.problem ?? '', /no answer within 100 ms; it may have arrived/);
  assert.deepEqual(
    (await store.deliveries({ date: '2026-11-23' })).map((d) => d.status),
    ['sending'],
  );
  const before = receivers.wecom.attempts.length;
  const [again] = await notify([{ hook: wecom, edition }], { store, links: LINKS });
  assert.match(again?.problem ?? '', /cut off in an earlier run/);
  assert.equal(receivers.wecom.attempts.length, before);
  const [forced] = await notify([{ hook: wecom, edition }], { store, links: LINKS, resend: true });
  assert.deepEqual([forced?.problem, forced?.sent], [null, [1]]);
});

test('the receivers refuse what the platforms refuse, in their own words', async () => {
  const big = '大'.repeat(7000);
  const postTo = async (url: string, body: unknown) => {
    const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };
  const wecom = await postTo(receivers.wecom.url, { msgtype: 'markdown', markdown: { content: big } });
  assert.match(wecom.text, /"errcode":40058/);
  const ding = await postTo(receivers.dingtalk.url, {
    msgtype: 'markdown',
    markdown: { title: 't', text: big },
  });
  assert.match(ding.text, /"errcode":310000/, 'unsigned is refused before anything else');
  const feishu = await postTo(receivers.feishu.url, {
    msg_type: 'interactive',
    card: { elements: [] },
    pad: big,
  });
  assert.deepEqual([feishu.status, JSON.parse(feishu.text).code], [400, 9499]);
  const slack = await postTo(receivers.slack.url, {
    text: 'x',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: big } }],
  });
  assert.deepEqual(slack, { status: 400, text: 'invalid_blocks' });
  const tg = `${receivers.telegram.url}/bot${SECRETS.botToken}/sendMessage`;
  const unbalanced = await postTo(tg, { chat_id: SECRETS.chatId, text: '<b>粗体', parse_mode: 'HTML' });
  assert.match(unbalanced.text, /can't parse entities/);
  const long = await postTo(tg, { chat_id: SECRETS.chatId, text: 'x'.repeat(4097), parse_mode: 'HTML' });
  assert.match(long.text, /message is too long/);
  const discord = await postTo(receivers.discord.url, { content: big });
  assert.deepEqual([discord.status, JSON.parse(discord.text).code], [400, 50035]);
});

test('ribao notify: built editions go out once; --resend, --webhook, --dry-run; no secret printed', async () => {
  const cwd = tempDir();
  for (const args of [['import', join(ROOT, 'samples', 'sources', 'ai-news.rss.xml')], ['build']])
    assert.equal((await ribao(args, { cwd })).code, 0);
  const cliStore = await openStore(join(cwd, 'data', 'ribao.db'));
  const config = { ...ConfigSchema.parse({}), webhooks: hooksFor(receivers) };
  const printed: string[] = [];
  const run = async (values: Record<string, unknown>) => {
    let stdout = '';
    const ctx: CliContext = {
      globals: {},
      config: async () => config,
      store: async () => cliStore,
      stdout: new Writable({
        write(chunk, _encoding, done) {
          stdout += chunk;
          done();
        },
      }),
      log: { info: (m) => printed.push(m), warn: (m) => printed.push(m), debug: (m) => printed.push(m) },
      progress: () => {},
    };
    const code = await notifyCommand.run(ctx, { values: { date: '2026-11-20', ...values }, positionals: [] });
    printed.push(stdout);
    return { code, stdout };
  };
  try {
    const before = counts();
    const first = await run({});
    assert.equal(first.code, 0, first.stdout);
    assert.equal(
      first.stdout.match(/daily 2026-11-20: sent (\d+) of \1 messages$/gm)?.length,
      6,
      first.stdout,
    );
    const afterFirst = counts();
    assert.ok(afterFirst.every((n, i) => n > (before[i] as number)));
    const second = await run({});
    assert.equal(second.code, 0);
    assert.equal(
      second.stdout.match(/sent 0 of (\d+) messages, \1 sent earlier$/gm)?.length,
      6,
      second.stdout,
    );
    assert.deepEqual(counts(), afterFirst);
    assert.equal((await run({ webhook: ['slack'], resend: true })).code, 0);
    const slackParts = Number(/^slack daily 2026-11-20: sent (\d+)/m.exec(first.stdout)?.[1]);
    assert.deepEqual(
      counts().map((n, i) => n - (afterFirst[i] as number)),
      PLATFORMS.map((p) => (p === 'slack' ? slackParts : 0)),
    );
    const dry = await run({ 'dry-run': true });
    const plans = JSON.parse(dry.stdout) as { webhook: string; messages: unknown[] }[];
    assert.deepEqual(
      plans.map((p) => p.webhook),
      PLATFORMS,
    );
    assert.ok(plans.every((p) => p.messages.length > 0));
    const unbuilt = await run({ date: '2026-01-01' });
    assert.equal(unbuilt.code, 1);
    assert.match(unbuilt.stdout, /daily 2026-01-01: not built yet/);
    await assert.rejects(run({ webhook: ['nope'] }), UsageError);
    const everything = printed.join('\n');
    const { chatId: _notSecret, ...secrets } = SECRETS;
    for (const secret of Object.values(secrets)) assert.ok(!everything.includes(secret), `${secret} printed`);
  } finally {
    await cliStore.close();
  }
});
