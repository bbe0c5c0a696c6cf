// `ribao demo`: the offline demo. A fresh embedded store from the bundled samples (a day of papers
// and news, with Chinese editor edits marked as such), one edition of each template, served locally.

import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../config/load.ts';
import { UsageError } from '../../errors.ts';
import { allEntries } from '../../model/edition.ts';
import { ingest } from '../../pipeline/ingest.ts';
import { readInput } from '../../pipeline/read-input.ts';
import { build } from '../../pipeline/run.ts';
import { listen, serveStatic } from '../../serve/static.ts';
import { buildSite } from '../../site/build-site.ts';
import { openStore } from '../../store/open.ts';
import type { Store } from '../../store/store.ts';
import type { Command } from '../command.ts';

const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));

interface Edit {
  key: string;
  title: string;
  body: string;
  editedBy: string;
}

export default {
  summary: 'offline demo: sample sources → fresh store → both editions → local site',
  usage: 'ribao demo [--dir DIR] [--port N] [--no-serve]',
  options: {
    dir: { type: 'string', default: 'data/demo' },
    port: { type: 'string', default: '8080' },
    'no-serve': { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const dir = String(values.dir);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port ${values.port}: not a port number`);
    const config = await loadConfig({
      file: join(SAMPLES, 'demo.config.yaml'),
      db: join(dir, 'ribao.db'),
      env: {},
    });
    for (const f of ['ribao.db', 'ribao.db-wal', 'ribao.db-shm', 'site'])
      await rm(join(dir, f), { recursive: true, force: true });
    const store = await openStore(config.db);
    try {
      const files = readdirSync(join(SAMPLES, 'sources'))
        .sort()
        .map((f) => join(SAMPLES, 'sources', f));
      const batches = await Promise.all(files.map((f) => readInput(f, 'auto')));
      const report = await ingest(store, batches, { timeZone: config.timezone, config });
      const edits = await applyEdits(store, join(SAMPLES, 'edits.yaml'));
      ctx.stdout.write(
        `demo store ${config.db}: ${report.imported + report.merged} items from ${files.length} sample files, ${edits} editor edits\n`,
      );
      const out = join(dir, 'site');
      const day = (await store.storyDates())[0] as string;
      for (const name of Object.keys(config.publications)) {
        const { edition, files: written } = await build({ config, store, out }, name, day);
        ctx.stdout.write(
          `${name} (${edition.template}) ${day}: ${allEntries(edition).length} entries → ${written[0]}\n`,
        );
      }
      const site = await buildSite({ config, store }, out);
      ctx.stdout.write(`site: ${site.pages} pages, search index of ${site.search.docs} stories\n`);
      if (values['no-serve']) return 0;
      const server = serveStatic(out);
      const url = await listen(server, port);
      ctx.stdout.write(`serving the demo site at ${url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    } finally {
      await store.close();
    }
  },
} satisfies Command;

/** Chinese text written by a person for the sample stories, stored as editor edits. */
async function applyEdits(store: Store, file: string): Promise<number> {
  const edits = parseYaml(readFileSync(file, 'utf8')) as Edit[];
  let applied = 0;
  for (const edit of edits) {
    const [storyId] = await store.storyIdsForKeys([edit.key]);
    if (!storyId) continue;
    const story = await store.story(storyId);
    await store.putWriteup({
      storyId,
      lang: 'zh',
      title: edit.title,
      body: edit.body.trim(),
      status: 'edited',
      task: story?.kind === 'paper' ? 'paper-translation' : 'news-summary',
      model: null,
      promptVersion: null,
      editedBy: edit.editedBy,
      updatedAt: new Date().toISOString(),
      tokens: null,
      cost: null,
      gate: [],
    });
    applied++;
  }
  return applied;
}
