// `ribao subscribers`: the e-mail subscribers — add (sends the double opt-in mail), list, remove, and
// bounce (a hard bounce reported later, by a mailbox or a provider's report). Tokens are never printed.

import { normalizeAddress } from '../../email/address.ts';
import { mailContext } from '../../email/context.ts';
import { bounce, subscribe } from '../../email/subscribers.ts';
import { UsageError } from '../../errors.ts';
import type { SubscriberStatus } from '../../store/store.ts';
import { publications } from '../choose.ts';
import type { CliContext, Command } from '../command.ts';

const ACTIONS = ['add', 'list', 'remove', 'bounce'] as const;
const STATUSES: SubscriberStatus[] = ['pending', 'active', 'unsubscribed', 'bounced'];

export default {
  summary: 'e-mail subscribers: add (sends the confirmation), list, remove, bounce',
  usage: `ribao subscribers add EMAIL -p P [--section S]… [--keyword K]…   (pending until the link is confirmed)
       ribao subscribers list [-p P] [--status pending|active|unsubscribed|bounced] [--json]
       ribao subscribers remove EMAIL -p P                               (forgets the address)
       ribao subscribers bounce EMAIL [--reason TEXT]                    (suppresses it everywhere)`,
  allowPositionals: true,
  options: {
    publication: { type: 'string', short: 'p' },
    section: { type: 'string', multiple: true },
    keyword: { type: 'string', multiple: true },
    status: { type: 'string' },
    reason: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values, positionals }) {
    const [action, ...rest] = positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) {
      throw new UsageError(`expected an action: ${ACTIONS.join(', ')}`);
    }
    if (action === 'list') return list(ctx, values);
    if (rest.length !== 1) throw new UsageError(`${action} takes one EMAIL`);
    const email = rest[0] as string;
    const store = await ctx.store();
    if (action === 'bounce') {
      const reason = typeof values.reason === 'string' ? values.reason : 'reported';
      const count = await bounce({ store, now: () => new Date() }, email, `bounced: ${reason}`);
      ctx.stdout.write(
        `${normalizeAddress(email)}: ${count} subscription${count === 1 ? '' : 's'} suppressed\n`,
      );
      return 0;
    }
    const config = await ctx.config();
    if (typeof values.publication !== 'string') throw new UsageError(`${action} needs --publication`);
    const publication = publications(config, values.publication)[0] as string;
    if (action === 'remove') {
      const removed = await store.removeSubscriber(normalizeAddress(email), publication);
      ctx.stdout.write(
        `${normalizeAddress(email)} ${publication}: ${removed ? 'removed' : 'was not subscribed'}\n`,
      );
      return removed ? 0 : 1;
    }
    const mail = mailContext(config, store, ctx.log);
    try {
      const prefs = { sections: strings(values.section), keywords: strings(values.keyword) };
      const { result, subscriber } = await subscribe(mail, email, publication, prefs);
      const address = subscriber?.email ?? normalizeAddress(email);
      const said = {
        'confirmation-sent': 'confirmation mail sent; pending until the link is confirmed',
        'already-active': 'already subscribed (nothing sent)',
        'rate-limited': `not sent: ${mail.email.confirm.perDay} confirmation mails in the last 24 hours`,
      }[result];
      ctx.stdout.write(`${address} ${publication}: ${said}\n`);
      return result === 'rate-limited' ? 1 : 0;
    } finally {
      mail.mailer.close();
    }
  },
} satisfies Command;

async function list(ctx: CliContext, values: Record<string, unknown>): Promise<number> {
  const config = await ctx.config();
  const status = values.status as SubscriberStatus | undefined;
  if (status !== undefined && !STATUSES.includes(status)) {
    throw new UsageError(`--status ${status}: expected one of ${STATUSES.join(', ')}`);
  }
  const publication = values.publication ? publications(config, values.publication)[0] : undefined;
  const rows = await (await ctx.store()).subscribers({ publication, status });
  // Tokens stay in the store: a listing is not a way to unsubscribe or confirm someone.
  const shown = rows.map(({ unsubscribeToken: _u, confirmHash: _c, confirmExpiresAt: _e, ...row }) => row);
  if (values.json === true) {
    ctx.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  for (const s of shown) {
    const prefs = [...s.sections.map((x) => `section:${x}`), ...s.keywords.map((k) => `keyword:${k}`)];
    ctx.stdout.write(
      `${s.email}\t${s.publication}\t${s.status}\t${s.updatedAt}${prefs.length ? `\t${prefs.join(' ')}` : ''}\n`,
    );
  }
  return 0;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
