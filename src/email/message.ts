// One subscriber's mail of one edition: their cut of it in plain text and HTML, and the headers that
// make it a list message — List-Id, one-click List-Unsubscribe (RFC 8058) and a stable Message-ID.

import { createHash } from 'node:crypto';
import type { Edition } from '../model/edition.ts';
import type { Subscriber } from '../store/store.ts';
import { addressOf, senderDomain } from './config.ts';
import { describePrefs } from './confirmation.ts';
import type { MailContext } from './context.ts';
import { renderMailHtml } from './render-html.ts';
import { editionSubject, type MailFrame, renderMailText } from './render-text.ts';
import type { OutgoingMail } from './transport.ts';

/** `edition` is already this subscriber's cut (filter.ts); `webUrl` the edition's page, if published. */
export function editionMail(
  ctx: Pick<MailContext, 'config' | 'email' | 'links'>,
  edition: Edition,
  subscriber: Subscriber,
  webUrl: string | null,
): OutgoingMail {
  const unsubscribeUrl = ctx.links.unsubscribe(subscriber.unsubscribeToken);
  const frame: MailFrame = {
    webUrl,
    unsubscribeUrl,
    prefs: describePrefs(subscriber),
    disclaimer: ctx.config.publications[edition.publication]?.disclaimer ?? '',
  };
  const mailbox = addressOf(ctx.email.replyTo ?? ctx.email.from);
  const mailto = `mailto:${mailbox}?subject=${encodeURIComponent(`unsubscribe ${edition.publication}`)}`;
  return {
    from: ctx.email.from,
    to: subscriber.email,
    replyTo: ctx.email.replyTo,
    subject: editionSubject(edition),
    text: renderMailText(edition, frame),
    html: renderMailHtml(edition, frame),
    messageId: messageId(edition.publication, edition.date, subscriber.email, senderDomain(ctx.email.from)),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    listId: { id: `${edition.publication}.${ctx.links.host}`, title: edition.title },
  };
}

/** The same (publication, date, recipient) always gets the same Message-ID, on every run. */
export function messageId(publication: string, date: string, recipient: string, domain: string): string {
  const hash = createHash('sha256')
    .update(`${publication}\n${date}\n${recipient.toLowerCase()}`)
    .digest('hex');
  return `<${publication}.${date}.${hash.slice(0, 24)}@${domain}>`;
}
