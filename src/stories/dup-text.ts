// The text near-duplicate detection compares: titles without outlet tags and hype prefixes, summaries
// without summary boilerplate. Owns the tables of what to strip; must not tokenize or hash (shingles.ts).

/** Outlet names and tags that headlines carry but that say nothing about the event, sorted. */
const OUTLETS = [
  '36kr',
  '36氪',
  'agi hunt',
  'ai 开源项目',
  'ai科技评论',
  'bloomberg',
  'csdn',
  'hacker news',
  'infoq',
  'mit technology review',
  'reuters',
  'techcrunch',
  'the verge',
  'venturebeat',
  'wired',
  '夕小瑶科技说',
  '新智元',
  '新智元导读',
  '智东西',
  '机器之心',
  '机器之心pro',
  '极客公园',
  '澎湃新闻',
  '甲子光年',
  '硅星人',
  '量子位',
  '量子位智库',
  '钛媒体',
  '雷锋网',
];

/** Hype words that open (or punctuate) Chinese AI-media headlines: dropped when they stand alone. */
const HYPE = [
  '独家',
  '刚刚',
  '官宣',
  '快讯',
  '炸裂',
  '热议',
  '突发',
  '速看',
  '重磅',
  '震撼',
  '首发',
  '最新消息',
  'breaking',
  'exclusive',
  'just in',
];

/** What machine-written summaries open with before saying anything ("这篇文章介绍了…"), as patterns. */
const SUMMARY_OPENERS: RegExp[] = [
  /^(?:以下是|下面是)?(?:该|这篇|本篇)?(?:文章|报道|新闻)?的?(?:核心)?(?:摘要|总结|要点)(?:如下|可以是)?[:：]?/,
  /^(?:这篇|本篇|该|本)(?:新智元|量子位|机器之心)?(?:文章|报道|新闻|论文|博客|内容|访谈|通讯)?(?:主要|重点)?(?:介绍|报道|讲述|探讨|讨论|回顾|揭示|总结|指出|聚焦|围绕)(?:了|于)?/,
  /^本文(?:主要|重点)?(?:介绍|报道|讲述|探讨|讨论|回顾|揭示|总结)?了?/,
  /^(?:in )?this (?:paper|article|post|work)(?:,)? (?:we )?/,
];

/**
 * A machine summary that failed: the model asked for the article or refused ("好的，请将文章发给我",
 * "非常抱歉，作为一个AI助手，我无法回答该问题"). It says nothing about the article.
 */
const FAILED_SUMMARY =
  /^(?:好的|非常抱歉|很抱歉|抱歉|对不起|请|当然)[，,。!！\s]*.{0,16}(?:请|提供|发给我|粘贴|您还未|您需要|无法回答|无法提供|换个话题)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const OUTLET_PATTERN = new RegExp(
  `(?:^|(?<=[\\s|｜【】\\[\\]()（）:：!！,，-]))(?:${[...OUTLETS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?=$|[\\s|｜【】\\[\\]()（）:：!！,，-])`,
  'g',
);
const HYPE_PATTERN = new RegExp(
  `(?:^|(?<=[\\s|｜【】\\[\\]()（）:：!！,，。-]))(?:${HYPE.map(escapeRegExp).join('|')})(?=$|[\\s|｜【】\\[\\]()（）:：!！,，。-])`,
  'g',
);
/** `5 天 320 stars - `, `2.2k stars - `: the repository-star tag some accounts put before a title. */
const STAR_TAG = /^(?:\d+\s*天\s*)?[\d.]+k?\s*stars?\s*[-–—:：]\s*/;

/** NFKC, lower case, one space between words: the common ground for titles and summaries. */
export function foldText(text: string): string {
  // NFKC changes nothing in ASCII, and most English text is ASCII: skip its cost there.
  const normalized = /[^\p{ASCII}]/u.test(text) ? text.normalize('NFKC') : text;
  return normalized.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A headline as compared: folded, without outlet names, star tags and stand-alone hype words. */
export function dupTitle(title: string): string {
  return foldText(title)
    .replace(STAR_TAG, '')
    .replace(OUTLET_PATTERN, ' ')
    .replace(HYPE_PATTERN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A summary as compared: folded, its opening boilerplate dropped; a failed machine summary is empty. */
export function dupSummary(summary: string): string {
  let text = foldText(summary)
    .replace(/[*#>`_]+/g, ' ')
    .trim();
  if (FAILED_SUMMARY.test(text)) return '';
  for (const opener of SUMMARY_OPENERS) text = text.replace(opener, '').trim();
  return text;
}
