import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError, SourceError } from '../../errors.ts';
import type { CollectContext, Http } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { serve } from './loopback.ts';
import { collectRssListing, type ListingConfig } from './rss-collect.ts';
import { parseListingRss } from './rss-parse.ts';
import descriptor from './source.ts';

const LISTING = readFileSync(new URL('testdata/listing.rss', import.meta.url), 'utf8');
const format = descriptor.formats?.find((f) => f.name === 'arxiv-listing');
if (!format) throw new Error('source.ts declares no arxiv-listing format');
const listingFormat = format;

function context(http: Http = fetchHttp) {
  const warnings: string[] = [];
  const infos: string[] = [];
  const log = {
    info: (m: string) => void infos.push(m),
    debug() {},
    warn: (m: string) => void warnings.push(m),
  };
  const ctx: CollectContext = { sourceId: 'arxiv-rss', date: '2024-04-08', http, log, state: memoryState() };
  return { ctx, warnings, infos };
}

const listingConfig = (rssBase: string, own: Partial<ListingConfig> = {}): ListingConfig => ({
  rssBase,
  categories: ['cs.AI', 'cs.CL'],
  announceTypes: ['new', 'cross'],
  ...own,
});

test('a saved listing imports every item: prefix stripped, announce type, version, listing day, ids old and new', () => {
  const items = listingFormat.parse(LISTING, 'listing.rss');
  assert.deepEqual(
    items.map((i) => [i.externalId, i.extra?.announceType, i.extra?.version, i.listedOn]),
    [
      ['2404.03708', 'new', 1, '2024-04-08'],
      ['2404.01234', 'cross', 1, '2024-04-08'],
      ['2310.05555', 'replace', 3, '2024-04-08'],
      ['hep-th/9901001', 'replace-cross', 2, '2024-04-08'],
      ['2404.04444', null, 1, '2024-04-08'],
    ],
  );
  const [plan, retrieval, , old, noPrefix] = items;
  assert.ok(plan && retrieval && old && noPrefix);
  assert.equal(
    plan.summary,
    'Small language models solve more problems when they first write a short plan. We show a 7% gain at $k=4$ samples.',
  );
  assert.deepEqual(plan.authors, ['Li Wei', 'Jörg Müller', 'Ana García']);
  assert.equal(plan.publishedAt, '2024-04-08T04:00:00.000Z');
  assert.deepEqual(plan.extra?.categories, ['cs.AI', 'cs.CL']);
  assert.equal(plan.extra?.license, 'http://creativecommons.org/licenses/by/4.0/');
  assert.deepEqual(plan.extra?.versions, [{ version: 1, submitted: null }]);
  assert.equal(retrieval.url, 'https://arxiv.org/abs/2404.01234', 'the javascript: link is never used');
  assert.deepEqual(retrieval.authors, ['Sam Okoro', 'Priya Nair']);
  assert.equal(old.url, 'https://arxiv.org/abs/hep-th/9901001');
  assert.deepEqual(old.authors, ['Claire René']);
  assert.equal(noPrefix.summary, 'We study agents that ask clarifying questions first.');
  assert.equal(
    noPrefix.title,
    'Agents That Ask <b>Before</b> Acting',
    'titles stay text; rendering escapes them',
  );
});

test('sniff: the listing RSS is claimed by arxiv-listing, after arxiv-atom, and by nothing else of arXiv', () => {
  const names = descriptor.formats?.map((f) => f.name) ?? [];
  assert.ok(names.indexOf('arxiv-atom') < names.indexOf('arxiv-listing'));
  const claimed = descriptor.formats?.filter((f) => f.sniff(LISTING, 'listing.rss')).map((f) => f.name);
  assert.deepEqual(claimed, ['arxiv-listing']);
  const blog =
    '<?xml version="1.0"?><rss version="2.0"><channel><title>A blog</title><link>https://example.com</link></channel></rss>';
  assert.equal(listingFormat.sniff(blog, 'blog.rss'), false);
  const atom = readFileSync(new URL('testdata/classic.xml', import.meta.url), 'utf8');
  assert.equal(listingFormat.sniff(atom, 'classic.xml'), false);
});

