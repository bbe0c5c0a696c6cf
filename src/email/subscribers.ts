// The subscription rules: double opt-in (pending until the mailed link is confirmed by a POST),
// unsubscribing by token, suppressing hard bounces, and the per-address limit on confirmation mails.
// Rows are the store's; the confirmation mail's wording is confirmation.ts's.

import { createHash, randomBytes } from 'node:crypto';
import type { Config, SectionConfig } from '../config/schema.ts';
import { InputError, RibaoError } from '../errors.ts';
import type { Subscriber } from '../store/store.ts';
import { normalizeAddress } from './address.ts';
import { confirmationMail } from './confirmation.ts';
import type { MailContext } from './context.ts';

export interface Prefs {
  sections: string[];
  keywords: string[];
}

export type SubscribeResult = 'confirmation-sent' | 'already-active' | 'rate-limited';

/** A random token for a link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a confirmation token: its SHA-256, so a copy of the database confirms nobody. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Start (or restart) a subscription: the address is stored `pending` and sent a confirmation link.
 * An active subscription is left as it is; an unsubscribed or bounced one needs a new confirmation.
 * The answer is the same whatever the address's history, so a form cannot be used to probe it.
 */
export async function subscribe(
  ctx: MailContext,
  input: string,
  publication: string,
  prefs: Prefs = { sections: [], keywords: [] },
): Promise<{ result: SubscribeResult; subscriber: Subscriber | null }> {
  const email = normalizeAddress(input);
  const checked = checkPrefs(ctx.config, publication, prefs);
  const now = ctx.now();
  const token = newToken();
  const planned = await ctx.store.transaction(async (store) => {
    const existing = await store.subscriber(email, publication);
    if (existing?.status === 'active') return { result: 'already-active' as const, subscriber: existing };
    const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
    if ((await store.confirmationMails(email, dayAgo)) >= ctx.email.confirm.perDay) {
      return { result: 'rate-limited' as const, subscriber: existing };
    }
    const subscriber: Subscriber = {
      email,
      publication,
      status: 'pending',
      ...checked,
      unsubscribeToken: existing?.unsubscribeToken ?? newToken(),
      confirmHash: tokenHash(token),
      confirmExpiresAt: new Date(now.getTime() + ctx.email.confirm.ttlHours * 3_600_000).toISOString(),
      detail: existing ? `resubscribed (was ${existing.status})` : null,
      createdAt: existing?.createdAt ?? now.toISOString(),
      confirmedAt: null,
      updatedAt: now.toISOString(),
    };
    await store.putSubscriber(subscriber);
    await store.logConfirmationMail(email, now.toISOString());
    return { result: 'confirmation-sent' as const, subscriber };
  });
  if (planned.result !== 'confirmation-sent' || !planned.subscriber) return planned;
  const outcome = await ctx.mailer.send(confirmationMail(ctx, planned.subscriber, token));
  if (outcome.status === 'bounced') await bounce(ctx, email, outcome.detail);
  if (outcome.status !== 'sent') {
    throw new RibaoError(`${email}: the confirmation mail was not sent (${outcome.detail})`);
  }
  ctx.log.debug(`confirmation mail to ${email} for ${publication}: ${outcome.detail}`);
  return planned;
}

/** Confirm by the mailed token (POST only: see routes.ts). Null when unknown, used or expired. */
export async function confirm(ctx: MailContext, token: string): Promise<Subscriber | null> {
  if (!TOKEN.test(token)) return null;
  const now = ctx.now().toISOString();
  return ctx.store.transaction(async (store) => {
    const found = await store.findSubscriber({ confirmHash: tokenHash(token) });
    if (found?.status !== 'pending' || (found.confirmExpiresAt ?? '') < now) return null;
    const active: Subscriber = {
      ...found,
      status: 'active',
      confirmHash: null,
      confirmExpiresAt: null,
      detail: null,
      confirmedAt: now,
      updatedAt: now,
    };
    await store.putSubscriber(active);
    return active;
  });
}

/** Unsubscribe by the token printed in every mail. Null when the token is unknown; idempotent. */
export async function unsubscribe(ctx: MailContext, token: string, how: string): Promise<Subscriber | null> {
  if (!TOKEN.test(token)) return null;
  const now = ctx.now().toISOString();
  return ctx.store.transaction(async (store) => {
    const found = await store.findSubscriber({ unsubscribeToken: token });
    if (!found || found.status === 'unsubscribed' || found.status === 'bounced') return found;
    const done: Subscriber = {
      ...found,
      status: 'unsubscribed',
      confirmHash: null,
      confirmExpiresAt: null,
      detail: `unsubscribed (${how})`,
      updatedAt: now,
    };
    await store.putSubscriber(done);
    return done;
  });
}

/** A hard bounce: every pending or active subscription of the address is suppressed. Returns how many. */
export async function bounce(ctx: Pick<MailContext, 'store' | 'now'>, input: string, detail: string) {
  const email = normalizeAddress(input);
  const now = ctx.now().toISOString();
  return ctx.store.transaction(async (store) => {
    const live = (await store.subscribers({ email })).filter(
      (s) => s.status === 'active' || s.status === 'pending',
    );
    for (const s of live) {
      await store.putSubscriber({ ...s, status: 'bounced', confirmHash: null, detail, updatedAt: now });
    }
    return live.length;
  });
}

/** Every section title of a publication, at any depth: what a subscriber may choose. */
export function sectionTitles(config: Config, publication: string): string[] {
  const found = config.publications[publication];
  const walk = (sections: SectionConfig[]): string[] =>
    sections.flatMap((s) => [s.title, ...walk(s.children ?? [])]);
  return found && found.template !== 'paper-digest' ? walk(found.sections) : [];
}

function checkPrefs(config: Config, publication: string, prefs: Prefs): Prefs {
  if (!config.publications[publication]) {
    throw new InputError(
      publication,
      `no such publication (configured: ${Object.keys(config.publications).join(', ')})`,
    );
  }
  const known = sectionTitles(config, publication);
  const unknown = prefs.sections.find((s) => !known.includes(s));
  if (unknown !== undefined) {
    throw new InputError(
      unknown,
      known.length
        ? `not a section of ${publication} (${known.join(', ')})`
        : `${publication} has no sections`,
    );
  }
  const keywords = [...new Set(prefs.keywords.map((k) => k.trim()).filter(Boolean))];
  const long = keywords.find((k) => k.length > 60);
  if (long) throw new InputError(long, 'a keyword is at most 60 characters');
  if (keywords.length > 20) throw new InputError(keywords.join(', '), 'at most 20 keywords');
  return { sections: [...new Set(prefs.sections)], keywords };
}
