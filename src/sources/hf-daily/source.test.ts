// Tests of the hf-daily source on our own fixtures (testdata/): import format, errors, sniffing, and
// collect() against a real loopback HTTP server. The real-corpus replay is in corpus.test.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, Http } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import source from './source.ts';

const format = source.formats?.[0];
assert.ok(format);
const testdata = new URL('./testdata/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, testdata), 'utf8');
const parseFixture = (name: string) => format.parse(fixture(name), `testdata/${name}`);

test('a normal day: fields, hidden authors, metrics, image, listing day from the file name', () => {
  const [first, second, ...rest] = parseFixture('2025-06-10.json');
  assert.equal(rest.length, 0);
  assert.deepEqual(first, {
    externalId: '2025-06-10/2506.01234',
    kind: 'paper',
    url: 'https://arxiv.org/abs/2506.01234',
    title: 'Sparse Lattice Routing for Long-Context\n  Transformers',
    summary:
      'Long-context inference is bound by the quadratic cost of attention. We propose\nSparse Lattice Routing (SLR) and cut memory by 41% at 128K tokens.',
    lang: 'en',
    authors: ['Lin Yi', 'Chen Er'],
    publishedAt: '2025-06-09T17:59:58.000Z',
    listedOn: '2025-06-10',
    image: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2506.01234.png',
    metrics: { upvotes: 42, stars: 128, comments: 3 },
    extra: {
      hfDate: '2025-06-10',
      hfUrl: 'https://huggingface.co/papers/2506.01234',
      arxivId: '2506.01234',
      githubRepo: 'https://github.com/example/slr',
      projectPage: 'https://example.com/slr',
      aiKeywords: ['sparse attention', 'long context'],
      aiSummary: 'SLR routes attention over a sparse lattice.',
    },
  });
  // 2024 shape: `mediaUrl` instead of `thumbnail`; a mistyped githubStars is dropped, not fatal.
  assert.equal(second?.title, 'LLM$\\times$MapReduce: Few Upvotes, Old Shape');
  assert.equal(
    second?.image,
    'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2506.05678.png',
  );
  assert.deepEqual(second?.metrics, { upvotes: 2, comments: 0 });
  assert.equal(second?.externalId, '2025-06-10/2506.05678');
});

test('a day of Python-repr strings is repaired', () => {
  const items = parseFixture('repr-2024-12-18.json');
  assert.equal(items.length, 2);
  assert.equal(items[0]?.title, 'Don\'t Stop\n  Pretraining — "Again"');
  assert.equal(items[0]?.summary, 'Line one\nline two with a backslash \\ and a tab\tand café and 中文.');
  assert.deepEqual(items[0]?.authors, ["Seán O'Neil"]);
  assert.equal(items[0]?.listedOn, '2024-12-18');
  assert.equal(items[1]?.image, null);
  assert.deepEqual(items[1]?.metrics, { upvotes: 0, comments: 0 });
});

test('the status/data wrapper: its own date names the listing day', () => {
  const items = parseFixture('wrapped-day.json');
  assert.equal(items.length, 1);
  assert.equal(items[0]?.externalId, '2025-01-10/2501.00042');
  assert.equal(items[0]?.listedOn, '2025-01-10');
});

test('without a date anywhere, the listing day falls back to submittedOnDailyAt, then publishedAt', () => {
  const items = format.parse(fixture('2025-06-10.json'), 'stdin');
  assert.deepEqual(
    items.map((item) => item.listedOn),
    ['2025-06-10', '2025-06-08'],
  );
});

test('unreadable files are InputErrors naming the file and the reason', () => {
  const cases: [string, RegExp][] = [
    ['truncated-2025-06-11.json', /truncated/],
    ['empty.json', /empty/],
    ['html-page.json', /HTML, not JSON/],
    ['not-entries.json', /entry \[0\] has no "paper" object/],
  ];
  for (const [name, reason] of cases) {
    assert.throws(
      () => parseFixture(name),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.startsWith(`testdata/${name}: `) &&
        reason.test(error.message),
      name,
    );
  }
});

test('bad shapes and bad entries say which entry and what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['{"error": "Invalid date"}', /expected a JSON array .* found an object with keys: error/],
    ['"hello"', /found a string/],
    ['[{"paper": {"id": "2506.00001"', /the JSON ends early \(truncated file\?\)/],
    ['[1,]', /not valid JSON/],
    ['{"status": "error", "data": []}', /reports status "error"/],
    ['[{"paper": {"id": "2506.00001", "title": "ok"}}, 42]', /entry \[1\] is a number/],
    ['[{"paper": {"id": "2506.00001"}}]', /entry \[0\]: paper\.title is missing/],
    ['[{"paper": {"id": 2506.00001, "title": "t"}}]', /entry \[0\]: paper\.id is a number, not text/],
    ['[{"paper": {"id": "   ", "title": "t"}}]', /entry \[0\]: paper\.id is empty/],
    ['[{"paper": {"id": "not-an-id", "title": "t"}}]', /paper\.id "not-an-id" is not an arXiv id/],
    [
      "[\"{'paper': {'id': datetime.date(2025, 1, 1)}}\"]",
      /entry \[0\] \(a Python-repr string\) is not a Python literal: 'datetime\.date' is not a literal .* at character 17/,
    ],
  ];
  for (const [text, reason] of cases) {
    assert.throws(
      () => format.parse(text, 'day.json'),
      (error: unknown) =>
        error instanceof InputError && error.message.startsWith('day.json: ') && reason.test(error.message),
      text,
    );
  }
});

