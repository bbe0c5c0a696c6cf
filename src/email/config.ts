// The `email:` configuration block (sender, SMTP server, opt-in limits), declared once with defaults,
// and reading it from the loaded configuration. Knows nothing of sending.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import { UsageError } from '../errors.ts';
import { isAddress } from './address.ts';

/** `Name <address>` or a bare address; the address must pass the same check as subscribers'. */
const Sender = z
  .string()
  .min(3)
  .refine((value) => isAddress(addressOf(value)), { message: 'expected an address or "Name <address>"' });

const Smtp = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    /** Implicit TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when offered. */
    secure: z.boolean().default(false),
    /** Refuse to send (and to log in) unless the connection is encrypted. Off only for a relay on loopback. */
    requireTls: z.boolean().default(true),
    user: z.string().nullable().default(null),
    /** Masked by `ribao config`; `RIBAO_SMTP_PASSWORD` overrides it. */
    password: z.string().nullable().default(null),
    /** Reuse connections across messages (nodemailer's pool). */
    pool: z.boolean().default(true),
    timeoutMs: z.number().int().positive().default(60_000),
  })
  .strict();

export const EmailConfig = z
  .object({
    from: Sender,
    replyTo: Sender.nullable().default(null),
    smtp: Smtp,
    /** Double opt-in: how long a confirmation link is good for, and mails per address per day. */
    confirm: z
      .object({
        ttlHours: z.number().positive().default(72),
        perDay: z.number().int().min(1).default(3),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type EmailConfig = z.infer<typeof EmailConfig>;

/** The address part of `Name <address>`. */
export function addressOf(sender: string): string {
  return (/<([^<>]*)>\s*$/.exec(sender)?.[1] ?? sender).trim();
}

/** The domain of the sender's address: the right-hand side of our Message-IDs. */
export function senderDomain(sender: string): string {
  return addressOf(sender).split('@').pop()?.toLowerCase() ?? 'localhost';
}

/**
 * The `email` block of the configuration, or of the YAML file `RIBAO_EMAIL_CONFIG` names (mail
 * settings kept apart from the main file, e.g. out of version control). `RIBAO_SMTP_PASSWORD`
 * overrides the password.
 */
export function emailSettings(config: Config, env: NodeJS.ProcessEnv = process.env): EmailConfig {
  const declared = config.email;
  const file = env.RIBAO_EMAIL_CONFIG;
  const raw = declared ?? (file ? readBlock(file) : undefined);
  if (raw == null) {
    throw new UsageError(
      'email: not configured (add an `email:` block with `from` and `smtp` to the configuration)',
    );
  }
  const parsed = EmailConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${['email', ...i.path].join('.')}: ${i.message}`);
    throw new UsageError(`${declared ? 'configuration' : file}: ${issues.join('; ')}`);
  }
  const password = env.RIBAO_SMTP_PASSWORD;
  return password ? { ...parsed.data, smtp: { ...parsed.data.smtp, password } } : parsed.data;
}

/** The file holds the block itself, or a configuration with an `email:` key. */
function readBlock(file: string): unknown {
  try {
    const value = parseYaml(readFileSync(file, 'utf8')) as { email?: unknown } | null;
    return value && typeof value === 'object' && 'email' in value ? value.email : value;
  } catch (error) {
    throw new UsageError(`${file}: cannot read the e-mail configuration (${(error as Error).message})`);
  }
}
