// `ribao sources`: the configured sources with their health (last success, last error, failures in a
// row, items last time, backed off until), so a failing source is seen before readers notice; and
// feed lists in and out as OPML.

import { stringify as stringifyYaml } from 'yaml';
import { readText } from '../../pipeline/read-input.ts';
import { parseOpml, toOpml } from '../../sources/feed/opml.ts';
import { RSSHUB_DEFAULT, resolveFeedUrl } from '../../sources/feed/rsshub.ts';
import type { SourceHealth } from '../../store/store.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'list the configured sources with their health',
  usage: `ribao sources [--json]
       ribao sources --export-opml                 (the feed sources as OPML 2.0, on stdout)
       ribao sources --import-opml FILE            (YAML \`sources:\` entries to paste into the configuration)`,
  options: {
    json: { type: 'boolean' },
    'export-opml': { type: 'boolean' },
    'import-opml': { type: 'string' },
  },
  async run(ctx, { values }) {
    const config = await ctx.config();
    if (typeof values['import-opml'] === 'string') {
      const file = values['import-opml'];
      const taken = new Set(config.sources.map((s) => s.id));
      const entries = parseOpml(await readText(file), file).map((feed) => {
        const id = uniqueId(feed.title || new URL(feed.url).hostname, taken);
        return { id, kind: 'feed', url: feed.url, ...(feed.category ? { category: feed.category } : {}) };
      });
      ctx.stdout.write(stringifyYaml({ sources: entries.map(({ category: _, ...e }) => e) }));
      return 0;
    }
    if (values['export-opml']) {
      const feeds = config.sources
        .filter((s) => s.kind === 'feed' && typeof s.url === 'string')
        .map((s) => ({
          title: s.id,
          url: resolveFeedUrl(String(s.url), String(s.rsshub ?? RSSHUB_DEFAULT)),
        }));
      ctx.stdout.write(toOpml(feeds, config.site.title));
      return 0;
    }
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

/** A source id from a feed title: lower-case ASCII words joined by dashes, unique. */
function uniqueId(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'feed';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

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
