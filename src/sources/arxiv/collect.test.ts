import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceError } from '../../errors.ts';
import type { CollectContext, Http } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { collectListing } from './collect.ts';
import { serve } from './loopback.ts';
import descriptor from './source.ts';

const http = fetchHttp;

function context(date: string): CollectContext & { warnings: string[] } {
  const warnings: string[] = [];
  const log = { info() {}, debug() {}, warn: (message: string) => void warnings.push(message) };
  return { sourceId: 'arxiv', date, http, log, warnings, state: memoryState() };
}

/** An Atom page in the current serialization; entries are [id, published]. */
function page(totalResults: number, start: number, entries: [string, string][]): string {
  const body = entries
    .map(
      ([id, published]) => `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <title>Paper ${id}</title>
    <updated>${published}</updated>
    <link href="https://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <summary>Abstract of ${id}.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <published>${published}</published>
    <arxiv:primary_category term="cs.CL"/>
    <author>
      <name>Author of ${id}</name>
    </author>
  </entry>`,
    )
    .join('\n');
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query</title>
  <updated>2024-01-03T12:00:00Z</updated>
  <opensearch:itemsPerPage>3</opensearch:itemsPerPage>
  <opensearch:totalResults>${totalResults}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>
${body}
</feed>
`;
}

// The listing of Wednesday 2024-01-03 holds what arrived from Mon 14:00 EST (19:00Z) to Tue 14:00 EST.
const PAGES: Record<string, string> = {
  '0': page(100, 0, [
    ['2401.00300', '2024-01-03T15:00:00Z'], // Wed: Thursday's listing
    ['2401.00200', '2024-01-02T18:59:59Z'], // Tue 13:59:59: kept
    ['2401.00150', '2024-01-02T10:00:00Z'], // kept
  ]),
  '3': page(100, 3, [
    ['2401.00150', '2024-01-02T10:00:00Z'], // shifted in again by a new submission: kept once
    ['2401.00100', '2024-01-01T19:00:00Z'], // Mon 14:00 exactly: kept
    ['2401.00050', '2024-01-01T18:59:00Z'], // Mon 13:59: Tuesday's listing
    ['2312.09999', '2023-12-29T12:00:00Z'], // more than a day before the window: the last page
  ]),
};

test('collect pages through the API, checks the query, keeps one listing day', async () => {
  const seen: { start: string; at: number }[] = [];
  const server = await serve((url, request, response) => {
    assert.equal(url.pathname, '/api/query');
    assert.match(request.url ?? '', /search_query=cat:cs\.AI\+OR\+cat:cs\.CL&/);
    assert.equal(url.searchParams.get('search_query'), 'cat:cs.AI OR cat:cs.CL');
    assert.equal(url.searchParams.get('sortBy'), 'submittedDate');
    assert.equal(url.searchParams.get('sortOrder'), 'descending');
    assert.equal(url.searchParams.get('max_results'), '3');
    const start = url.searchParams.get('start') ?? '';
    seen.push({ start, at: performance.now() });
    const body = PAGES[start];
    response.writeHead(body ? 200 : 500, { 'content-type': 'application/atom+xml' });
    response.end(body ?? 'no such page');
  });
  try {
    const config = { baseUrl: `${server.baseUrl}/`, categories: ['cs.AI', 'cs.CL'], maxResults: 3 };
    const ctx = context('2024-01-03');
    const items = await collectListing(ctx, config, { delayMs: 30 });
    assert.deepEqual(
      seen.map((s) => s.start),
      ['0', '3'],
    );
    const gap = (seen[1]?.at ?? 0) - (seen[0]?.at ?? 0);
    assert.ok(gap >= 25, `waited ${gap} ms between requests`);
    assert.deepEqual(
      items.map((i) => i.externalId),
      ['2401.00200', '2401.00150', '2401.00100'],
    );
    assert.ok(items.every((i) => i.listedOn === '2024-01-03' && i.kind === 'paper'));
    assert.deepEqual(ctx.warnings, []);
  } finally {
    await server.close();
  }
});

test('collect stops at totalResults and at an empty page', async () => {
  const requests: string[] = [];
  const server = await serve((url, _request, response) => {
    requests.push(url.searchParams.get('start') ?? '');
    response.writeHead(200, { 'content-type': 'application/atom+xml' });
    response.end(
      url.searchParams.get('start') === '0'
        ? page(5, 0, [['2401.00200', '2024-01-02T12:00:00Z']])
        : page(5, 1, []),
    );
  });
  try {
    const config = { baseUrl: server.baseUrl, categories: ['cs.CL'], maxResults: 1 };
    const ctx = context('2024-01-03');
    const items = await collectListing(ctx, config, { delayMs: 0 });
    assert.deepEqual(requests, ['0', '1']);
    assert.deepEqual(
      items.map((i) => i.externalId),
      ['2401.00200'],
    );
    assert.match(ctx.warnings.join('\n'), /empty page at 1 of 5/);
  } finally {
    await server.close();
  }
});

test('an API error feed sent with HTTP 400 becomes a SourceError with the API message', async () => {
  const server = await serve((_url, _request, response) => {
    response.writeHead(400, { 'content-type': 'application/atom+xml' });
    response.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>http://arxiv.org/api/e</id><title>q</title>
      <entry><id>http://arxiv.org/api/errors#bad</id><title>Error</title><summary>max_results must be at most 2000</summary></entry></feed>`);
  });
  try {
    const collect = descriptor.collect;
    assert.ok(collect);
    // maxResults 5000 would not pass the schema; the server's answer is what is under test.
    const config = { ...descriptor.config.parse({ baseUrl: server.baseUrl }), maxResults: 5000 };
    await assert.rejects(
      collect(context('2024-01-03'), config),
      (error: unknown) =>
        error instanceof SourceError &&
        error.source === 'arxiv' &&
        /the arXiv API returned an error: max_results must be at most 2000/.test(error.message),
    );
  } finally {
    await server.close();
  }
});

