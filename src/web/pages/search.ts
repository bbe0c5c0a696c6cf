// The archive search page (`GET /search?q=`): a form with filters and the hits, each snippet's marks
// as <mark> around separately escaped segments. No script; the form is a plain GET.

import type { ArchiveHit, ArchiveResult, Snippet } from '../../search/archive.ts';
import { searchArchive } from '../../search/archive.ts';
import { type SearchRequest, searchRequest } from '../api-search.ts';
import { html as page, route } from '../router.ts';
import { type Html, html, layout } from './layout.ts';

const TITLE = '搜索 Search';

export const searchPages = [
  route({
    method: 'GET',
    path: '/search',
    kind: 'page',
    role: 'contributor',
    summary: 'Search the archive in Chinese or English, with filters; matches are highlighted.',
    async handle(rc) {
      const frame = { title: TITLE, principal: rc.principal, csrf: rc.csrf };
      const request = searchRequest(rc.url);
      if ('error' in request)
        return page(400, layout(frame, html`${form(null)}<p class="error">${request.error}</p>`));
      const result = request.q ? await searchArchive(rc.web.store, request.q, request.filters) : null;
      return page(200, layout(frame, html`${form(request)}${result ? results(request, result) : ''}`));
    },
  }),
];

function form(request: SearchRequest | null): Html {
  const f = request?.filters;
  const field = (name: string, label: string, value: string | undefined, type = 'text') =>
    html`<label>${label} <input type="${type}" name="${name}" value="${value ?? ''}"></label>`;
  return html`<form method="get" action="/search" role="search">
<label>查询 Query <input type="text" name="q" value="${request?.q ?? ''}" autofocus></label>
<details><summary>筛选 Filters</summary>
${field('publication', '刊物 Publication', f?.publication)}${field('section', '栏目 Section', f?.section)}
${field('source', '来源 Source', f?.source)}${field('lang', '语言 Language', f?.lang)}
${field('from', '从 From', f?.from, 'date')}${field('to', '到 To', f?.to, 'date')}
</details>
<button>搜索 Search</button>
</form>`;
}

function results(request: SearchRequest, result: ArchiveResult): Html {
  if (result.total === 0) return html`<p class="muted">没有找到 No stories match “${request.q}”.</p>`;
  const { offset, limit } = request.filters;
  return html`<p class="muted">${result.total} 条 stories</p>
<ol class="hits" start="${offset + 1}">${result.hits.map(hit)}</ol>
${pager(request, result.total, offset, limit)}`;
}

function hit(h: ArchiveHit): Html {
  return html`<li><strong>${h.titleZh ?? h.title}</strong>${h.titleZh ? html`<br><span class="muted">${h.title}</span>` : ''}
<br><small class="muted">${h.date} · ${h.storyId}</small>
<p>${marked(h.snippet)}</p></li>`;
}

/** The snippet with each marked range in <mark>; every segment goes through `html`, so it is escaped. */
export function marked(snippet: Snippet): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    parts.push(html`${snippet.text.slice(at, start)}<mark>${snippet.text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${snippet.text.slice(at)}`);
  return html`${parts}`;
}

function pager(request: SearchRequest, total: number, offset: number, limit: number): Html {
  const link = (to: number, label: string) => {
    const params = new URLSearchParams({ q: request.q });
    for (const [key, value] of Object.entries(request.filters)) {
      if (value !== undefined && key !== 'offset' && key !== 'limit') params.set(key, String(value));
    }
    params.set('offset', String(to));
    return html`<a href="/search?${params.toString()}">${label}</a>`;
  };
  const previous = offset > 0 ? link(Math.max(0, offset - limit), '← 上一页 Previous') : '';
  const next = offset + limit < total ? link(offset + limit, '下一页 Next →') : '';
  return html`<nav>${previous} ${next}</nav>`;
}
