import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Subscriber } from '../store/store.ts';
import type { MailContext } from './context.ts';
import { sendEdition } from './send.ts';
import { newToken } from './subscribers.ts';
import { type SinkOptions, sampleEdition, startSmtpSink, testMailContext } from './testing.ts';
import { leaves, readMime } from './testing-mime.ts';

const contexts: MailContext[] = [];
const sinks: { close(): Promise<void> }[] = [];
after(async () => {
  for (const ctx of contexts) ctx.mailer.close();
  for (const sink of sinks) await sink.close();
});

async function setup(options: SinkOptions = {}, timeoutMs = 10_000) {
  const sink = await startSmtpSink(options);
  sinks.push(sink);
  const ctx = await testMailContext(sink.port, {
    email: {
      smtp: {
        host: '127.0.0.1',
        port: sink.port,
        requireTls: false,
        secure: false,
        user: null,
        password: null,
        pool: true,
        timeoutMs,
      },
    },
  });
  contexts.push(ctx);
  const add = async (email: string, sections: string[] = [], keywords: string[] = []) => {
    const row: Subscriber = {
      email,
      publication: 'daily',
      status: 'active',
      sections,
      keywords,
      unsubscribeToken: newToken(),
      confirmHash: null,
      confirmExpiresAt: null,
      detail: null,
      createdAt: 't',
      confirmedAt: 't',
      updatedAt: 't',
    };
    await ctx.store.putSubscriber(row);
  };
  const received = (to: string) => sink.messages.filter((m) => m.to.includes(to));
  return { sink, ctx, add, received };
}

test('each subscriber gets their own cut, once; a second run refuses unless told to resume', async () => {
  const { ctx, add, received, sink } = await setup();
  await add('all@example.com');
  await add('papers@example.com', ['论文']);
  await add('agents@example.com', [], ['agent']);
  await add('sports@example.com', ['学习']);
  const report = await sendEdition(ctx, sampleEdition());
  assert.deepEqual(report.sent, ['agents@example.com', 'all@example.com', 'papers@example.com']);
  assert.deepEqual(report.skipped, ['sports@example.com'], 'nothing matched: skipped, not mailed');
  const text = (to: string) => leaves(readMime(received(to)[0]?.raw ?? ''))[0]?.body ?? '';
  assert.match(text('papers@example.com'), /长上下文评测/);
  assert.doesNotMatch(text('papers@example.com'), /稀疏格点路由|Orbital/);
  assert.match(text('agents@example.com'), /稀疏格点路由/);
  assert.doesNotMatch(text('agents@example.com'), /长上下文评测|Orbital/);
  assert.match(text('all@example.com'), /稀疏格点路由[\s\S]*Orbital[\s\S]*长上下文评测/);
  await assert.rejects(
    sendEdition(ctx, sampleEdition()),
    /daily 2026-11-20 was already mailed \(3 sent, 1 skipped/,
  );
  await add('late@example.com');
  const resumed = await sendEdition(ctx, sampleEdition(), { resume: true });
  assert.deepEqual(resumed.sent, ['late@example.com']);
  assert.deepEqual(resumed.earlier, { sent: 3, skipped: 1, failed: 0 });
  assert.equal(sink.messages.length, 4, 'nobody mailed twice');
  const dry = await sendEdition(ctx, sampleEdition({ date: '2026-11-21' }), { dryRun: true });
  assert.equal(dry.sent.length, 4);
  assert.equal(sink.messages.length, 4, 'a dry run sends nothing');
  assert.deepEqual(await ctx.store.deliveries({ date: '2026-11-21' }), [], 'and claims nothing');
});

test('550 bounces and suppresses; 451 and a spam refusal fail and are retried only when asked', async () => {
  const options: SinkOptions = {
    reject: ['gone@example.com'],
    defer: ['busy@example.com'],
    rejectData: ['picky@example.com'],
  };
  const { ctx, add, received } = await setup(options);
  for (const a of ['busy@example.com', 'gone@example.com', 'ok@example.com', 'picky@example.com'])
    await add(a);
  const report = await sendEdition(ctx, sampleEdition());
  assert.deepEqual(report.sent, ['ok@example.com']);
  assert.deepEqual(
    report.bounced.map((f) => f.recipient),
    ['gone@example.com'],
  );
  assert.match(report.bounced[0]?.detail ?? '', /^550 5\.1\.1/);
  assert.deepEqual(
    report.failed.map((f) => [f.recipient, f.detail.slice(0, 9)]),
    [
      ['busy@example.com', '451 4.2.1'],
      ['picky@example.com', '554 5.7.1'],
    ],
  );
  const status = async (email: string) => (await ctx.store.subscriber(email, 'daily'))?.status;
  assert.equal(await status('gone@example.com'), 'bounced');
  assert.equal(await status('picky@example.com'), 'active', 'a refusal of the message is not a dead mailbox');
  options.defer = [];
  options.rejectData = [];
  const resumed = await sendEdition(ctx, sampleEdition(), { resume: true });
  assert.deepEqual(
    [resumed.sent, resumed.earlier],
    [[], { sent: 1, skipped: 0, failed: 2 }],
    'failed ones wait',
  );
  const retried = await sendEdition(ctx, sampleEdition(), { retryFailed: true });
  assert.deepEqual(retried.sent, ['busy@example.com', 'picky@example.com']);
  const next = await sendEdition(ctx, sampleEdition({ date: '2026-11-21' }));
  assert.ok(
    !next.sent.includes('gone@example.com') && received('gone@example.com').length === 0,
    'suppressed',
  );
  assert.equal(next.sent.length, 3);
});

test('a reply that never comes leaves the delivery "possibly sent": reported, re-sent only when asked', async () => {
  const { ctx, add, received } = await setup({ hangAt: 2 }, 400);
  for (const a of ['a@example.com', 'b@example.com', 'c@example.com']) await add(a);
  const report = await sendEdition(ctx, sampleEdition());
  assert.deepEqual(report.sent, ['a@example.com']);
  assert.deepEqual(report.interrupted, ['b@example.com']);
  assert.match(report.stopped ?? '', /the SMTP connection failed/);
  assert.equal(received('b@example.com').length, 1, 'the server took it; the sender never heard back');
  const resumed = await sendEdition(ctx, sampleEdition(), { resume: true });
  assert.deepEqual([resumed.sent, resumed.interrupted], [['c@example.com'], ['b@example.com']]);
  assert.equal(received('b@example.com').length, 1, 'not sent twice');
  const forced = await sendEdition(ctx, sampleEdition(), { resendInterrupted: true });
  assert.deepEqual(forced.sent, ['b@example.com'], 'sent again when the operator says so');
  const [first, second] = received('b@example.com').map((m) => /Message-ID: (\S+)/i.exec(m.raw)?.[1]);
  assert.equal(first, second, 'the copy carries the same Message-ID, so clients can fold it');
});