test('a weekend date has no listing and makes no request', async () => {
  const failing: Http = { get: () => Promise.reject(new Error('no request expected')) };
  const items = await collectListing(
    { ...context('2024-01-06'), http: failing },
    descriptor.config.parse({}),
  );
  assert.deepEqual(items, []);
});

test('config defaults and validation', () => {
  assert.deepEqual(descriptor.config.parse({}), {
    mode: 'api',
    baseUrl: 'https://export.arxiv.org',
    categories: ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG'],
    maxResults: 200,
    oaiBase: 'https://oaipmh.arxiv.org/oai',
    sets: ['cs'],
    metadataPrefix: 'arXiv',
    maxPages: 20,
    rssBase: 'https://rss.arxiv.org/rss',
    announceTypes: ['new', 'cross'],
  });
  const valid = (config: Record<string, unknown>) => descriptor.config.safeParse(config).success;
  assert.equal(valid({ categories: ['cs.CL', 'hep-th', 'astro-ph.CO', 'q-bio.NC'] }), true);
  assert.equal(valid({ categories: ['cs.CL OR x'] }), false);
  assert.equal(valid({ categories: [] }), false);
  assert.equal(valid({ baseUrl: 'ftp://arxiv.org' }), false);
  assert.equal(valid({ maxResults: 0 }), false);
  assert.equal(valid({ mode: 'oai', sets: ['cs', 'physics:hep-th', 'cs:cs:AI', 'q-bio'] }), true);
  assert.equal(valid({ mode: 'oai', from: '2024-01-01', until: '2024-01-31' }), true);
  assert.equal(valid({ mode: 'oai', sets: ['cs&verb=Identify'] }), false);
  assert.equal(valid({ mode: 'oai', from: '2024-02-30' }), false);
  assert.equal(valid({ mode: 'oai', from: '2024-02-01', until: '2024-01-31' }), false);
  assert.equal(valid({ mode: 'oai', metadataPrefix: 'oai_dc' }), false);
  assert.equal(valid({ mode: 'rss' }), false);
  assert.equal(valid({ mode: 'listing', announceTypes: ['new', 'replace-cross'] }), true);
  assert.equal(valid({ mode: 'listing', announceTypes: ['updated'] }), false);
  assert.equal(valid({ rssBase: 'javascript:alert(1)' }), false);
});
