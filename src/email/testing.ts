// For tests: a real SMTP server (smtp-server) on 127.0.0.1 that keeps what it is sent and can refuse
// chosen recipients; a mail context pointing at it; a sample edition. test/smtp-sink.ts runs the same
// server as its own process.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { type Config, ConfigSchema } from '../config/schema.ts';
import type { Edition } from '../model/edition.ts';
import { openSqliteStore } from '../store/sqlite/store.ts';
import { EmailConfig } from './config.ts';
import { type MailContext, mailContext } from './context.ts';
import { nodemailerMessage, type OutgoingMail } from './transport.ts';

export interface SinkOptions {
  /** 550 5.1.1 at RCPT (a mailbox that does not exist). */
  reject?: string[];
  /** 451 at RCPT (try again later). */
  defer?: string[];
  /** 554 5.7.1 after DATA (refused as spam: the message, not the address). */
  rejectData?: string[];
  /** Wait this long before answering each DATA. */
  delayMs?: number;
  /** Never answer the DATA of this message (counted from 1): the client waits until it gives up or dies. */
  hangAt?: number;
}

export interface SunkMessage {
  n: number;
  from: string | null;
  to: string[];
  raw: string;
}

export interface Sink {
  port: number;
  messages: SunkMessage[];
  close(): Promise<void>;
}

/** Messages are kept (and `onMessage` told) when DATA is complete, before the reply: as a real server would. */
export async function startSmtpSink(
  options: SinkOptions = {},
  onMessage: (message: SunkMessage) => void = () => {},
): Promise<Sink> {
  const messages: SunkMessage[] = [];
  const listed = (list: string[] | undefined, address: string) =>
    (list ?? []).some((a) => a.toLowerCase() === address.toLowerCase());
  const refuse = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      if (listed(options.reject, address.address)) {
        return callback(refuse(550, `5.1.1 <${address.address}>: no such user`));
      }
      if (listed(options.defer, address.address))
        return callback(refuse(451, '4.2.1 mailbox busy, try again later'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (to.some((a) => listed(options.rejectData, a)))
          return callback(refuse(554, '5.7.1 message refused as spam'));
        const message: SunkMessage = {
          n: messages.length + 1,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to,
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        messages.push(message);
        onMessage(message);
        if (message.n === options.hangAt) return;
        setTimeout(() => callback(null, `queued as ${message.n}`), options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The `email` block for a sink on this port: plain SMTP on loopback, one connection reused. */
export function sinkEmailConfig(port: number, overrides: Partial<EmailConfig> = {}): EmailConfig {
  return EmailConfig.parse({
    from: 'AI 日报 <digest@ribao.example>',
    smtp: { host: '127.0.0.1', port, requireTls: false, timeoutMs: 10_000 },
    ...overrides,
  });
}

/** A mail context around a fresh SQLite store and a sink's port, with the default publications. */
export async function testMailContext(
  port: number,
  options: { now?: () => Date; email?: Partial<EmailConfig>; config?: Record<string, unknown> } = {},
): Promise<MailContext> {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ribao-email-')), 'ribao.db'));
  await store.migrate();
  const config = ConfigSchema.parse({
    site: { baseUrl: 'https://news.example.com/ribao/' },
    ...options.config,
  });
  const email = sinkEmailConfig(port, options.email);
  const silent = { info() {}, warn() {}, debug() {} };
  return mailContext({ ...config, email } as Config, store, silent, {
    env: {},
    ...(options.now ? { now: options.now } : {}),
  });
}

/** The bytes nodemailer would put on the wire for a composed mail. */
export async function rawMessage(mail: OutgoingMail): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(nodemailerMessage(mail));
  return info.message.toString('utf8');
}

/** A small edition in two sections with a sub-section, for rendering and filtering tests. */
export function sampleEdition(overrides: Partial<Edition> = {}): Edition {
  const entry = (
    storyId: string,
    title: string,
    body: string,
    url = `https://news.example.com/${storyId}`,
  ) => ({
    storyId,
    kind: 'article' as const,
    originalTitle: `${title} (en)`,
    title,
    body,
    originalBody: `${body} (en)`,
    originalLang: 'en',
    publishedAt: null,
    updatedAt: null,
    writtenBy: 'editor',
    translated: true,
    edited: false,
    url,
    image: null,
    contributor: null,
    score: 1,
    links: [],
  });
  return {
    publication: 'daily',
    title: 'AI 日报',
    template: 'daily-report',
    date: '2026-11-20',
    lead: null,
    sections: [
      {
        title: '资讯',
        entries: [],
        children: [
          {
            title: '研究',
            entries: [entry('s1', '稀疏格点路由', '一种新的 agent 推理方法。')],
            children: [],
          },
          {
            title: '产业',
            entries: [entry('s2', 'Orbital 融资', '融资 1.2 亿美元，用于推理芯片。')],
            children: [],
          },
        ],
      },
      {
        title: '论文',
        entries: [entry('s3', '长上下文评测', 'A benchmark for long context.')],
        children: [],
      },
    ],
    untranslated: 0,
    flagged: 0,
    ...overrides,
  };
}
