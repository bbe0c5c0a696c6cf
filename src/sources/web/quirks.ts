// Site quirks as data: per domain, the boilerplate to remove, the article's own container, lazy image
// attributes and where the page keeps its title, byline and date; plus generic boilerplate for every
// page. Keep SITE_QUIRKS sorted by domain (a test checks). Applying them is apply-quirks.ts.

export interface SiteQuirk {
  /** Never the article: recommendations, toolbars, comments, QR codes, copyright footers. */
  remove: readonly string[];
  /** The article's own container: Readability then reads only it (when it holds MIN_MAIN_CHARS), and
   * it replaces Readability's result when Readability keeps less than half of its text. */
  main?: string;
  /** Attributes holding the real address of lazily loaded images (copied into `src`). */
  lazySrc?: readonly string[];
  /** Where the page writes its title (the <title> carries the site's suffix), author, publication
   * and date (text or `datetime`). */
  title?: string;
  byline?: string;
  siteName?: string;
  published?: string;
  /** The UTC offset of dates the page writes without one (Chinese platforms: +08:00). */
  zone?: string;
}

const BEIJING = '+08:00';
/** Characters (without spaces) the main container must hold to be trusted as the article. */
export const MIN_MAIN_CHARS = 200;

export const SITE_QUIRKS: readonly (readonly [domain: string, quirk: SiteQuirk])[] = [
  [
    '36kr.com',
    {
      title: 'h1.article-title',
      main: '.articleDetailContent',
      remove: [
        '.article-footer-txt',
        '.kr-article-footer',
        '.article-detail-flow',
        '.kr-comment',
        '.kr-share',
      ],
      byline: '.title-icon-item.item-a',
      published: '.title-icon-item.item-time',
      zone: BEIJING,
    },
  ],
  [
    '51cto.com',
    {
      title: '.article-detail .title h1',
      main: '.article-content-wrap, .editor-preview-side',
      remove: [
        '.article-detail-right',
        '.more-article',
        '.recommend-article',
        '.comment-box',
        '.action-aside-left',
        '.copytext',
      ],
      byline: '.messbox .name',
      published: '.messbox time',
      zone: BEIJING,
    },
  ],
  [
    'blog.csdn.net',
    {
      title: 'h1.title-article',
      main: '#content_views',
      remove: [
        '#toolBarBox',
        '.left-toolbox',
        '.more-toolbox',
        '.recommend-box',
        '.recommend-item-box',
        '.first-recommend-box',
        '.second-recommend-box',
        '.insert-baidu-box',
        '#recommendNps',
        '.comment-box',
        '#pcCommentBox',
        '.comment-list-box',
        '.article-copyright',
        '.blog-footer-bottom',
        '.hide-article-box',
        '.template-box',
        '.blog_extension',
        '#blogColumnPayAdvert',
        '.csdn-side-toolbar',
        '.article-info-box',
        // Inside code blocks: line numbers and the 复制 button.
        '.pre-numbering',
        '.hljs-button',
      ],
      byline: '.follow-nickName',
      published: '.article-info-box .time',
      zone: BEIJING,
    },
  ],
  [
    'cnblogs.com',
    {
      title: '#cb_post_title_url',
      main: '#cnblogs_post_body',
      remove: [
        '#blog_post_info_block',
        '#blog_post_info',
        '#div_digg',
        '#author_profile',
        '#green_channel',
        '#EntryTag',
        '#under_post_card1',
        '#under_post_card2',
        '#HistoryToday',
        '#post_next_prev',
        '#blog-comments-placeholder',
        '#comment_form',
        '.c_ad_block',
        '.postDesc',
        '#sideBar',
      ],
      byline: '#author_profile a',
      published: '#post-date',
      zone: BEIJING,
    },
  ],
  [
    'infoq.cn',
    {
      title: 'h1.article-title',
      main: '.article-preview',
      remove: ['.article-recommend', '.related-article', '.article-comment', '.bottom-share', '.author-card'],
      byline: '.article-info .author',
      published: '.article-info .date',
      zone: BEIJING,
    },
  ],
  [
    'jianshu.com',
    {
      title: 'h1[title]',
      main: 'article',
      remove: ['aside', 'footer', '#note-page-comment', '.comment-list', '.note-bottom'],
      published: 'time',
      zone: BEIJING,
    },
  ],
  [
    'jiqizhixin.com',
    {
      title: 'h1.article__title',
      main: '.article__content, .js-article-content',
      remove: ['.article__relates', '.article__share', '.article__comment', '.article__tags'],
      byline: '.article__author',
      zone: BEIJING,
    },
  ],
  [
    'juejin.cn',
    {
      title: 'h1.article-title',
      main: '.article-content, .markdown-body',
      remove: [
        '.article-suspended-panel',
        '.recommended-area',
        '.recommended-links',
        '.article-end',
        '.tag-list-box',
        '#comment-box',
        '.comment-box',
        '.extension-banner',
        '.author-info-block',
        '.copy-code-btn',
      ],
      byline: '.author-info-block .author-name',
      published: '.author-info-block time',
      zone: BEIJING,
    },
  ],
  [
    'mp.weixin.qq.com',
    {
      title: '#activity-name',
      main: '#js_content',
      lazySrc: ['data-src'],
      remove: [
        '.rich_media_tool',
        '.rich_media_tool_area',
        '.rich_media_area_extra',
        '#js_pc_qr_code',
        '.qr_code_pc',
        '.qr_code_pc_outer',
        '#js_profile_qrcode',
        '.reward_area',
        '#js_read_area3',
        '#js_view_source',
        '#js_tags',
        '#content_bottom_area',
        '#js_sponsor_ad_area',
        '#js_share_notice',
        'mp-common-profile',
      ],
      byline: '#js_author_name',
      siteName: '#js_name',
      published: '#publish_time',
      zone: BEIJING,
    },
  ],
  [
    'qbitai.com',
    {
      title: '.article h1',
      main: '.article',
      remove: [
        '.article > h1',
        '.article_info',
        '.person_box',
        '.related_box',
        '.article_footer',
        '.share_box',
      ],
      byline: '.article_info .author',
      published: '.article_info .date',
      zone: BEIJING,
    },
  ],
  [
    'segmentfault.com',
    {
      title: 'h1 a[href*="/a/"]',
      main: '.article-content',
      remove: [
        '.functional-area-left',
        '.article-footer',
        '#comment-area',
        '.comment-list',
        '.recommend-list',
      ],
      byline: '.article-author .name',
      published: 'time[datetime]',
      zone: BEIJING,
    },
  ],
  [
    'zhuanlan.zhihu.com',
    {
      title: 'h1.Post-Title',
      main: '.Post-RichTextContainer, .Post-RichText',
      remove: [
        '.ColumnPageHeader',
        '.AuthorInfo',
        '.Post-topicsAndReviewer',
        '.ContentItem-actions',
        '.RichContent-actions',
        '.Reward',
        '.Post-Sub',
        '.Recommendations-Main',
        '.Comments-container',
        '.CornerButtons',
        '.Post-SideActions',
      ],
      byline: '.AuthorInfo-name',
      published: '.ContentItem-time',
      zone: BEIJING,
    },
  ],
];

