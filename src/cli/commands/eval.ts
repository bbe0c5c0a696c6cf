// `ribao eval`: the quality gate's automatic checks over a dataset of sources and translations
// (ours or another system's), as a report of what it finds. No endpoint needed.

import { existsSync } from 'node:fs';
import { UsageError } from '../../errors.ts';
import { EVAL_FORMATS, evaluate, readDataset } from '../../writer/eval.ts';
import { loadGlossary } from '../../writer/glossary/glossary.ts';
import type { Command } from '../command.ts';

export default {
  summary: "check translations with the quality gate and report what it finds (ours or another system's)",
  usage: 'ribao eval PATH [--format cn-chat-arxiv|jsonl] [--glossary FILE] [--examples N] [--json]',
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    glossary: { type: 'string' },
    examples: { type: 'string', default: '3' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values, positionals }) {
    const [path] = positionals;
    if (!path || positionals.length > 1)
      throw new UsageError('expected one PATH: a folder of JSON files or a .jsonl file');
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
    const format = (values.format ??
      (path.endsWith('.jsonl') ? 'jsonl' : 'cn-chat-arxiv')) as (typeof EVAL_FORMATS)[number];
    if (!EVAL_FORMATS.includes(format))
      throw new UsageError(`--format ${format}: expected one of ${EVAL_FORMATS.join(', ')}`);
    const examples = Number(values.examples);
    if (!Number.isInteger(examples) || examples < 0)
      throw new UsageError(`--examples ${values.examples}: expected a whole number`);
    const records = readDataset(path, format);
    const report = evaluate(records, loadGlossary((values.glossary as string | undefined) ?? null), examples);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const pct = (n: number) => `${((100 * n) / Math.max(1, report.translated)).toFixed(1)}%`;
    const lines = [
      `${path}: ${report.records} records, ${report.translated} with a translation, ${report.withListingPrefix} with arXiv's listing prefix in the source`,
      `passed every check: ${report.passed} (${pct(report.passed)} of those translated)`,
      'findings (records, share of those translated):',
      ...report.findings.flatMap((f) => [
        `  ${String(f.records).padStart(6)}  ${pct(f.records).padStart(6)}  ${f.finding}`,
        ...f.examples.map((e) => `            e.g. ${e.id}: ${e.reason.slice(0, 160)}`),
      ]),
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
} satisfies Command;
