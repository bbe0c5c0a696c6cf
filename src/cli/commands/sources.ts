// `ribao sources`: the configured sources with their health (last success, last error, failures in a
// row, items last time, backed off until), so a failing source is seen before readers notice.

import type { SourceHealth } from '../../store/store.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'list the configured sources with their health',
  usage: 'ribao sources [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx, { values }) {
    const config = await ctx.config();
    const health = new Map((await (await ctx.store()).sourceHealth()).map((h) => [h.source, h]));
    const rows = config.sources.map((s) => ({ id: s.id, kind: s.kind, ...statusOf(health.get(s.id)) }));
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    for (const r of rows) {
      ctx.stdout.write(`${r.id} (${r.kind}): ${r.status}\n`);
      if (r.lastError) ctx.stdout.write(`    last error ${r.lastErrorAt}: ${r.lastError}\n`);
    }
    return 0;
  },
} satisfies Command;

function statusOf(h: SourceHealth | undefined) {
  const base = {
    lastSuccessAt: h?.lastSuccessAt ?? null,
    lastItems: h?.lastItems ?? null,
    lastErrorAt: h?.lastErrorAt ?? null,
    lastError: h?.lastError ?? null,
    consecutiveFailures: h?.consecutiveFailures ?? 0,
    backoffUntil: h?.backoffUntil ?? null,
  };
  let status = 'never collected';
  if (h && h.consecutiveFailures > 0) {
    status = `failing (${h.consecutiveFailures} in a row${h.backoffUntil ? `, backed off until ${h.backoffUntil}` : ''})`;
  } else if (h?.lastSuccessAt) status = `ok: ${h.lastItems} items at ${h.lastSuccessAt}`;
  return { status, ...base };
}
