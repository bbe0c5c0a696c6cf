// `ribao write`: only the write stage, drafting missing writeups with the configured endpoint
// (cached, budgeted, gated). Exit 3 when a writeup failed or was flagged for an editor.

import { writeEdition } from '../../pipeline/run.ts';
import { date, publications, runContext } from '../choose.ts';
import type { Command } from '../command.ts';
import { describeWrite, warnFailures } from '../report.ts';

export default {
  summary: 'draft the missing Chinese writeups with the configured LLM endpoint',
  usage: 'ribao write [--publication P]… [--date YYYY-MM-DD] [--redraft-flagged]',
  options: {
    publication: { type: 'string', multiple: true, short: 'p' },
    date: { type: 'string' },
    'redraft-flagged': { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const context = await runContext(ctx);
    if (!context.writer) {
      ctx.log.warn('no LLM endpoint configured (set RIBAO_LLM_BASE_URL or llm.baseUrl): nothing to write');
      return 0;
    }
    const day = date(context.config, values.date ?? (await context.store.storyDates())[0]);
    let troubled = 0;
    for (const name of publications(context.config, values.publication)) {
      const w = await writeEdition(context, name, day, {
        redraftFlagged: values['redraft-flagged'] === true,
      });
      troubled += w.failed.length + w.flagged;
      ctx.stdout.write(`${name} ${day}: ${describeWrite(w)}\n`);
      warnFailures(ctx.log, w);
    }
    const { tokens, cost } = context.writer.budget.spent;
    ctx.stdout.write(
      `spent ${tokens} tokens${cost > 0 ? `, ${cost.toFixed(4)} ${context.config.llm.currency}` : ''}\n`,
    );
    return troubled > 0 ? 3 : 0;
  },
} satisfies Command;
