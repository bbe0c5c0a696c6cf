// The `webhooks` configuration: which chat webhooks get which publications, and how to reach them.
// Validation and the one way to name a webhook in messages without its secrets; no sending here.

import { z } from 'zod';
import { UsageError } from '../errors.ts';

export const PLATFORMS = ['feishu', 'lark', 'dingtalk', 'wecom', 'slack', 'telegram', 'discord'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** Where Telegram's Bot API lives when a telegram webhook names no `url`. */
export const TELEGRAM_API = 'https://api.telegram.org';

const httpUrl = z
  .string()
  .url()
  .refine((url) => /^https?:$/.test(new URL(url).protocol), 'only http(s) URLs can be posted to');

export const WebhookConfig = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    platform: z.enum(PLATFORMS),
    /** The webhook URL (it usually holds the token). Telegram: the Bot API base, default api.telegram.org. */
    url: httpUrl.optional(),
    /** Feishu/Lark and DingTalk signing secret, when the bot has signing turned on. */
    secret: z.string().min(1).optional(),
    /** Telegram only: the chat to post to (a numeric id or `@channelname`). */
    chatId: z.union([z.string().min(1), z.number().int()]).optional(),
    /** Telegram only: the bot's token. */
    botToken: z.string().min(1).optional(),
    /** Publications this webhook receives. */
    publications: z.array(z.string().min(1)).min(1),
    /** `full`: titles, credits and text; `headlines`: titles and links only. */
    format: z.enum(['full', 'headlines']).default('full'),
  })
  .strict()
  .superRefine((hook, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (hook.platform === 'telegram') {
      if (!hook.botToken) problem('telegram needs botToken');
      if (hook.chatId === undefined) problem('telegram needs chatId');
    } else {
      if (!hook.url) problem(`${hook.platform} needs url`);
      if (hook.chatId !== undefined || hook.botToken) problem('chatId and botToken are for telegram only');
    }
    if (hook.secret && !['feishu', 'lark', 'dingtalk'].includes(hook.platform))
      problem(`${hook.platform} webhooks are not signed; remove secret`);
  });

export type WebhookConfig = z.infer<typeof WebhookConfig>;

export const WebhooksConfig = z
  .array(WebhookConfig)
  .default([])
  .superRefine((hooks, ctx) => {
    const seen = new Set<string>();
    for (const [index, hook] of hooks.entries()) {
      if (seen.has(hook.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${hook.id}"` });
      seen.add(hook.id);
    }
  });

/** The webhooks of a configuration, checked against its publications; UsageError names what is wrong. */
export function parseWebhooks(raw: unknown, publications: string[]): WebhookConfig[] {
  const parsed = WebhooksConfig.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `webhooks.${i.path.join('.')}: ${i.message}`);
    throw new UsageError(issues.join('; '));
  }
  for (const hook of parsed.data) {
    const unknown = hook.publications.find((p) => !publications.includes(p));
    if (unknown)
      throw new UsageError(
        `webhooks (${hook.id}): unknown publication "${unknown}" (configured: ${publications.join(', ')})`,
      );
  }
  return parsed.data;
}

/** The delivery channel a webhook's messages are recorded under. */
export function channelOf(hook: WebhookConfig): string {
  return `webhook:${hook.id}`;
}

/** Every string in a webhook's settings that must never reach a log, an error or the store. */
export function secretsOf(hook: WebhookConfig): string[] {
  const found = [hook.secret, hook.botToken];
  if (hook.url) {
    const url = new URL(hook.url);
    found.push(hook.url, url.pathname.length > 1 ? url.pathname : undefined, url.search || undefined);
    for (const value of url.searchParams.values()) found.push(value);
    for (const segment of url.pathname.split('/')) if (segment.length >= 8) found.push(segment);
  }
  return found.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

/** `text` with every secret of the webhook replaced by `***`. */
export function redact(text: string, hook: WebhookConfig): string {
  const secrets = secretsOf(hook).sort((a, b) => b.length - a.length);
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** A webhook URL with its path and query masked, for a printed configuration. */
export function maskWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/***`;
  } catch {
    return '***';
  }
}
