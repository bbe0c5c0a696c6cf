// Tests of the RSSHub shorthand: what counts as a route path, and where it resolves. collect() against a
// loopback RSSHub base is in source.test.ts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRsshubShorthand, resolveFeedUrl } from './rsshub.ts';

test('rsshub:/route resolves on the default instance, a self-hosted one, and one under a path', () => {
  assert.equal(resolveFeedUrl('rsshub:/zhihu/hotlist'), 'https://rsshub.app/zhihu/hotlist');
  assert.equal(
    resolveFeedUrl('rsshub:/zhihu/hotlist', 'http://127.0.0.1:1200'),
    'http://127.0.0.1:1200/zhihu/hotlist',
  );
  assert.equal(
    resolveFeedUrl('rsshub:/github/trending/daily/any?limit=10', 'https://hub.example/rsshub/'),
    'https://hub.example/rsshub/github/trending/daily/any?limit=10',
  );
  assert.equal(
    resolveFeedUrl('https://rsshub.app/36kr/newsflashes', 'https://hub.example'),
    'https://rsshub.app/36kr/newsflashes',
  );
});

test('only a path is a route: no scheme, host, backslash or dot-segment tricks', () => {
  for (const bad of [
    'rsshub:zhihu/hotlist',
    'rsshub://evil.example/x',
    'rsshub:/\\evil.example',
    'rsshub:/zhihu/../../admin',
    'rsshub:/zhihu/%2e%2e/admin',
    'rsshub:/a b',
    'rsshub:javascript:alert(1)',
    'rsshub:',
  ]) {
    assert.equal(isRsshubShorthand(bad), false, bad);
    assert.throws(() => resolveFeedUrl(bad), /an RSSHub shorthand must/, bad);
  }
  assert.equal(isRsshubShorthand('rsshub:/zhihu/hotlist'), true);
});
