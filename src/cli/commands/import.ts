// `ribao import FILE…`: parse files in any source's import format (or sniffed) and store their items
// in one transaction. Files that fail are named with the reason; exit 2 if all failed, 3 if some did.

import { describe, UsageError } from '../../errors.ts';
import { type Batch, ingest } from '../../pipeline/ingest.ts';
import { checkFormat, readInput } from '../../pipeline/read-input.ts';
import { publications } from '../choose.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'load saved files in any source format, recognised by content (--json, --dry-run)',
  usage:
    'ribao import FILE… [--format auto|NAME] [--publication P] [--json] [--dry-run]\n       (NAME: a source format; docs/sources.md lists them, and an unknown NAME is answered with the list)',
  options: {
    format: { type: 'string', short: 'f', default: 'auto' },
    publication: { type: 'string', short: 'p' },
    json: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
    const format = String(values.format);
    await checkFormat(format);
    const config = await ctx.config();
    const only = values.publication ? publications(config, values.publication)[0] : undefined;
    const batches: Batch[] = [];
    const failures: { input: string; error: string }[] = [];
    for (const [index, file] of positionals.entries()) {
      ctx.progress(`reading ${index + 1}/${positionals.length} ${file}`);
      try {
        const batch = await readInput(file, format);
        if (only) for (const item of batch.items) item.extra = { ...item.extra, publication: only };
        batches.push(batch);
      } catch (error) {
        failures.push({ input: file, error: describe(error) });
      }
    }
    if (batches.length === 0 && !values.json) {
      for (const failure of failures) process.stderr.write(`ribao: ${failure.error}\n`);
      return 2;
    }
    const store = await ctx.store();
    const report = await ingest(store, batches, {
      timeZone: config.timezone,
      config,
      dryRun: values['dry-run'] === true,
      onProgress: (done, total) => ctx.progress(`storing ${done}/${total} items`),
    });
    report.errors.unshift(...failures);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const failure of report.errors) ctx.log.warn(failure.error);
      const verb = values['dry-run'] ? 'would import' : 'imported';
      ctx.stdout.write(
        `${verb} ${report.imported} new, ${report.merged} merged into existing stories, ${report.updated} updated, ${report.skipped} unchanged (${batches.length}/${positionals.length} files)\n`,
      );
    }
    if (failures.length === positionals.length) return 2;
    return report.errors.length > 0 ? 3 : 0;
  },
} satisfies Command;
