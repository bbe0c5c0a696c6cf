// Sending one composed message over SMTP (nodemailer), and what the server's answer means for the
// recipient: sent, bounced (suppress the address), deferred (try later), refused, or unknown.

import nodemailer from 'nodemailer';
import type { EmailConfig } from './config.ts';

/** One message, composed; the headers are already safe (built from checked addresses and URLs). */
export interface OutgoingMail {
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`, stable for (publication, date, recipient) so a resend is recognisably the same message. */
  messageId: string;
  headers: Record<string, string>;
  /** RFC 2919 `List-Id`: the identifier (`daily.example.com`) and a title. */
  listId: { id: string; title: string } | null;
}

/**
 * What became of a message. `bounced`: the server refused the recipient for good (5xx at RCPT or
 * DATA, not a policy refusal); `deferred`: a 4xx, worth retrying; `refused`: a permanent refusal of
 * the message rather than the address (5.7.x policy, spam); `error`: the server refused us (sender,
 * login, TLS), nothing was delivered; `unknown`: the connection failed and the server may have the
 * message already — the one case a sender cannot know.
 */
export type Outcome =
  | { status: 'sent'; detail: string }
  | { status: 'bounced' | 'deferred' | 'refused' | 'error' | 'unknown'; detail: string };

export interface Mailer {
  /** Connect (and log in) without sending: a run checks this before claiming anyone. */
  verify(): Promise<void>;
  send(mail: OutgoingMail): Promise<Outcome>;
  close(): void;
}

export function smtpMailer(smtp: EmailConfig['smtp']): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls && !smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
    ...(smtp.pool ? { pool: true as const, maxConnections: 1 } : {}),
  });
  return {
    async verify() {
      await transport.verify();
    },
    async send(mail) {
      try {
        const info = await transport.sendMail(nodemailerMessage(mail));
        return { status: 'sent', detail: `${mail.messageId} ${info.response}`.trim() };
      } catch (error) {
        return outcomeOf(error as SmtpError);
      }
    },
    close: () => transport.close(),
  };
}

/** The message as nodemailer takes it; never lets nodemailer read files or fetch URLs. */
export function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    ...(mail.listId ? { list: { id: { url: mail.listId.id, comment: mail.listId.title } } } : {}),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

/** RFC 5321 reply codes with RFC 3463 enhanced codes: 5.7.x is policy (spam, auth), not the mailbox. */
export function outcomeOf(error: SmtpError): Exclude<Outcome, { status: 'sent' }> {
  const code = error.responseCode;
  const detail = (error.response ?? error.message).replace(/\s+/g, ' ').trim();
  if (code === undefined) return { status: 'unknown', detail: `${error.code ?? 'error'}: ${detail}` };
  const recipientStep = error.command === 'RCPT TO' || error.command === 'DATA';
  if (!recipientStep) return { status: 'error', detail };
  // 503 (bad sequence of commands) says the session went wrong, not the message: try again later.
  if ((code >= 400 && code < 500) || code === 503) return { status: 'deferred', detail };
  const policy = /^\d{3}[ -]5\.7\.\d/.test(error.response ?? '');
  if (code >= 500 && !policy) return { status: 'bounced', detail };
  return { status: 'refused', detail };
}
