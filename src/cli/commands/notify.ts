// `ribao notify`: post built editions to the configured chat webhooks (Feishu/Lark, DingTalk, WeCom,
// Slack, Telegram, Discord). Never posts a message twice unless told to (--resend); --dry-run prints
// the payloads. Prints webhook ids only: URLs and tokens stay in the configuration.

import type { Config } from '../../config/schema.ts';
import { UsageError } from '../../errors.ts';
import type { Edition } from '../../model/edition.ts';
import { assembleEdition } from '../../pipeline/run.ts';
import { permalinks } from '../../render/permalinks.ts';
import type { Store } from '../../store/store.ts';
import { parseWebhooks, type WebhookConfig } from '../../webhooks/config.ts';
import { type Notified, notify, payloadsFor } from '../../webhooks/send.ts';
import { date, publications } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'post built editions to chat webhooks (Feishu, DingTalk, WeCom, Slack, Telegram, Discord)',
  usage: `ribao notify [--publication P]… [--date YYYY-MM-DD] [--webhook ID]… [--resend] [--dry-run]
       (posts each edition once per webhook; --resend posts again, --dry-run prints the payloads)`,
  options: {
    publication: { type: 'string', multiple: true, short: 'p' },
    date: { type: 'string' },
    webhook: { type: 'string', multiple: true },
    resend: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const config = await ctx.config();
    const hooks = chosen(webhooksOf(config), values.webhook);
    const store = await ctx.store();
    const day = date(config, values.date ?? (await store.storyDates())[0]);
    const dryRun = values['dry-run'] === true;
    const links = permalinks(config.site.baseUrl);
    const jobs: { hook: WebhookConfig; edition: Edition }[] = [];
    let unbuilt = 0;
    for (const name of publications(config, values.publication)) {
      const subscribed = hooks.filter((h) => h.publications.includes(name));
      if (subscribed.length === 0) continue;
      if (!dryRun && !(await store.editions(name)).some((e) => e.date === day)) {
        ctx.stdout.write(`${name} ${day}: not built yet; run \`ribao build --date ${day}\` first\n`);
        unbuilt++;
        continue;
      }
      const edition = await assembleEdition({ config, store }, name, day);
      for (const hook of subscribed) jobs.push({ hook, edition });
    }
    if (dryRun) {
      const plans = jobs.map(({ hook, edition }) => ({
        webhook: hook.id,
        platform: hook.platform,
        publication: edition.publication,
        date: edition.date,
        messages: payloadsFor(hook, edition, links),
      }));
      ctx.stdout.write(`${JSON.stringify(plans, null, 2)}\n`);
      return 0;
    }
    const results = await notify(jobs, { store, links, resend: values.resend === true, log: ctx.log });
    for (const r of results) ctx.stdout.write(`${line(r)}\n`);
    const failed = results.filter((r) => r.problem !== null).length + unbuilt;
    if (failed === 0) return 0;
    return failed < results.length + unbuilt ? 3 : 1;
  },
} satisfies Command;

/** The configured webhooks, each checked to name publications that exist. */
function webhooksOf(config: Config): WebhookConfig[] {
  const hooks = parseWebhooks(config.webhooks, Object.keys(config.publications));
  if (hooks.length === 0)
    throw new UsageError('no webhooks configured: add a `webhooks:` list (see docs/publishing.md)');
  return hooks;
}

function chosen(hooks: WebhookConfig[], wanted: unknown): WebhookConfig[] {
  const ids = (wanted as string[] | undefined) ?? [];
  const unknown = ids.find((id) => !hooks.some((h) => h.id === id));
  if (unknown)
    throw new UsageError(
      `--webhook ${unknown}: no such webhook (configured: ${hooks.map((h) => h.id).join(', ')})`,
    );
  return ids.length === 0 ? hooks : hooks.filter((h) => ids.includes(h.id));
}

function line(r: Notified): string {
  const head = `${r.webhook} ${r.publication} ${r.date}:`;
  if (r.parts === 0) return `${head} no entries, nothing to send`;
  const earlier = r.earlier.length > 0 ? `, ${r.earlier.length} sent earlier` : '';
  const sent = `sent ${r.sent.length} of ${r.parts} messages${earlier}`;
  return r.problem ? `${head} ${sent}; stopped: ${r.problem}` : `${head} ${sent}`;
}
