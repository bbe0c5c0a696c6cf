// The double opt-in mail: a link to the confirmation page (which asks for a click, so a link scanner
// that opens it confirms nothing), in plain text and HTML. Wording only; the rules are subscribers.ts's.

import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../render/html.ts';
import type { Subscriber } from '../store/store.ts';
import { senderDomain } from './config.ts';
import type { MailContext } from './context.ts';
import { link, mailDocument, STYLE } from './mail-html.ts';
import type { OutgoingMail } from './transport.ts';

export function confirmationMail(ctx: MailContext, subscriber: Subscriber, token: string): OutgoingMail {
  const title = ctx.config.publications[subscriber.publication]?.title ?? subscriber.publication;
  const url = ctx.links.confirm(token);
  const hours = ctx.email.confirm.ttlHours;
  const choice = describePrefs(subscriber);
  const text = [
    `有人（希望是你）用这个地址订阅了「${title}」${choice}。`,
    '请打开下面的链接，在页面上点击「确认订阅」：',
    url,
    `链接 ${hours} 小时内有效。如果不是你本人，忽略这封邮件即可，我们不会再给你发信。`,
    '',
    `Someone (hopefully you) subscribed this address to "${title}". To confirm, open the link above and`,
    `press "Confirm". The link works for ${hours} hours. If it was not you, ignore this mail.`,
  ].join('\n');
  const html = mailDocument(
    `确认订阅：${title}`,
    [
      `<h1 style="${STYLE.h1}">确认订阅「${escapeHtml(title)}」</h1>`,
      `<p style="${STYLE.p}">有人（希望是你）用这个地址订阅了「${escapeHtml(title)}」${escapeHtml(choice)}。请打开下面的链接，在页面上点击「确认订阅」。</p>`,
      `<p style="${STYLE.p}">${link(url, '打开确认页面 / Confirm', STYLE.button)}</p>`,
      `<p style="${STYLE.small}">链接 ${hours} 小时内有效：${link(url, url)}</p>`,
      `<p style="${STYLE.small}">如果不是你本人，忽略这封邮件即可，我们不会再给你发信。If it was not you, ignore this mail.</p>`,
    ].join('\n'),
    `确认订阅「${title}」`,
  );
  return {
    from: ctx.email.from,
    to: subscriber.email,
    replyTo: ctx.email.replyTo,
    subject: `请确认订阅「${title}」 / Please confirm your subscription`,
    text: `${text}\n`,
    html,
    messageId: `<confirm.${randomBytes(12).toString('hex')}@${senderDomain(ctx.email.from)}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
    listId: null,
  };
}

/** `（栏目：论文；关键词：agent）`, or nothing when the subscriber takes everything. */
export function describePrefs(s: Pick<Subscriber, 'sections' | 'keywords'>): string {
  const parts = [
    ...(s.sections.length ? [`栏目：${s.sections.join('、')}`] : []),
    ...(s.keywords.length ? [`关键词：${s.keywords.join('、')}`] : []),
  ];
  return parts.length ? `（${parts.join('；')}）` : '';
}
