// The about page (`about.html`): what the site is, its publications and their feeds, and how the text
// is made: sources merged into stories, who writes the Chinese, how corrections are shown.

import { html } from './html.ts';
import { dotted, feedLinks, layout, type SiteFrame } from './layout.ts';
import { relative } from './paths.ts';
import type { SitePublication } from './site-data.ts';

export function aboutPage(frame: SiteFrame, publications: SitePublication[]): { path: string; html: string } {
  const { paths } = frame;
  const path = paths.about;
  const link = (to: string) => relative(path, to);
  const content = html`<h1>关于${frame.title}</h1>
<p class="tagline">${frame.description}</p>
<h2>刊物</h2>
<ul class="publications">
${publications.map(
  (
    p,
  ) => html`<li><a href="${link(paths.publication(p.name))}">${p.config.title}</a>${p.config.description ? html`：${p.config.description}` : ''}
${feedLinks(frame, path, p.name).length > 0 ? html`（${dotted(feedLinks(frame, path, p.name))}）` : ''}</li>\n`,
)}</ul>
<h2>内容如何产生</h2>
<ul>
<li>每天从论文列表、新闻源、GitHub 与社交平台收集条目；同一件事（同一篇论文、同一则新闻）无论出现在多少个来源，都合并为一条，每条文章页列出它的全部来源链接。</li>
<li>中文标题与正文由大语言模型根据原文撰写，或由编辑撰写、修改；每条文章页都写明由谁（哪个模型、哪位编辑）在何时撰写。尚未翻译的条目以原文显示，并注明。</li>
<li>英文原文始终保留：每条中文下方点一下即可展开原文。</li>
<li>文章发布后如有修改，文章页会公开记录“更正于”何时、由谁更正；订阅源中的条目保持同一标识并更新修改时间。</li>
<li>贡献人：由读者或编辑推荐的条目注明“贡献人”。</li>
</ul>
<h2>隐私与安全</h2>
<ul>
<li>本站是静态网页，不使用 Cookie，不做统计跟踪；外部图片加载时不发送来源页地址（no-referrer）。</li>
<li>来自来源与模型的全部文本都经过白名单清理后才进入页面，页面带有严格的内容安全策略（CSP）。</li>
</ul>
<h2>版权</h2>
<p>${publications.map((p) => p.config.disclaimer).find((d) => d) ?? '文章版权归原作者所有。'}</p>`;
  return {
    path,
    html: layout(
      frame,
      { path, title: '关于', description: `关于${frame.title}`, current: 'about' },
      content,
    ),
  };
}
