// `ribao send`: mail one edition to a publication's subscribers, each once. A second run of the same
// edition refuses unless told how to continue; interrupted deliveries are reported, not re-sent.

import { mailContext } from '../../email/context.ts';
import { type SendReport, sendEdition } from '../../email/send.ts';
import { UsageError } from '../../errors.ts';
import { assembleEdition } from '../../pipeline/run.ts';
import { date, publications } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: "mail an edition to the publication's subscribers (each once; resumable)",
  usage: `ribao send -p P [--date YYYY-MM-DD] [--resume] [--retry-failed] [--resend-interrupted] [--dry-run] [--json]
       --resume              continue an edition already mailed to some: only those who have not had it
       --retry-failed        also retry deliveries that failed (4xx, refused)
       --resend-interrupted  also re-send deliveries a crashed run left unfinished (they may have arrived)
       --dry-run             say who would get it; claim and send nothing`,
  options: {
    publication: { type: 'string', short: 'p' },
    date: { type: 'string' },
    resume: { type: 'boolean' },
    'retry-failed': { type: 'boolean' },
    'resend-interrupted': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const config = await ctx.config();
    if (typeof values.publication !== 'string') throw new UsageError('send needs --publication');
    const name = publications(config, values.publication)[0] as string;
    const store = await ctx.store();
    const day = date(config, values.date ?? (await store.storyDates())[0]);
    const mail = mailContext(config, store, ctx.log);
    let report: SendReport;
    try {
      report = await sendEdition(mail, await assembleEdition(mail, name, day), {
        resume: values.resume === true,
        retryFailed: values['retry-failed'] === true,
        resendInterrupted: values['resend-interrupted'] === true,
        dryRun: values['dry-run'] === true,
      });
    } finally {
      mail.mailer.close();
    }
    if (values.json === true) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else ctx.stdout.write(describeSend(report));
    if (report.stopped) return 1;
    return report.failed.length > 0 || report.interrupted.length > 0 ? 3 : 0;
  },
} satisfies Command;

export function describeSend(r: SendReport): string {
  const { earlier } = r;
  const lines = [
    `${r.publication} ${r.date}: ${r.sent.length} ${r.dryRun ? 'would be sent' : 'sent'}, ${r.skipped.length} skipped ` +
      `(nothing matched), ${r.bounced.length} bounced, ${r.failed.length} failed, ${r.interrupted.length} interrupted` +
      (earlier.sent + earlier.skipped + earlier.failed > 0
        ? `; earlier runs: ${earlier.sent} sent, ${earlier.skipped} skipped, ${earlier.failed} failed`
        : ''),
    ...r.bounced.map((f) => `  bounced ${f.recipient} (suppressed from now on): ${f.detail}`),
    ...r.failed.map((f) => `  failed ${f.recipient} (--retry-failed tries again): ${f.detail}`),
    ...r.interrupted.map(
      (x) =>
        `  interrupted ${x}: possibly delivered, so not sent again (--resend-interrupted sends it anyway)`,
    ),
    ...(r.stopped ? [`  stopped: ${r.stopped}; the rest are sent by: ribao send --resume`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
