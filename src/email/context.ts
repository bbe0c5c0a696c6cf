// What the e-mail functions are handed: configuration, store, the mailer, a logger and a clock.
// Built once by a command (or the web app); tests build one around a loopback SMTP server.

import type { Config } from '../config/schema.ts';
import type { Logger } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { type EmailConfig, emailSettings } from './config.ts';
import { type MailLinks, mailLinks } from './links.ts';
import { type Mailer, smtpMailer } from './transport.ts';

export interface MailContext {
  config: Config;
  email: EmailConfig;
  store: Store;
  mailer: Mailer;
  links: MailLinks;
  log: Logger;
  now(): Date;
}

export function mailContext(
  config: Config,
  store: Store,
  log: Logger,
  options: { env?: NodeJS.ProcessEnv; mailer?: Mailer; now?: () => Date } = {},
): MailContext {
  const email = emailSettings(config, options.env);
  return {
    config,
    email,
    store,
    mailer: options.mailer ?? smtpMailer(email.smtp),
    links: mailLinks(config.site.baseUrl),
    log,
    now: options.now ?? (() => new Date()),
  };
}
