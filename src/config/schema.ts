// The one configuration schema: every key declared once, with its default and validation.
// Source-specific keys are validated by each source's descriptor (config/load.ts), not here.

import { z } from 'zod';
import { EmailConfig } from '../email/config.ts';
import { TEMPLATES } from '../model/edition.ts';
import { ITEM_KINDS, type ItemKind } from '../model/item.ts';
import { ProfileConfig, SourceWeights } from '../stories/profile/profile.ts';
import { WebhooksConfig } from '../webhooks/config.ts';
import { OUTPUT_MODES } from '../writer/llm.ts';
import { TASKS } from '../writer/tasks.ts';

// Display order is the list order; `priority` decides which rule wins when several match
// (higher first, then list order): specific rules (domains, keywords) outrank catch-all kinds.
const DEFAULT_DAILY_SECTIONS: SectionConfig[] = [
  {
    title: '资讯',
    children: [
      {
        title: '研究',
        priority: 2,
        match: { kinds: ['article'], keywords: ['research', 'paper', 'benchmark', '研究', '论文'] },
      },
      { title: '产业', priority: 0, match: { kinds: ['article'] } },
    ],
  },
  {
    title: '推特',
    priority: 10,
    match: { domains: ['x.com', 'twitter.com', 'weibo.com', 'threads.net', 'bsky.app'] },
  },
  { title: '论文', priority: 5, match: { kinds: ['paper'] } },
  {
    title: '产品',
    priority: 6,
    match: { keywords: ['launches', 'launched', 'now available', '发布', '上线'] },
  },
  { title: 'HuggingFace&Github', priority: 10, match: { domains: ['github.com', 'huggingface.co'] } },
  {
    title: '投融资',
    priority: 9,
    match: { keywords: ['funding', 'raises', 'series a', 'series b', '融资', '估值'] },
  },
  { title: '学习', priority: 7, match: { keywords: ['tutorial', 'course', '教程', '课程'] } },
];

const Match = z
  .object({
    kinds: z.array(z.enum(ITEM_KINDS)).optional(),
    sources: z.array(z.string()).optional(),
    domains: z.array(z.string()).optional(),
    keywords: z.array(z.string()).optional(),
  })
  .strict();

export interface SectionConfig {
  title: string;
  priority?: number | undefined;
  match?:
    | {
        kinds?: ItemKind[] | undefined;
        sources?: string[] | undefined;
        domains?: string[] | undefined;
        keywords?: string[] | undefined;
      }
    | undefined;
  children?: SectionConfig[] | undefined;
}

const Section: z.ZodType<SectionConfig> = z.lazy(() =>
  z
    .object({
      title: z.string().min(1),
      priority: z.number().optional(),
      match: Match.optional(),
      children: z.array(Section).optional(),
    })
    .strict(),
);

const Publication = z
  .object({
    title: z.string().min(1),
    template: z.enum(TEMPLATES),
    description: z.string().default(''),
    /** Source ids offered to this publication; empty means every source. */
    sources: z.array(z.string()).default([]),
    /** At most this many entries per edition (0 = no limit). */
    limit: z.number().int().min(0).default(0),
    sections: z.array(Section).default(DEFAULT_DAILY_SECTIONS),
    /** Credit for items found automatically: a handle, or null to omit the `贡献人` line. */
    defaultContributor: z.string().nullable().default(null),
    disclaimer: z.string().default('本文档仅供学习交流使用，版权归原作者所有。'),
    /** A glossary file (same shape as the default) merged over ribao's default AI glossary. */
    glossary: z.string().nullable().default(null),
    /** Open the edition with an LLM-written lead paragraph. */
    lead: z.boolean().default(false),
    /** Ask the LLM for a section when no rule places a story (cached; rules always win). */
    classify: z.boolean().default(false),
    /** The reader's interests: keywords, negative keywords, seed papers (docs/stories.md). */
    profile: ProfileConfig.optional(),
    /** source id or kind → a term added to stories from it (negative to demote). */
    sourceWeights: SourceWeights,
  })
  .strict();

/** Price per million tokens, in `llm.currency`. */
const Price = z.object({ input: z.number().min(0), output: z.number().min(0) }).strict();