test('collect in listing mode asks for one combined feed and keeps new and cross-lists by default', async () => {
  const server = await serve((url, request, response) => {
    assert.equal(url.pathname, '/rss/cs.AI+cs.CL');
    assert.match(request.headers.accept ?? '', /application\/rss\+xml/);
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(LISTING);
  });
  try {
    const { ctx, warnings, infos } = context();
    const items = await collectRssListing(ctx, listingConfig(`${server.baseUrl}/rss/`));
    assert.deepEqual(
      items.map((i) => i.externalId),
      ['2404.03708', '2404.01234', '2404.04444'],
      'replacements dropped; an item without an announce type kept',
    );
    assert.deepEqual(warnings, []);
    assert.match(infos.join('\n'), /3 of 5 listing items kept \(2 of other announce types\)/);
    const replaced = await collectRssListing(
      context().ctx,
      listingConfig(`${server.baseUrl}/rss`, { announceTypes: ['replace', 'replace-cross'] }),
    );
    assert.deepEqual(
      replaced.map((i) => i.externalId),
      ['2310.05555', 'hep-th/9901001', '2404.04444'],
    );
  } finally {
    await server.close();
  }
});

test('listing mode: unchanged, empty, failing and hostile feeds', async () => {
  const unchanged: Http = {
    get: async (url) => ({ url, status: 304, headers: new Headers(), text: '', notModified: true }),
  };
  const quiet = context(unchanged);
  assert.deepEqual(await collectRssListing(quiet.ctx, listingConfig('https://rss.arxiv.org/rss')), []);
  assert.match(quiet.infos.join('\n'), /unchanged since the last run/);

  const weekend = LISTING.replace(/<item>[\s\S]*<\/item>/, '');
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;">]>${LISTING.slice(LISTING.indexOf('<rss'))}`;
  const bodies: Record<string, [number, string]> = {
    '/weekend': [200, weekend],
    '/down': [500, 'Internal error'],
    '/cut': [200, LISTING.slice(0, 2000)],
    '/bomb': [200, bomb],
  };
  const server = await serve((url, _request, response) => {
    const [status, body] = bodies[url.pathname.replace(/\/cs\.AI\+cs\.CL$/, '')] ?? [404, ''];
    response.writeHead(status, { 'content-type': 'application/rss+xml', 'retry-after': '60' });
    response.end(body);
  });
  try {
    assert.deepEqual(await collectRssListing(context().ctx, listingConfig(`${server.baseUrl}/weekend`)), []);
    const failures: [string, RegExp][] = [
      ['/down', /HTTP 500; the server asked to retry after 60$/],
      ['/cut', /is not well-formed XML/],
      ['/bomb', /has a DOCTYPE declaration/],
    ];
    for (const [path, message] of failures) {
      await assert.rejects(
        collectRssListing(context().ctx, listingConfig(`${server.baseUrl}${path}`)),
        (error: unknown) =>
          error instanceof SourceError && error.source === 'arxiv-rss' && message.test(error.message),
        path,
      );
    }
  } finally {
    await server.close();
  }
});

test('an item with no arXiv id anywhere is skipped with a warning, the rest kept', async () => {
  const broken = LISTING.replace('oai:arXiv.org:2404.04444v1', 'urn:x').replace(
    'https://arxiv.org/abs/2404.04444',
    'https://example.com/x',
  );
  assert.throws(
    () => listingFormat.parse(broken, 'broken.rss'),
    (error: unknown) =>
      error instanceof InputError &&
      /broken\.rss: item 5: no arXiv id in its guid "urn:x"/.test(error.message),
  );
  const feed = parseListingRss(broken, 'broken.rss');
  assert.equal(feed.items.length, 5);
  assert.equal(feed.title, 'cs.AI, cs.CL updates on arXiv.org');
  const server = await serve((_url, _request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(broken);
  });
  try {
    const { ctx, warnings } = context();
    const items = await collectRssListing(ctx, listingConfig(server.baseUrl));
    assert.equal(items.length, 2);
    assert.match(warnings.join('\n'), /skipped .*item 5: no arXiv id/);
  } finally {
    await server.close();
  }
});
