// `ribao write`: only the write stage, drafting missing writeups with the configured endpoint (cached).

import { writeEdition } from '../../pipeline/run.ts';
import { date, publications, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'draft the missing Chinese writeups with the configured LLM endpoint',
  usage: 'ribao write [--publication P]… [--date YYYY-MM-DD]',
  options: { publication: { type: 'string', multiple: true, short: 'p' }, date: { type: 'string' } },
  async run(ctx, { values }) {
    const context = await runContext(ctx);
    if (!context.llm) {
      ctx.log.warn('no LLM endpoint configured (set RIBAO_LLM_BASE_URL or llm.baseUrl): nothing to write');
      return 0;
    }
    const day = date(context.config, values.date ?? (await context.store.storyDates())[0]);
    let failed = 0;
    for (const name of publications(context.config, values.publication)) {
      const w = await writeEdition(context, name, day);
      failed += w.failed.length;
      ctx.stdout.write(
        `${name} ${day}: ${w.drafted} drafted, ${w.cached} from cache, ${w.kept} kept, ${w.failed.length} failed\n`,
      );
      for (const f of w.failed) ctx.log.warn(`story ${f.storyId}: ${f.error}`);
    }
    return failed > 0 ? 3 : 0;
  },
} satisfies Command;
