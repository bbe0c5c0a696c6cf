// extract(): metadata with its fallbacks (Readability, then <meta>, JSON-LD), <base href> and canonical
// resolution, the Markdown of a real-looking post, fragments, and Chinese headings kept.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extract } from './extract.ts';

const article = readFileSync(new URL('./testdata/article.html', import.meta.url), 'utf8');
const PAGE = 'https://lab.example.com/blog/sparse-attention-at-scale?utm_source=feed';

test('metadata: title, byline from JSON-LD authors, date, site, excerpt, lang, og:image made absolute', () => {
  const result = extract(article, PAGE);
  assert.equal(result.title, 'Sparse Attention at Scale');
  assert.equal(result.byline, 'Ada Rivera, Lin Wei');
  assert.equal(result.publishedTime, '2025-06-03T09:30:00-07:00');
  assert.equal(result.siteName, 'Example Lab');
  assert.equal(result.excerpt, 'How we trained a 7B model with block-sparse attention and kept quality.');
  assert.equal(result.lang, 'en-US');
  assert.equal(
    result.image,
    'https://lab.example.com/blog/images/cover.png',
    'resolved against <base href="/blog/">',
  );
  assert.equal(result.canonical, 'https://lab.example.com/blog/sparse-attention-at-scale');
  assert.equal(result.readerable, true);
});

test('Markdown: links and images resolved against <base href>, code fences with languages, a GFM table', () => {
  const { markdown } = extract(article, PAGE);
  assert.match(
    markdown,
    /\[our notes on the pattern\]\(https:\/\/lab\.example\.com\/blog\/notes\/pattern\.html\)/,
  );
  assert.match(
    markdown,
    /!\[Speed-up \\\[chart\\\]\]\(https:\/\/lab\.example\.com\/blog\/images\/speedup\.png\)/,
  );
  assert.match(
    markdown,
    /!\[Lazy\]\(https:\/\/lab\.example\.com\/blog\/images\/lazy\.png\)/,
    'a data-src image',
  );
  assert.match(markdown, /````python\ndef block_mask/, 'a longer fence around code holding ```');
  assert.match(markdown, /```bash\ntorchrun --nproc-per-node 8/);
  assert.match(markdown, /```rust\nfn main\(\)/);
  assert.match(
    markdown,
    /Quality at 32k tokens\n\n\| Model \| Perplexity \| Speed \(tok\/s \\\| GPU\) \| \|\n\| --- \| --- \| --- \| --- \|/,
  );
  assert.match(markdown, /\| Sparse _\(ours\)_ \| 6\.34 \| 11,200 \| A100 \|/);
  assert.match(markdown, /\[research@lab\.example\.com\]\(mailto:research@lab\.example\.com\)/);
  assert.doesNotMatch(markdown, /Careers|© 2025/, 'navigation and footer are not the article');
  assert.doesNotMatch(markdown, /^# Sparse Attention/m, 'the title is a field, not repeated as a heading');
});

test('text: one line per block, no markup', () => {
  const { text } = extract(article, PAGE);
  const lines = text.split('\n');
  assert.ok(lines.includes('The sparsity pattern'));
  assert.ok(lines.some((line) => line.startsWith('Dense attention costs grow with the square')));
  assert.doesNotMatch(text, /<|\*\*|\]\(|^```/m);
});

test('without <base href>, links resolve against the page URL; preferCanonical uses <link rel=canonical>', () => {
  const page = `<html><head><title>T</title><link rel="canonical" href="https://canon.example/a/b.html"></head><body><article>
    <p>${'Words with commas, and clauses, make a paragraph long enough to be an article. '.repeat(6)}<a href="c.html">rel</a></p></article></body></html>`;
  assert.match(
    extract(page, 'file:///home/me/saved.html').markdown,
    /\[rel\]\(file:\/\/\/home\/me\/c\.html\)/,
  );
  assert.match(
    extract(page, 'file:///home/me/saved.html', { preferCanonical: true }).markdown,
    /\[rel\]\(https:\/\/canon\.example\/a\/c\.html\)/,
  );
  assert.match(
    extract(page, 'https://origin.example/x/y.html').markdown,
    /\[rel\]\(https:\/\/origin\.example\/x\/c\.html\)/,
  );
});

test('metadata falls back to <meta> and JSON-LD when Readability finds none, and nulls when absent', () => {
  const page = `<html><head><title>Fallback</title>
    <meta property="og:locale" content="zh_CN">
    <meta name="pubdate" content="2024-05-06T07:08:09+08:00">
    <script type="application/ld+json">[{"@type":"NewsArticle","author":"记者甲","publisher":{"name":"某报"}}]</script>
    <script type="application/ld+json">{ not json</script>
    </head><body><p>短。</p></body></html>`;
  const result = extract(page, 'https://news.example/1');
  assert.equal(result.lang, 'zh-CN');
  assert.equal(result.publishedTime, '2024-05-06T07:08:09+08:00');
  assert.equal(result.byline, '记者甲');
  assert.equal(result.siteName, '某报');
  const bare = extract('<p>only a line</p>', 'https://news.example/2');
  assert.equal(bare.title, null);
  assert.equal(bare.byline, null);
  assert.equal(bare.image, null);
  assert.equal(bare.canonical, null);
  assert.equal(bare.markdown, 'only a line');
  assert.equal(bare.excerpt, 'only a line', 'the first line when nothing describes the page');
});

test('a Chinese heading that shares a Latin word with the title is not taken for the title', () => {
  const paragraph =
    '<p>这一段是正文，包含足够多的文字，用来让阅读模式认为这里就是文章的主体内容，而不是导航或者页脚。</p>';
  const page = `<html><head><title>PyTorch 2 中 torch.compile 的原理与实践</title></head><body><article>
    <h2>一、为什么需要 torch.compile</h2>${paragraph.repeat(4)}<h2>二、最小示例</h2>${paragraph.repeat(4)}</article></body></html>`;
  const { markdown } = extract(page, 'https://blog.example/p/1');
  assert.match(markdown, /## 一、为什么需要 torch\.compile/);
  assert.match(markdown, /## 二、最小示例/);
});

test('an empty or text-free page gives empty Markdown, not an error', () => {
  for (const html of ['', '<html><body></body></html>', '<html><body><img src="/a.png"></body></html>']) {
    const result = extract(html, 'https://x.example/');
    assert.equal(typeof result.markdown, 'string');
    assert.equal(result.text, '');
  }
});