/** Boilerplate on any site: share bars, cookie banners, recommendation lists, tag clouds, comments. */
export const GENERIC_REMOVE: readonly string[] = [
  // share bars (bdshare and JiaThis are the Chinese ones)
  '.share-bar',
  '.sharebar',
  '.share-buttons',
  '.social-share',
  '.social-sharing',
  '.addthis_toolbox',
  '.a2a_kit',
  '.bdsharebuttonbox',
  '.jiathis_style',
  // cookie banners
  '#cookie-banner',
  '.cookie-banner',
  '#cookie-notice',
  '.cookie-notice',
  '.cookie-consent',
  '#onetrust-consent-sdk',
  '#CybotCookiebotDialog',
  '.cc-window',
  // recommendation lists
  '.related-posts',
  '.related-articles',
  '.jp-relatedposts',
  '.yarpp-related',
  '.recommend-list',
  // tag clouds
  '.tagcloud',
  '.tag-cloud',
  '.wp-tag-cloud',
  // comment threads
  '#comments',
  '.comments-area',
  '.comment-list',
  '.commentlist',
  '#disqus_thread',
  '#respond',
];

/** The quirk for a host: the longest listed domain equal to it or a parent of it. */
export function quirkFor(hostname: string): SiteQuirk | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  let found: readonly [string, SiteQuirk] | undefined;
  for (const entry of SITE_QUIRKS) {
    const [domain] = entry;
    if ((host === domain || host.endsWith(`.${domain}`)) && domain.length > (found?.[0].length ?? 0))
      found = entry;
  }
  return found?.[1];
}
