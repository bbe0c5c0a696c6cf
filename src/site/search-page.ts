// The search page (`search.html`): a form the static index's client (search/search.js, written by
// src/search/) answers in the browser; without JavaScript a note says so and points to the archive.

import { html } from './html.ts';
import { layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';

export const SEARCH_CLIENT = 'search/search.js';

export function searchPage(frame: SiteFrame): { path: string; html: string } {
  const { paths } = frame;
  const path = paths.search;
  const content = html`<h1>搜索</h1>
<form id="search-form" role="search" action="${relative(path, paths.search)}" method="get">
<label for="search-q">搜索全部文章（中文或英文）</label>
<div class="search-row"><input id="search-q" name="q" type="search" autocomplete="off" placeholder="例如：长上下文、sparse attention"><button type="submit">搜索</button></div>
</form>
<noscript><p class="note">搜索需要 JavaScript。也可以按日期浏览<a href="${relative(path, paths.archive)}">归档</a>。</p></noscript>
<ol id="search-results" class="search-results"></ol>`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: '搜索',
        description: `搜索${frame.title}的全部文章`,
        current: 'search',
        scripts: [SEARCH_CLIENT],
      },
      content,
    ),
  };
}
