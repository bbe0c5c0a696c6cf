// Tests of the Hacker News mapping on our fixtures: linked stories, text posts, what is skipped and why,
// hostile values (script URLs, markup, huge strings), and the parsers' errors.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import type { RawItem } from '../../model/item.ts';
import {
  adaptStory,
  isSkip,
  type Listing,
  type Skip,
  type Story,
  storyFromHit,
  storyFromItem,
} from './adapt.ts';
import { parseIdList, parseItem, parseSearch } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const items = JSON.parse(fixture('items.json')) as Record<string, unknown>;
const listing: Listing = { day: '2025-06-10', lists: ['top'], keywords: [] };

function story(id: string): Story | Skip {
  const item = parseItem(JSON.stringify(items[id]), `item/${id}.json`);
  assert.ok(item);
  return storyFromItem(item);
}

function adapted(id: string, where = listing): RawItem | Skip {
  const found = story(id);
  return isSkip(found) ? found : adaptStory(found, where);
}

test('a story with a link is an article pointing at the link, the discussion kept', () => {
  assert.deepEqual(adapted('44210001'), {
    externalId: 'hn:44210001',
    kind: 'article',
    url: 'https://qwenlm.github.io/blog/qwen3-coder/',
    title: 'Qwen3-Coder: Agentic Coding in the World',
    summary: '',
    lang: 'en',
    authors: [],
    publishedAt: '2025-06-10T08:00:00.000Z',
    listedOn: '2025-06-10',
    image: null,
    metrics: { points: 512, comments: 231 },
    contributor: 'simonw',
    extra: { discussion: 'https://news.ycombinator.com/item?id=44210001', hnId: 44210001, lists: ['top'] },
  });
});

test('an Ask HN text post is a post on HN, its HTML reduced to text with entities decoded', () => {
  const item = adapted('44210002', { day: '2025-06-10', lists: [], keywords: ['LLM'] });
  assert.ok(!isSkip(item));
  assert.equal(item.kind, 'post');
  assert.equal(item.url, 'https://news.ycombinator.com/item?id=44210002');
  assert.equal(
    item.summary,
    'We ship an agent that files support tickets. Offline evals look great, but production is a different ' +
      "story. What's worked for you? We tried LLM-as-judge & golden sets; both drift. Edit: thanks, reading everything.",
  );
  assert.deepEqual(item.extra, {
    discussion: 'https://news.ycombinator.com/item?id=44210002',
    hnId: 44210002,
    hnKind: 'ask',
    keywords: ['LLM'],
  });
});

test('a Show HN with a link is an article with its text as summary', () => {
  const item = adapted('44210003');
  assert.ok(!isSkip(item));
  assert.equal(item.kind, 'article');
  assert.equal(item.url, 'https://github.com/example/kv-router');
  assert.equal(
    item.summary,
    "Hi HN, we built a KV-cache aware router for vLLM clusters. It's open source (Apache-2.0).",
  );
  assert.equal(item.extra?.hnKind, 'show');
});

test('jobs, polls, dead and deleted items are skipped quietly; a script URL is refused with a warning', () => {
  const skips: [string, Skip][] = [
    ['44210004', { skip: 'item 44210004 is a job, not a story' }],
    ['44210005', { skip: 'item 44210005 is dead' }],
    ['44210006', { skip: 'item 44210006 is deleted' }],
    ['44210011', { skip: 'item 44210011 is a poll, not a story' }],
    [
      '44210010',
      { skip: 'story 44210010 links "javascript:alert(document.cookie)", not an http(s) URL', warn: true },
    ],
  ];
  for (const [id, expected] of skips) assert.deepEqual(adapted(id), expected, id);
});

test('hostile values: titles stay plain text and bounded, other URL schemes refused, huge text cut', () => {
  const base: Story = { id: 1, title: 'Why <canvas> is slow & what to do', publishedAt: null };
  const plain = adaptStory(base, listing);
  assert.ok(!isSkip(plain));
  assert.equal(plain.title, 'Why <canvas> is slow & what to do', 'HN titles are plain text, kept as written');
  for (const url of [
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:x',
    '//evil',
  ]) {
    const refused = adaptStory({ ...base, url }, listing);
    assert.ok(isSkip(refused) && refused.warn, url);
  }
  const huge = adaptStory(
    {
      ...base,
      title: `Show HN: ${'A'.repeat(5000)}`,
      html: `<p>${'word '.repeat(10_000)}<script>x()</script>`,
    },
    listing,
  );
  assert.ok(!isSkip(huge));
  assert.ok(huge.title.length <= 300 && huge.title.endsWith('…'), huge.title.slice(-20));
  assert.ok(huge.summary.length <= 1000 && huge.summary.endsWith('…'));
  assert.doesNotMatch(huge.summary, /x\(\)|</);
  const untitled = parseItem('{"id": 7, "type": "story", "title": "   "}', 'item/7.json');
  assert.ok(untitled);
  assert.deepEqual(storyFromItem(untitled), { skip: 'story 7 has no title', warn: true });
});

test('search hits become the same stories; created_at or created_at_i dates them', () => {
  const bad: InputError[] = [];
  const hits = parseSearch(fixture('search-llm.json'), 'search', (error) => bad.push(error));
  assert.equal(hits.length, 3);
  assert.deepEqual(
    bad.map((error) => error.message),
    ['search: hit [3].objectID: is not an item id'],
  );
  const stories = hits.map(storyFromHit);
  assert.deepEqual(stories[2], {
    id: 44212222,
    title: 'Ask HN: LLM on a Raspberry Pi 5?',
    url: undefined,
    html: 'Is anyone running LLM inference on a Raspberry Pi 5 &amp; getting &gt;5 tok&#x2F;s?',
    by: 'curious',
    publishedAt: '2025-06-10T16:40:00Z',
    points: 21,
    comments: 9,
  });
  const [onlyUnix] = parseSearch(
    '{"hits": [{"objectID": "5", "title": "T", "created_at_i": 1749542400}]}',
    's',
    () => {},
  );
  assert.ok(onlyUnix);
  assert.equal((storyFromHit(onlyUnix) as Story).publishedAt, '2025-06-10T08:00:00.000Z');
});

test('parsers: id lists, null items, malformed and wrong-shaped bodies', () => {
  assert.deepEqual(parseIdList('[3, 1, "2", -4, 1.5, null, 9007199254740993]', 'top'), [3, 1]);
  assert.deepEqual(parseIdList('[]', 'top'), []);
  assert.equal(parseItem('null', 'item/1.json'), null);
  const cases: [() => unknown, RegExp][] = [
    [() => parseIdList(fixture('topstories-truncated.json'), 'top'), /^top: the JSON ends early/],
    [
      () => parseIdList('{"error": "Permission denied"}', 'top'),
      /^top: expected an array of item ids, found an object/,
    ],
    [
      () => parseIdList('<html><body>Bad gateway</body></html>', 'top'),
      /^top: the response is HTML, not JSON/,
    ],
    [() => parseIdList('', 'top'), /^top: the response is empty/],
    [() => parseIdList('[1,,2]', 'top'), /^top: not valid JSON/],
    [() => parseItem('[1]', 'item/1.json'), /^item\/1\.json: expected an item object, found an array/],
    [() => parseItem('{"title": "no id"}', 'item/1.json'), /^item\/1\.json: item id: /],
    [
      () => parseSearch('{"message": "Invalid query"}', 'search', () => {}),
      /^search: expected a search response/,
    ],
  ];
  for (const [run, message] of cases) {
    assert.throws(
      run,
      (error: unknown) => error instanceof InputError && message.test(error.message),
      String(message),
    );
  }
});
