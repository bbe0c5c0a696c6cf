// publish: write an edition's documents and the publication's feeds under the output folder.
// Idempotent: publishing the same editions twice writes the same bytes. The site around them (indexes,
// story pages, search) is src/site/'s, built once after all publications; e-mail and chat are sent by
// their own commands (`ribao send`, `ribao notify`).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { Edition } from '../model/edition.ts';
import { renderFeeds, sectionTitles } from '../render/feeds/feeds.ts';
import { permalinks } from '../render/permalinks.ts';
import type { Store } from '../store/store.ts';
import type { Documents } from './render.ts';

export async function publish(
  ctx: { store: Store; config: Config; out: string },
  edition: Edition,
  docs: Documents,
  /** The publication's recent editions, newest first, this one included: what the feeds list. */
  recent: Edition[],
): Promise<string[]> {
  const { store, config, out } = ctx;
  const folder = join(out, edition.publication);
  await mkdir(folder, { recursive: true });
  const files = [join(folder, `${edition.date}.md`), join(folder, `${edition.date}.html`)];
  await writeFile(files[0] as string, docs.markdown);
  await writeFile(files[1] as string, docs.html);
  await store.recordEdition({
    publication: edition.publication,
    date: edition.date,
    files,
    publishedAt: new Date().toISOString(),
  });
  files.push(...(await writeFeeds(config, out, edition.publication, recent)));
  return files;
}

/** RSS, Atom and JSON Feed for the publication and for each of its sections. */
async function writeFeeds(config: Config, out: string, name: string, editions: Edition[]): Promise<string[]> {
  const publication = config.publications[name];
  if (!publication) return [];
  const links = permalinks(config.site.baseUrl);
  const about = { name, title: publication.title, description: publication.description };
  const written: string[] = [];
  for (const section of [undefined, ...sectionTitles(editions)]) {
    const feeds = renderFeeds({ publication: about, editions, links, section, timeZone: config.timezone });
    for (const format of ['rss', 'atom', 'json'] as const) {
      const file = join(out, ...links.feed(name, format, section).split('/').map(decodeURIComponent));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, feeds[format]);
      written.push(file);
    }
  }
  return written;
}
