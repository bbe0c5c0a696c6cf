// Test support: editions the feed tests print. A fixed pair (goldens: sections, a repeated story, a
// correction, an untranslated entry) and a hostile one (every text field an attack or an oddity).

import type { Edition, EditionEntry, EditionSection } from '../../model/edition.ts';

export function sampleEntry(overrides: Partial<EditionEntry>): EditionEntry {
  return {
    storyId: 's',
    kind: 'article',
    originalTitle: '',
    title: null,
    body: '',
    originalBody: '',
    originalLang: 'en',
    publishedAt: null,
    updatedAt: null,
    writtenBy: null,
    translated: true,
    edited: false,
    url: '',
    image: null,
    contributor: null,
    score: 0,
    links: [],
    ...overrides,
  };
}

function section(title: string, entries: EditionEntry[], children: EditionSection[] = []): EditionSection {
  return { title, entries, children };
}

function edition(date: string, sections: EditionSection[]): Edition {
  const base = { publication: 'daily', title: 'AI 日报', template: 'daily-report' as const };
  return { ...base, date, lead: null, sections, untranslated: 0, flagged: 0 };
}

const slr = sampleEntry({
  storyId: '3f2a9c1b7d2e',
  kind: 'paper',
  originalTitle: 'Sparse Lattice Routing for Long-Context Transformers',
  title: '面向长上下文 Transformer 的稀疏格点路由',
  body: '长上下文推理受限于注意力 (Attention) 的二次复杂度。本文提出**稀疏格点路由** (SLR)。\n\n详见[上一期](../2026-11-21.html)。',
  originalBody:
    'Long-context inference is bound by attention_cost.\n\nWe propose Sparse Lattice Routing (SLR), $O(n \\log n)$.',
  url: 'https://arxiv.org/abs/2611.01234',
  image: 'https://example.com/figure1.png',
  contributor: '林一',
  publishedAt: '2026-11-20T18:00:00Z',
  updatedAt: '2026-11-22T09:30:00Z',
});

/** Two days of `daily`, given oldest first (the feed must put the newest first). */
export function sampleEditions(): Edition[] {
  return [
    edition('2026-11-21', [
      section(
        '资讯',
        [],
        [
          section('产业', [
            sampleEntry({
              storyId: 'a1b2c3d4e5f6',
              title: 'Orbital Labs 完成 B 轮融资',
              originalTitle: 'Orbital Labs raises $120M Series B',
              body: 'Orbital Labs 宣布完成 1.2 亿美元 B 轮融资。',
              originalBody: 'Orbital Labs announced a $120M Series B.',
              url: 'https://example.com/orbital',
            }),
          ]),
        ],
      ),
      section('论文', [{ ...slr, updatedAt: '2026-11-20T20:00:00Z' }]),
    ]),
    edition('2026-11-22', [
      section('推特', [
        sampleEntry({
          storyId: '9e8d7c6b5a4f',
          kind: 'post',
          originalTitle: 'Long context is not a free lunch',
          body: 'Long context is not a free lunch: memory grows with every token.',
          originalBody: 'Long context is not a free lunch: memory grows with every token.',
          translated: false,
          url: 'https://x.com/someone/status/1234567890',
        }),
      ]),
      section('论文', [slr]),
    ]),
  ];
}

/** One edition whose every field a hostile source or model could have filled. */
export function hostileEdition(): Edition {
  const evil = sampleEntry({
    storyId: 'e\u0001vil 1',
    title: '<script>alert("t")</script> & ]]> "引号" \'单\' 😀 中文\u0000\u0008\ufffe',
    originalTitle: 'Original <b>bold</b> ]]>',
    body:
      '正文 <script>alert(1)</script> <img src=x onerror=alert(1)> <svg onload=alert(1)>\n\n' +
      '[点我](javascript:alert(1)) [数据](data:text/html;base64,PHNjcmlwdD4=) ]]> \u0007 😀\n\n' +
      '<iframe src="https://evil.example/"></iframe> <a href="vbscript:x">vb</a>',
    originalBody: '<style>body{}</style>Abstract with </blockquote><script>x()</script> and \u001b escape.',
    originalLang: 'en" onmouseover="alert(1)',
    url: 'javascript:alert(document.domain)',
    image: 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    contributor: '<img src=x onerror=alert(1)>\u0003@坏人',
    updatedAt: 'not a date',
  });
  const plain = sampleEntry({
    storyId: 'ok2',
    title: '正常条目：Tom & Jerry < 2 > 1',
    originalTitle: 'Normal entry',
    body: '一段**正常**的中文摘要，含 emoji 🚀 与链接 <https://example.com/a?b=1&c=2>。',
    url: 'https://example.com/a?b=1&c=2',
    contributor: '陈二',
  });
  return {
    ...edition('2026-11-22', [section('<section> & "节"\u0002', [evil, plain])]),
    title: '日报 <script>x</script>',
  };
}
