// `ribao translate`: a long Markdown article into Chinese, chunk by chunk, with its structure, code
// and links intact (cached, budgeted, gated). Exit 3 when some chunks stayed in English.

import { writeFileSync } from 'node:fs';
import { UsageError } from '../../errors.ts';
import { readText } from '../../pipeline/read-input.ts';
import { translateArticle } from '../../writer/article.ts';
import { loadGlossary } from '../../writer/glossary/glossary.ts';
import { date, runContext } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'translate a long Markdown article into Chinese, keeping its structure, code and links',
  usage: 'ribao translate FILE.md [--out FILE] [--glossary FILE]',
  allowPositionals: true,
  options: { out: { type: 'string', short: 'o' }, glossary: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('expected one Markdown FILE');
    const context = await runContext(ctx);
    if (!context.writer)
      throw new UsageError('translate needs an LLM endpoint (set RIBAO_LLM_BASE_URL or llm.baseUrl)');
    const report = await translateArticle(context.writer, await readText(file), {
      glossary: loadGlossary((values.glossary as string | undefined) ?? null),
      day: date(context.config, undefined),
      concurrency: context.config.llm.concurrency,
    });
    if (typeof values.out === 'string') writeFileSync(values.out, report.markdown);
    else ctx.stdout.write(report.markdown);
    ctx.log.info(
      `${file}: ${report.chunks} chunks, ${report.drafted} translated, ${report.cached} from cache, ${report.untranslated.length} left in English`,
    );
    for (const u of report.untranslated) ctx.log.warn(`chunk ${u.chunk} left in English: ${u.reason}`);
    return report.untranslated.length > 0 ? 3 : 0;
  },
} satisfies Command;
