// A story's page (`papers/story/<id>.html`): the Chinese title and text with the original one click
// away, every source link, who wrote and edited the text, the 贡献人 credit, and every correction.

import type { Writeup } from '../model/story.ts';
import { safeUrl } from '../render/sanitize.ts';
import {
  bodyHtml,
  chineseDate,
  excerptOf,
  httpsUrl,
  instant,
  originalHtml,
  pictureHtml,
  titleOf,
} from './entry-parts.ts';
import { type Child, html } from './html.ts';
import { layout, type SiteFrame } from './layout.ts';
import { relative, type SitePaths } from './paths.ts';
import type { SitePublication, SiteStory } from './site-data.ts';
import { langAttr } from './story-list.ts';

export function storyPage(
  frame: SiteFrame,
  publication: SitePublication,
  story: SiteStory,
  timeZone: string,
): { path: string; html: string } {
  const { paths } = frame;
  const { entry } = story;
  const path = paths.story(publication.name, entry.storyId);
  const link = (to: string) => relative(path, to);
  const title = titleOf(entry);
  const section = story.sections.at(-1);
  const content = html`<article class="story">
<header class="page-header">
<p class="kicker"><a href="${link(paths.edition(publication.name, story.date))}">${publication.config.title} · ${chineseDate(story.date)}</a>${section ? html` · <a href="${link(paths.section(publication.name, section))}">${section}</a>` : ''}</p>
<h1${langAttr(title.lang)}>${title.text}</h1>
${tagList(paths, link, publication.name, story.tags)}
</header>
${bodyHtml(entry, paths.absolute(path))}
${pictureHtml(entry)}
${originalHtml(entry)}
${entry.contributor ? html`<p class="credit">贡献人：@${entry.contributor}</p>` : ''}
<section aria-labelledby="sources">
<h2 id="sources">来源</h2>
<ul class="sources">
${sources(story).map((s) => html`<li><a href="${s.url}" rel="noopener noreferrer nofollow"${s.lang ? html` lang="${s.lang}"` : ''}>${s.title}</a> <span class="source-name">${s.source}${s.day ? ` · ${s.day}` : ''}</span></li>\n`)}</ul>
</section>
<section aria-labelledby="provenance">
<h2 id="provenance">出处与署名</h2>
<ul class="provenance">
${provenance(story, publication.config.title, timeZone).map((line) => html`<li>${line}</li>\n`)}</ul>
</section>
${correctionList(story, timeZone)}
</article>`;
  return {
    path,
    html: layout(
      frame,
      {
        path,
        title: title.text,
        description: excerptOf(entry, 160),
        type: 'article',
        image: httpsUrl(entry.image),
        current: publication.name,
      },
      content,
    ),
  };
}

function tagList(paths: SitePaths, link: (to: string) => string, name: string, tags: string[]): Child {
  if (tags.length === 0) return '';
  return html`<ul class="tags" aria-label="标签">${tags.map((t) => html`<li><a href="${link(paths.tag(name, t))}">#${t}</a></li>`)}</ul>`;
}

/** Every item the story merged: where each source listed it (two sources may list the same URL). */
function sources(
  story: SiteStory,
): { url: string; title: string; source: string; day: string | null; lang: string | null }[] {
  const items = story.view?.items ?? [];
  const listed =
    items.length > 0
      ? items
      : story.entry.links.map((l) => ({ ...l, title: l.url, lang: '', publishedAt: null }));
  const seen = new Set<string>();
  const out = [];
  for (const item of listed) {
    const url = safeUrl(item.url);
    if (!url || seen.has(`${item.source} ${url}`)) continue;
    seen.add(`${item.source} ${url}`);
    out.push({
      url,
      title: item.title || url,
      source: item.source,
      day: item.publishedAt?.slice(0, 10) ?? null,
      lang: /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(item.lang) ? item.lang : null,
    });
  }
  return out;
}

/** Who wrote the text the reader sees, with which model and prompt, and when. */
function provenance(story: SiteStory, publicationTitle: string, timeZone: string): string[] {
  const zh = story.view?.writeups.find((w) => w.lang === 'zh');
  const lines = [`收录于《${publicationTitle}》${chineseDate(story.date)}一期`];
  if (story.entry.publishedAt) lines.push(`原文发布于 ${instant(story.entry.publishedAt, timeZone)}`);
  lines.push(writtenBy(zh, story.entry.translated));
  return lines;
}

function writtenBy(zh: Writeup | undefined, translated: boolean): string {
  if (!zh || zh.status === 'flagged') {
    return translated ? '原文即为中文' : '尚未翻译：暂以原文显示（机器译文未生成或正等待编辑审核）';
  }
  const when = zh.updatedAt.slice(0, 10);
  if (zh.status === 'edited') {
    return zh.model
      ? `中文由 ${zh.model} 撰写，经编辑 @${zh.editedBy ?? '?'} 修改（${when}）`
      : `中文由编辑 @${zh.editedBy ?? '?'} 撰写（${when}）`;
  }
  if (zh.status === 'extractive') return `摘录自原文，未经模型改写（${when}）`;
  const prompt = zh.promptVersion ? `，提示词 ${zh.task}@${zh.promptVersion}` : '';
  return `中文由模型 ${zh.model ?? '?'} 撰写${prompt}，未经人工编辑（${when}）`;
}

function correctionList(story: SiteStory, timeZone: string): Child {
  if (story.corrections.length === 0) return '';
  return html`<section aria-labelledby="corrections" class="corrections">
<h2 id="corrections">更正记录</h2>
<ol>
${story.corrections.map((c) => html`<li>更正于 <time datetime="${c.at}">${instant(c.at, timeZone)}</time>${c.by ? `（@${c.by}）` : ''}${c.note ? `：${c.note}` : ''}</li>\n`)}</ol>
</section>`;
}