test('sniff recognises the three shapes and little else', () => {
  for (const name of ['2025-06-10.json', 'repr-2024-12-18.json', 'wrapped-day.json']) {
    assert.equal(format.sniff(fixture(name), name), true, name);
  }
  assert.equal(format.sniff('[]', '2025-06-14.json'), true);
  assert.equal(format.sniff('[]', 'list.json'), false);
  assert.equal(
    format.sniff('{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'feed.json'),
    false,
  );
  assert.equal(format.sniff(fixture('html-page.json'), 'html-page.json'), false);
  assert.equal(format.sniff('## A title\n[link](https://arxiv.org/abs/2506.01234)', 'digest.md'), false);
});

test('config defaults and validation', () => {
  assert.deepEqual(source.config.parse({}), { baseUrl: 'https://huggingface.co', minUpvotes: 0 });
  assert.equal(source.config.safeParse({ minUpvotes: -1 }).success, false);
  assert.equal(source.config.safeParse({ baseUrl: 'ftp://example.com' }).success, false);
  assert.equal(source.config.safeParse({ minUpvote: 3 }).success, false);
  const { id: _id, kind, ...own } = source.example;
  assert.equal(kind, 'hf-daily');
  assert.deepEqual(source.config.parse(own), { baseUrl: 'https://huggingface.co', minUpvotes: 5 });
});

const http = fetchHttp;

const ONE_GOOD_ONE_BAD = JSON.stringify([
  { paper: { id: '2506.00013', title: 'Good' } },
  { paper: { id: '2506.00014' } },
]);

async function withServer(run: (baseUrl: string, requests: string[]) => Promise<void>): Promise<void> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const date = new URL(request.url ?? '/', 'http://x').searchParams.get('date');
    const route = new URL(request.url ?? '/', 'http://x').pathname;
    if (route !== '/api/daily_papers') return void response.writeHead(404).end('not found');
    if (date === '2025-06-10') return void response.writeHead(200).end(fixture('2025-06-10.json'));
    if (date === '2025-06-11') return void response.writeHead(200).end(fixture('html-page.json'));
    if (date === '2025-06-13') return void response.writeHead(200).end(ONE_GOOD_ONE_BAD);
    response.writeHead(500).end('{"error": "boom"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function context(date: string, warnings: string[] = []): CollectContext {
  return {
    sourceId: 'hf',
    date,
    http,
    log: { info() {}, debug() {}, warn: (message) => warnings.push(message) },
    state: memoryState(),
  };
}

test('collect() fetches the day from the API, adapts it and applies minUpvotes', async () => {
  assert.ok(source.collect);
  const collect = source.collect;
  await withServer(async (baseUrl, requests) => {
    const all = await collect(context('2025-06-10'), source.config.parse({ baseUrl }));
    assert.deepEqual(requests, ['/api/daily_papers?date=2025-06-10']);
    assert.deepEqual(
      all.map((item) => item.externalId),
      ['2025-06-10/2506.01234', '2025-06-10/2506.05678'],
    );
    const popular = await collect(context('2025-06-10'), source.config.parse({ baseUrl, minUpvotes: 10 }));
    assert.deepEqual(
      popular.map((item) => item.url),
      ['https://arxiv.org/abs/2506.01234'],
    );
    await assert.rejects(
      collect(context('2025-06-11'), source.config.parse({ baseUrl })),
      (error: unknown) => {
        return (
          error instanceof SourceError &&
          /2025-06-11 did not parse/.test(error.message) &&
          error.cause instanceof InputError
        );
      },
    );
    const warnings: string[] = [];
    const survivors = await collect(context('2025-06-13', warnings), source.config.parse({ baseUrl }));
    assert.deepEqual(
      survivors.map((item) => item.externalId),
      ['2025-06-13/2506.00013'],
    );
    assert.match(
      warnings.join('\n'),
      /^hf: skipped http:.*date=2025-06-13: entry \[1\]: paper\.title is missing$/,
    );
    await assert.rejects(collect(context('2025-06-12'), source.config.parse({ baseUrl })), /HTTP 500/);
  });
});
