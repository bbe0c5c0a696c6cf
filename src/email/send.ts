// Mailing one edition to a publication's active subscribers, each their own cut of it, at most once:
// every message is claimed in the store before it goes to the SMTP server and finished after.
//
// The one thing a sender cannot know is whether a message whose server reply never arrived (the run
// crashed or the connection died after DATA) was taken. Such a delivery stays `sending`; a resumed
// run reports it as interrupted and does not send it again unless told to (`resendInterrupted`).
// Duplicates are the worse failure for a newsletter, so the default errs toward "possibly sent".

import { RibaoError, UsageError } from '../errors.ts';
import { allEntries, type Edition } from '../model/edition.ts';
import { permalinks } from '../render/permalinks.ts';
import type { Delivery } from '../store/store.ts';
import type { MailContext } from './context.ts';
import { filterEdition } from './filter.ts';
import { editionMail } from './message.ts';
import { bounce } from './subscribers.ts';

export const CHANNEL = 'email';

export interface SendOptions {
  /** Continue an edition that some recipients already have; needed once any delivery exists. */
  resume?: boolean;
  /** Also retry deliveries that failed (4xx, refusals, a server error that stopped a run). */
  retryFailed?: boolean;
  /** Also re-send interrupted deliveries — they may have arrived already. */
  resendInterrupted?: boolean;
  /** Decide and report, but claim and send nothing. */
  dryRun?: boolean;
}

export interface Failure {
  recipient: string;
  detail: string;
}

export interface SendReport {
  publication: string;
  date: string;
  dryRun: boolean;
  /** Sent now (with `dryRun`: would be sent). */
  sent: string[];
  /** Nothing in the edition matched their sections or keywords. */
  skipped: string[];
  /** Refused for good: the address is suppressed from now on. */
  bounced: Failure[];
  /** 4xx, refused by policy, or the server refused the run: retried by a run with `retryFailed`. */
  failed: Failure[];
  /** Claimed by a run that never finished: possibly delivered, so not sent again. */
  interrupted: string[];
  /** Left as earlier runs finished them. */
  earlier: { sent: number; skipped: number; failed: number };
  /** Why the run stopped before every subscriber was handled, or null. */
  stopped: string | null;
}

export async function sendEdition(
  ctx: MailContext,
  edition: Edition,
  options: SendOptions = {},
): Promise<SendReport> {
  const { publication, date } = edition;
  const report: SendReport = {
    publication,
    date,
    dryRun: options.dryRun === true,
    sent: [],
    skipped: [],
    bounced: [],
    failed: [],
    interrupted: [],
    earlier: { sent: 0, skipped: 0, failed: 0 },
    stopped: null,
  };
  const before = new Map(
    (await ctx.store.deliveries({ channel: CHANNEL, publication, date })).map((d) => [d.recipient, d]),
  );
  const continuing = options.resume || options.retryFailed || options.resendInterrupted;
  if (before.size > 0 && !continuing && !options.dryRun)
    throw alreadySent(publication, date, [...before.values()]);
  if (allEntries(edition).length === 0)
    throw new RibaoError(`${publication} ${date}: the edition is empty; nothing to send`);
  const subscribers = await ctx.store.subscribers({ publication, status: 'active' });
  const webUrl = await publishedUrl(ctx, publication, date);
  if (!options.dryRun && subscribers.length > 0) await verify(ctx);
  const retry = {
    retryInterrupted: options.resendInterrupted === true,
    retryFailed: options.retryFailed === true,
  };

  for (const subscriber of subscribers) {
    const recipient = subscriber.email.toLowerCase();
    const key = { channel: CHANNEL, publication, date, recipient };
    const earlier = before.get(recipient);
    const cut = filterEdition(edition, subscriber);
    const empty = allEntries(cut).length === 0;
    const claimed = options.dryRun
      ? !earlier || retryable(earlier, retry)
      : await ctx.store.claimDelivery(key, retry);
    if (!claimed) {
      const status = earlier?.status ?? 'sending';
      if (status === 'sending') report.interrupted.push(recipient);
      else report.earlier[status]++;
      continue;
    }
    if (empty) {
      if (!options.dryRun)
        await ctx.store.finishDelivery(key, 'skipped', 'nothing matched their sections or keywords');
      report.skipped.push(recipient);
      continue;
    }
    if (options.dryRun) {
      report.sent.push(recipient);
      continue;
    }
    const outcome = await ctx.mailer.send(editionMail(ctx, cut, subscriber, webUrl));
    if (outcome.status === 'unknown') {
      // Left `sending`: the server may have the message. Nothing more can go over this connection.
      report.interrupted.push(recipient);
      report.stopped = `the SMTP connection failed (${outcome.detail})`;
      break;
    }
    await ctx.store.finishDelivery(key, outcome.status === 'sent' ? 'sent' : 'failed', outcome.detail);
    if (outcome.status === 'sent') report.sent.push(recipient);
    else if (outcome.status === 'bounced') {
      await bounce(ctx, recipient, `bounced ${date}: ${outcome.detail}`);
      report.bounced.push({ recipient, detail: outcome.detail });
    } else if (outcome.status === 'error') {
      report.failed.push({ recipient, detail: outcome.detail });
      report.stopped = `the SMTP server refused the run (${outcome.detail})`;
      break;
    } else report.failed.push({ recipient, detail: outcome.detail });
  }
  return report;
}

function retryable(d: Delivery, retry: { retryInterrupted: boolean; retryFailed: boolean }): boolean {
  return (d.status === 'sending' && retry.retryInterrupted) || (d.status === 'failed' && retry.retryFailed);
}

function alreadySent(publication: string, date: string, deliveries: Delivery[]): UsageError {
  const count = (status: Delivery['status']) => deliveries.filter((d) => d.status === status).length;
  return new UsageError(
    `${publication} ${date} was already mailed (${count('sent')} sent, ${count('skipped')} skipped, ` +
      `${count('failed')} failed, ${count('sending')} interrupted); --resume mails only subscribers who have ` +
      'not had it, --retry-failed also retries the failed, --resend-interrupted also the interrupted',
  );
}

/** The edition's page on the site, when `ribao build` or `ribao run` has published it. */
async function publishedUrl(ctx: MailContext, publication: string, date: string): Promise<string | null> {
  const published = (await ctx.store.editions(publication)).some((e) => e.date === date);
  const links = permalinks(ctx.config.site.baseUrl);
  return published ? links.absolute(links.edition(publication, date)) : null;
}

async function verify(ctx: MailContext): Promise<void> {
  try {
    await ctx.mailer.verify();
  } catch (error) {
    const { host, port } = ctx.email.smtp;
    throw new RibaoError(`SMTP ${host}:${port}: cannot connect or log in; nothing was sent`, {
      cause: error,
    });
  }
}
