// publish: write an edition's documents to files under the output folder and refresh the indexes.
// Idempotent: publishing the same edition twice writes the same files. Other channels come later.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import type { Edition } from '../model/edition.ts';
import { escapeHtml, page } from '../render/html.ts';
import type { Store } from '../store/store.ts';
import type { Documents } from './render.ts';

export async function publish(
  store: Store,
  config: Config,
  out: string,
  edition: Edition,
  docs: Documents,
): Promise<string[]> {
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
  await writeIndexes(store, config, out);
  return files;
}

/** `out/index.html` lists publications; `out/<publication>/index.html` lists its editions, newest first. */
async function writeIndexes(store: Store, config: Config, out: string): Promise<void> {
  const listed: string[] = [];
  for (const [name, publication] of Object.entries(config.publications)) {
    const editions = await store.editions(name);
    if (editions.length === 0) continue;
    const links = editions
      .map(
        (e) =>
          `<li><a href="${e.date}.html">${escapeHtml(e.date)}</a> · <a href="${e.date}.md">Markdown</a></li>`,
      )
      .join('\n');
    await writeFile(
      join(out, name, 'index.html'),
      page(
        publication.title,
        `<h1>${escapeHtml(publication.title)}</h1>\n<p>${escapeHtml(publication.description)}</p>\n<ul>\n${links}\n</ul>\n`,
        '<a href="../">ribao</a>',
      ),
    );
    listed.push(
      `<li><a href="${escapeHtml(name)}/">${escapeHtml(publication.title)}</a> · 最新：<a href="${escapeHtml(name)}/${editions[0]?.date}.html">${editions[0]?.date}</a></li>`,
    );
  }
  await writeFile(
    join(out, 'index.html'),
    page('ribao 日报', `<h1>ribao 日报</h1>\n<ul>\n${listed.join('\n')}\n</ul>\n`),
  );
}
