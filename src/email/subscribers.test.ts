import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { InputError } from '../errors.ts';
import type { MailContext } from './context.ts';
import { bounce, confirm, subscribe, unsubscribe } from './subscribers.ts';
import { testMailContext as newContext, startSmtpSink } from './testing.ts';
import { header, leaves, readMime } from './testing-mime.ts';

const sink = await startSmtpSink({ reject: ['ghost@example.com'] });
const contexts: MailContext[] = [];
after(async () => {
  for (const ctx of contexts) ctx.mailer.close();
  await sink.close();
});

async function testMailContext(...args: Parameters<typeof newContext>): Promise<MailContext> {
  const ctx = await newContext(...args);
  contexts.push(ctx);
  return ctx;
}

/** The token in the last confirmation mail to `to`. */
function mailedToken(to: string): string {
  const message = sink.messages.findLast((m) => m.to.includes(to));
  assert.ok(message, `a mail to ${to}`);
  const text = leaves(readMime(message.raw))[0]?.body ?? '';
  const token = /https:\/\/news\.example\.com\/ribao\/subscribe\/confirm\?token=([\w-]+)/.exec(text)?.[1];
  assert.ok(token, text);
  return token;
}

test('double opt-in: pending until the mailed token is confirmed; the store holds only its hash', async () => {
  const ctx = await testMailContext(sink.port);
  const { result } = await subscribe(ctx, 'Ann@Example.com', 'daily', {
    sections: ['论文'],
    keywords: ['agent'],
  });
  assert.equal(result, 'confirmation-sent');
  const pending = await ctx.store.subscriber('ann@example.com', 'daily');
  assert.deepEqual(
    [pending?.email, pending?.status, pending?.sections, pending?.keywords],
    ['Ann@example.com', 'pending', ['论文'], ['agent']],
  );
  const token = mailedToken('Ann@example.com');
  assert.ok(pending?.confirmHash && !pending.confirmHash.includes(token), 'the token itself is not stored');
  const mail = readMime(sink.messages.at(-1)?.raw ?? '');
  assert.match(header(mail, 'subject') ?? '', /请确认订阅「AI 日报」/);
  assert.deepEqual(
    leaves(mail).map((p) => p.type),
    ['text/plain', 'text/html'],
  );
  assert.equal(await confirm(ctx, 'x'.repeat(43)), null, 'an unknown token confirms nobody');
  assert.equal((await confirm(ctx, token))?.status, 'active');
  assert.equal(await confirm(ctx, token), null, 'a token works once');
  const again = await subscribe(ctx, 'ann@example.com', 'daily');
  assert.equal(again.result, 'already-active', 'an active subscription is left alone, nothing is sent');
  assert.deepEqual((await ctx.store.subscriber('ann@example.com', 'daily'))?.sections, ['论文']);
});

test('double opt-in: an unsubscribed or bounced address needs a new confirmation; links expire', async () => {
  let now = new Date('2026-11-20T08:00:00Z');
  const ctx = await testMailContext(sink.port, { now: () => now });
  await subscribe(ctx, 'bo@example.com', 'daily');
  const first = await confirm(ctx, mailedToken('bo@example.com'));
  assert.ok(first);
  assert.equal((await unsubscribe(ctx, first.unsubscribeToken, 'test'))?.status, 'unsubscribed');
  assert.equal(
    (await unsubscribe(ctx, first.unsubscribeToken, 'test'))?.status,
    'unsubscribed',
    'idempotent',
  );
  assert.equal((await subscribe(ctx, 'bo@example.com', 'daily')).result, 'confirmation-sent');
  assert.equal((await ctx.store.subscriber('bo@example.com', 'daily'))?.status, 'pending');
  const late = mailedToken('bo@example.com');
  now = new Date(now.getTime() + 73 * 3_600_000);
  assert.equal(await confirm(ctx, late), null, 'expired after 72 hours');
  assert.equal((await subscribe(ctx, 'bo@example.com', 'daily')).result, 'confirmation-sent');
  assert.equal((await confirm(ctx, mailedToken('bo@example.com')))?.status, 'active');
  assert.equal(await bounce(ctx, 'BO@example.com', 'bounced: 550'), 1);
  assert.equal((await ctx.store.subscriber('bo@example.com', 'daily'))?.status, 'bounced');
  assert.equal((await subscribe(ctx, 'bo@example.com', 'daily')).result, 'confirmation-sent');
  assert.equal((await ctx.store.subscriber('bo@example.com', 'daily'))?.status, 'pending');
});

test('confirmation mails are limited per address per day; the earlier link keeps working', async () => {
  let now = new Date('2026-11-20T08:00:00Z');
  const ctx = await testMailContext(sink.port, { now: () => now });
  const sent = () => sink.messages.filter((m) => m.to.includes('cy@example.com')).length;
  const before = sent();
  for (const publication of ['daily', 'papers', 'daily']) await subscribe(ctx, 'cy@example.com', publication);
  const token = mailedToken('cy@example.com');
  assert.equal((await subscribe(ctx, 'cy@example.com', 'papers')).result, 'rate-limited');
  assert.equal(sent() - before, 3, 'three mails, then none');
  assert.equal(
    (await confirm(ctx, token))?.publication,
    'daily',
    'a refused request does not replace the token',
  );
  now = new Date(now.getTime() + 25 * 3_600_000);
  assert.equal((await subscribe(ctx, 'cy@example.com', 'papers')).result, 'confirmation-sent');
});

test('subscribing checks the address, the publication and its sections before anything is stored', async () => {
  const ctx = await testMailContext(sink.port);
  const refused = async (fn: () => Promise<unknown>, message: RegExp) =>
    assert.rejects(fn, (e: unknown) => e instanceof InputError && message.test(e.message));
  await refused(() => subscribe(ctx, 'not-an-address', 'daily'), /^not-an-address: /);
  await refused(() => subscribe(ctx, 'a@example.com', 'weekly'), /^weekly: no such publication/);
  await refused(
    () => subscribe(ctx, 'a@example.com', 'daily', { sections: ['体育'], keywords: [] }),
    /^体育: not a section of daily/,
  );
  await refused(
    () => subscribe(ctx, 'a@example.com', 'papers', { sections: ['论文'], keywords: [] }),
    /papers has no sections/,
  );
  assert.deepEqual(await ctx.store.subscribers({}), []);
});

test('a confirmation mail refused with 550 suppresses the address and says so', async () => {
  const ctx = await testMailContext(sink.port);
  await assert.rejects(
    subscribe(ctx, 'ghost@example.com', 'daily'),
    /ghost@example\.com: the confirmation mail was not sent \(550/,
  );
  assert.equal((await ctx.store.subscriber('ghost@example.com', 'daily'))?.status, 'bounced');
});