const Llm = z
  .object({
    baseUrl: z.string().url().nullable().default(null),
    apiKey: z.string().nullable().default(null),
    model: z.string().default('gpt-4o-mini'),
    /** Per-task model choice: a cheap model for `classification`, a strong one for translation. */
    models: z.partialRecord(z.enum(TASKS), z.string()).default({}),
    timeoutMs: z.number().int().positive().default(120_000),
    maxRetries: z.number().int().min(0).default(2),
    concurrency: z.number().int().min(1).default(4),
    requestsPerMinute: z.number().positive().nullable().default(null),
    structuredOutput: z.enum(OUTPUT_MODES).default('json-schema'),
    /** Per-run budget; writing stops cleanly when either is reached (null: no limit). */
    budget: z
      .object({
        tokens: z.number().int().positive().nullable().default(null),
        cost: z.number().positive().nullable().default(null),
      })
      .strict()
      .prefault({}),
    currency: z.string().default('USD'),
    /** model → price per million tokens; unpriced models count tokens only. */
    prices: z.record(z.string(), Price).default({}),
  })
  .strict()
  .prefault({});

const Source = z.looseObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), kind: z.string().min(1) });

export const ConfigSchema = z
  .object({
    db: z.string().default('./data/ribao.db'),
    /** Where `ribao run` and `ribao build` write editions. */
    out: z.string().default('./out'),
    /** Edition days are counted in this time zone. */
    timezone: z.string().default('Asia/Shanghai'),
    userAgent: z.string().default('ribao/0.1 (+https://github.com/ribao/ribao)'),
    http: z
      .object({
        timeoutMs: z.number().int().positive().default(30_000),
        maxBodyBytes: z
          .number()
          .int()
          .positive()
          .default(20 * 1024 * 1024),
        /** Private hosts the SSRF guard lets through: names (`rsshub.lan`, `*.corp.example`),
         * addresses or CIDR blocks (`10.0.0.0/8`). Nothing else private is ever fetched. */
        allowPrivate: z.array(z.string().min(1)).default([]),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        /** 429/503: attempts, the longest Retry-After honoured, the first backoff. */
        retry: z
          .object({
            attempts: z.number().int().min(1).default(3),
            maxWaitMs: z.number().int().min(0).default(60_000),
            baseDelayMs: z.number().int().min(0).default(1_000),
          })
          .strict()
          .prefault({}),
        /** Per-host politeness over the built-in rules (arXiv: one request every 3 s). */
        hosts: z
          .record(
            z.string(),
            z.object({ intervalMs: z.number().int().min(0), concurrency: z.number().int().min(1) }).strict(),
          )
          .default({}),
        robotsTtlMs: z
          .number()
          .int()
          .positive()
          .max(24 * 3600_000)
          .default(24 * 3600_000),
      })
      .strict()
      .prefault({}),
    /** The published site: where it lives (feeds and e-mails need absolute links) and what it is called. */
    site: z
      .object({
        baseUrl: z.string().url().default('http://localhost:8080/'),
        title: z.string().default('ribao 日报'),
        description: z.string().default('AI 研究与产业日报'),
      })
      .strict()
      .prefault({}),
    llm: Llm,
    /** Mailing editions to subscribers (docs/publishing.md); null: no e-mail. */
    email: EmailConfig.nullable().default(null),
    /** Chat groups that receive editions (docs/publishing.md). */
    webhooks: WebhooksConfig,
    sources: z.array(Source).default([
      { id: 'hf-daily', kind: 'hf-daily' },
      { id: 'arxiv', kind: 'arxiv', categories: ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG'] },
    ]),
    publications: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), Publication).default({
      papers: {
        title: 'AI 论文日报',
        template: 'paper-digest',
        description: 'Hugging Face 每日论文与 arXiv cs.AI / cs.CL / cs.CV / cs.LG，全文翻译',
        sources: ['hf-daily', 'arxiv'],
        limit: 30,
        sections: [],
        defaultContributor: null,
        disclaimer: '',
        glossary: null,
        lead: false,
        classify: false,
        sourceWeights: {},
      },
      daily: {
        title: 'AI 日报',
        template: 'daily-report',
        description: '论文、资讯、GitHub、社交平台与贡献人投稿',
        sources: [],
        limit: 0,
        sections: DEFAULT_DAILY_SECTIONS,
        defaultContributor: null,
        disclaimer: '本文档仅供学习交流使用，版权归原作者所有。',
        glossary: null,
        lead: false,
        classify: false,
        sourceWeights: {},
      },
    }),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type LlmConfig = z.infer<typeof Llm>;
export type PublicationConfig = z.infer<typeof Publication>;
export type SourceConfig = z.infer<typeof Source>;
