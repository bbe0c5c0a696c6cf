// Posting editions to chat webhooks: plan the messages, then send them in order, one webhook at a time,
// each message claimed in the store before it goes and finished after, so a re-run posts nothing twice
// (`resend` forces). Honours 429 waits; the first failure stops that edition on that webhook.
// Secrets (webhook URLs, tokens, signing keys) never appear in what this returns or logs.

import { type Clock, systemClock } from '../fetch/clock.ts';
import { allEntries, type Edition } from '../model/edition.ts';
import type { Permalinks } from '../render/permalinks.ts';
import type { Logger } from '../sources/source.ts';
import type { Delivery, Store } from '../store/store.ts';
import { channelOf, redact, type WebhookConfig } from './config.ts';
import { createPacer, type Pacer } from './pace.ts';
import type { WebhookPlatform } from './platform.ts';
import { PLATFORM } from './platforms.ts';
import { post } from './post.ts';
import { planMessages } from './split.ts';

export interface NotifyOptions {
  store: Store;
  links: Permalinks;
  /** Post again what was sent before. */
  resend?: boolean;
  clock?: Clock;
  log?: Logger;
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** Attempts per message when the platform says 429 (default 3). */
  attempts?: number;
  /** The longest wait asked for that is honoured; a longer one fails the message (default 60 s). */
  maxWaitMs?: number;
}

/** What happened to one edition on one webhook. */
export interface Notified {
  webhook: string;
  publication: string;
  date: string;
  /** Messages the edition takes on this platform (0: it has no entries, nothing is sent). */
  parts: number;
  /** Part numbers posted now. */
  sent: number[];
  /** Part numbers sent by an earlier run, left alone. */
  earlier: number[];
  /** Why it stopped short, or null when every part is delivered. */
  problem: string | null;
}

/** The JSON bodies (unsigned, without secrets) an edition becomes on a webhook's platform. */
export function payloadsFor(
  hook: WebhookConfig,
  edition: Edition,
  links: Permalinks,
): Record<string, unknown>[] {
  const platform = PLATFORM[hook.platform];
  return planMessages(
    edition,
    links,
    hook.format,
    (d) => platform.overLimit(platform.payload(d, hook)) === null,
  ).map((draft) => platform.payload(draft, hook));
}

/** Each (webhook, edition) in order; one webhook's messages are paced across its editions. */
export async function notify(
  jobs: { hook: WebhookConfig; edition: Edition }[],
  options: NotifyOptions,
): Promise<Notified[]> {
  const clock = options.clock ?? systemClock;
  const pacers = new Map<string, Pacer>();
  const results: Notified[] = [];
  for (const { hook, edition } of jobs) {
    const pacer = pacers.get(hook.id) ?? createPacer(PLATFORM[hook.platform].pace, clock);
    pacers.set(hook.id, pacer);
    results.push(await deliver(hook, edition, pacer, { ...options, clock }));
  }
  return results;
}

async function deliver(
  hook: WebhookConfig,
  edition: Edition,
  pacer: Pacer,
  options: NotifyOptions & { clock: Clock },
): Promise<Notified> {
  const { store } = options;
  const base = { channel: channelOf(hook), publication: edition.publication, date: edition.date };
  const done: Notified = {
    webhook: hook.id,
    publication: edition.publication,
    date: edition.date,
    parts: 0,
    sent: [],
    earlier: [],
    problem: null,
  };
  if (allEntries(edition).length === 0) return done;
  const payloads = payloadsFor(hook, edition, options.links);
  const total = payloads.length;
  done.parts = total;
  const before = new Map((await store.deliveries(base)).map((d) => [d.recipient, d]));
  const changed = options.resend ? null : changedSince(before, total);
  if (changed) return { ...done, problem: changed };
  for (const [index, payload] of payloads.entries()) {
    const part = index + 1;
    const key = { ...base, recipient: `part-${part}` };
    const claimed = await store.claimDelivery(key, {
      retryFailed: true,
      retryInterrupted: options.resend === true,
    });
    if (!claimed && before.get(key.recipient)?.status === 'sending' && !options.resend) {
      done.problem = `message ${part}/${total} was cut off in an earlier run and may have arrived; check the chat, then --resend`;
      break;
    }
    if (!claimed && !options.resend) {
      done.earlier.push(part);
      continue;
    }
    const result = await sendOne(PLATFORM[hook.platform], hook, payload, pacer, options);
    if (result.kind === 'sent') {
      await store.finishDelivery(key, 'sent', `${part}/${total} ${result.detail}`);
      done.sent.push(part);
      continue;
    }
    if (result.kind === 'failed')
      await store.finishDelivery(key, 'failed', `${part}/${total} ${result.error}`);
    // `unknown`: left `sending`, so no later run posts it again unless told to.
    const maybe = result.kind === 'unknown' ? '; it may have arrived — check the chat, then --resend' : '';
    done.problem = `message ${part}/${total}: ${result.error}${maybe}`;
    break;
  }
  return done;
}

/** When an earlier run sent this edition in a different number of messages, it has changed since. */
function changedSince(before: Map<string, Delivery>, total: number): string | null {
  const sent = [...before.values()].filter((d) => d.status === 'sent');
  const earlierTotal = sent.map((d) => Number(/^\d+\/(\d+)\b/.exec(d.detail ?? '')?.[1])).find((n) => n > 0);
  if (earlierTotal === undefined || earlierTotal === total) return null;
  return `sent earlier as ${earlierTotal} messages, the edition now takes ${total}; --resend posts it again`;
}

type SendResult =
  | { kind: 'sent'; detail: string }
  | { kind: 'failed'; error: string }
  | { kind: 'unknown'; error: string };

async function sendOne(
  platform: WebhookPlatform,
  hook: WebhookConfig,
  payload: Record<string, unknown>,
  pacer: Pacer,
  options: NotifyOptions & { clock: Clock },
): Promise<SendResult> {
  const { clock } = options;
  const attempts = options.attempts ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    await pacer.wait();
    const result = await post(platform.request(hook, payload, clock.now()), options.timeoutMs ?? 15_000);
    if (result.kind === 'unsent') return { kind: 'failed', error: redact(result.error, hook) };
    if (result.kind === 'unknown') return { kind: 'unknown', error: redact(result.error, hook) };
    const outcome = platform.answer(result.answer, clock.now());
    if (outcome.ok) return { kind: 'sent', detail: redact(outcome.detail, hook) };
    const wait = outcome.retryAfterMs;
    const error = redact(outcome.error, hook);
    if (wait === null) return { kind: 'failed', error };
    if (wait > maxWaitMs)
      return { kind: 'failed', error: `${error}; asked to wait ${wait} ms, more than ${maxWaitMs}` };
    if (attempt >= attempts)
      return { kind: 'failed', error: `${error}; still refused after ${attempts} attempts` };
    options.log?.info(`${hook.id}: the platform asked to wait ${wait} ms`);
    await clock.sleep(wait);
  }
}
