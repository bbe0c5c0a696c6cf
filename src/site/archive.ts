// The archive by date (`archive.html`): every edition of every publication, grouped by month, newest
// first; each day links to the editions printed that day with their entry counts.

import { allEntries } from '../model/edition.ts';
import { html } from './html.ts';
import { layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SitePublication } from './site-data.ts';

export function archivePage(
  frame: SiteFrame,
  publications: SitePublication[],
): { path: string; html: string } {
  const { paths } = frame;
  const path = paths.archive;
  const link = (to: string) => relative(path, to);
  const days = new Map<string, { publication: SitePublication; entries: number }[]>();
  for (const publication of publications) {
    for (const { edition } of publication.editions) {
      const list = days.get(edition.date) ?? [];
      list.push({ publication, entries: allEntries(edition).length });
      days.set(edition.date, list);
    }
  }
  const months = new Map<string, string[]>();
  for (const day of [...days.keys()].sort().reverse()) {
    const month = day.slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(day);
    months.set(month, list);
  }
  const content = html`<h1>归档</h1>
<p>共 ${days.size} 天、${publications.reduce((n, p) => n + p.editions.length, 0)} 期。</p>
${[...months].map(
  ([month, list]) => html`<section class="month" aria-labelledby="m-${month}">
<h2 id="m-${month}">${monthTitle(month)}</h2>
<ul class="archive-days">
${list.map(
  (day) =>
    html`<li><time datetime="${day}">${Number(day.slice(8))}日</time> ${(days.get(day) ?? []).map(
      (e, i) =>
        html`${i > 0 ? ' · ' : ''}<a href="${link(paths.edition(e.publication.name, day))}">${e.publication.config.title}</a> <span class="count">${e.entries} 条</span>`,
    )}</li>\n`,
)}</ul>
</section>
`,
)}`;
  return {
    path,
    html: layout(
      frame,
      { path, title: '归档', description: `${frame.title}的全部往期`, current: 'archive' },
      content,
    ),
  };
}

/** `2026-11` → `2026年11月` */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
