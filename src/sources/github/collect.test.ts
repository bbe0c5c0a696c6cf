// Tests of the `github` source's collect() against a node:http server on 127.0.0.1 serving our recorded
// API responses (testdata/): normal path, star growth, 404, rate limits, bad bodies, linked repositories.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SourceError } from '../../errors.ts';
import type { CollectContext } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { LINKED_KEY } from './collect.ts';
import source from './source.ts';
import { STARS_KEY } from './stars.ts';

const collect = source.collect;
assert.ok(collect);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

interface Route {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

const RESET = String(Date.parse('2025-06-10T12:00:00Z') / 1000);
const exhausted = { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': RESET };

const routes: Record<string, Route> = {
  '/repos/openai/whisper': { body: fixture('repo-openai-whisper.json') },
  '/repos/openai/whisper/releases?per_page=5': { body: fixture('releases-empty.json') },
  '/repos/vllm-project/vllm': { body: fixture('repo-vllm-project-vllm.json') },
  '/repos/vllm-project/vllm/releases?per_page=5': { body: fixture('releases-vllm-project-vllm.json') },
  '/repos/vllm-project/vllm/releases?per_page=2': { body: fixture('releases-vllm-project-vllm.json') },
  '/repos/ghost/gone': { status: 404, body: fixture('not-found.json') },
  '/repos/blocked/repo': { status: 403, body: '{"message": "Repository access blocked"}' },
  '/repos/broken/json': { body: fixture('repo-truncated.json') },
  '/repos/html/page': { body: '<!doctype html><title>Unicorn!</title>' },
  '/repos/server/down': { status: 500, body: '' },
  '/repos/wrong/shape': { body: '[{"full_name": "wrong/shape"}]' },
  '/repos/limited/repo': { status: 403, body: fixture('rate-limit.json'), headers: exhausted },
  '/repos/too/many': { status: 429, body: fixture('rate-limit.json'), headers: exhausted },
  '/repos/secondary/limit': {
    status: 403,
    body: fixture('secondary-rate-limit.json'),
    headers: { 'retry-after': '60' },
  },
};

let server: Server;
let apiBase = '';
let requests: { url: string; headers: IncomingHttpHeaders }[] = [];

before(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push({ url, headers: request.headers });
    if (request.headers.authorization === 'Bearer wrong-token') {
      return void response.writeHead(401).end(fixture('bad-credentials.json'));
    }
    // A release list that is not a list.
    if (url === '/repos/openai/whisper/releases?per_page=3')
      return void response.writeHead(200).end('{"x": 1}');
    const route = routes[url];
    if (!route) return void response.writeHead(404).end(fixture('not-found.json'));
    response
      .writeHead(route.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...route.headers })
      .end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function context(log: string[] = [], state = memoryState()): CollectContext {
  const record = (level: string) => (message: string) => void log.push(`${level} ${message}`);
  return {
    sourceId: 'gh',
    date: '2025-06-10',
    http: fetchHttp,
    log: { info: record('info'), warn: record('warn'), debug: record('debug') },
    state,
  };
}

const settings = (own: Record<string, unknown>) => source.config.parse({ apiBase, ...own });

test('collect(): repositories and releases, with the token in a header and star growth from the state', async () => {
  requests = [];
  const log: string[] = [];
  const state = memoryState({ [STARS_KEY]: { 'openai/whisper': [{ day: '2025-06-09', stars: 84000 }] } });
  const token = 'ghp_do-not-log-me';
  const items = await collect(
    context(log, state),
    settings({ repos: ['openai/whisper', 'vllm-project/vllm', 'OpenAI/Whisper'], token }),
  );
  assert.deepEqual(
    items.map((item) => item.externalId),
    [
      'github:openai/whisper',
      'github:vllm-project/vllm',
      'github:vllm-project/vllm@v0.9.2rc1',
      'github:vllm-project/vllm@v0.9.1',
    ],
  );
  assert.deepEqual(
    requests.map((r) => r.url),
    [
      '/repos/openai/whisper',
      '/repos/openai/whisper/releases?per_page=5',
      '/repos/vllm-project/vllm',
      '/repos/vllm-project/vllm/releases?per_page=5',
    ],
    'one request per repository and per release list, the duplicate name asked once',
  );
  for (const { headers } of requests) {
    assert.equal(headers.authorization, `Bearer ${token}`);
    assert.equal(headers.accept, 'application/vnd.github+json');
    assert.equal(headers['x-github-api-version'], '2022-11-28');
  }
  const [whisper, vllm] = items;
  assert.deepEqual(whisper?.metrics, { stars: 84210 });
  assert.equal(whisper?.extra?.starsDelta, 210);
  assert.equal(whisper?.extra?.starsDeltaSince, '2025-06-09');
  assert.equal(vllm?.extra?.starsDelta, undefined, 'no earlier point, no delta');
  assert.deepEqual(state.saved.get(STARS_KEY), {
    'openai/whisper': [
      { day: '2025-06-09', stars: 84000 },
      { day: '2025-06-10', stars: 84210 },
    ],
    'vllm-project/vllm': [{ day: '2025-06-10', stars: 51230 }],
  });
  assert.ok(
    log.some((line) => /skipped .*release \[3\]\.tag_name: is empty/.test(line)),
    log.join('\n'),
  );
  assert.ok(log.includes('info gh: 2 of 2 repositories, 4 items'), log.join('\n'));
  assert.ok(!log.join('\n').includes(token), 'the token is never logged');
});

test('collect(): a missing, blocked or broken repository is a warning; the others go on', async () => {
  const log: string[] = [];
  const state = memoryState({
    [STARS_KEY]: { 'ghost/gone': [{ day: '2025-06-01', stars: 5 }], 'old/unwatched': [] },
  });
  const repos = ['ghost/gone', 'blocked/repo', 'broken/json', 'html/page', 'server/down', 'wrong/shape'];
  const items = await collect(context(log, state), settings({ repos: [...repos, 'openai/whisper'] }));
  assert.deepEqual(
    items.map((item) => item.externalId),
    ['github:openai/whisper'],
  );
  const warnings = log.filter((line) => line.startsWith('warn ')).join('\n');
  assert.match(warnings, /gh: ghost\/gone: HTTP 404 \(Not Found\); going on with the others/);
  assert.match(warnings, /blocked\/repo: HTTP 403 \(Repository access blocked\)/);
  assert.match(
    warnings,
    /broken\/json: the repository did not parse: .*the JSON ends early \(truncated response\?\)/,
  );
  assert.match(warnings, /html\/page: the repository did not parse: .*HTML, not JSON/);
  assert.match(warnings, /server\/down: HTTP 500;/);
  assert.match(warnings, /wrong\/shape: .*expected a repository object, found an array/);
  // History is kept for watched repositories (even unreadable today) and dropped for the rest.
  assert.deepEqual(Object.keys(state.saved.get(STARS_KEY) as object).sort(), [
    'ghost/gone',
    'openai/whisper',
  ]);
});

test('collect(): all repositories missing is an empty result; all broken is a SourceError', async () => {
  const log: string[] = [];
  assert.deepEqual(await collect(context(log), settings({ repos: ['ghost/gone', 'no/where'] })), []);
  assert.equal(log.filter((line) => line.startsWith('warn ')).length, 2);
  await assert.rejects(
    collect(context(), settings({ repos: ['broken/json', 'server/down', 'ghost/gone'] })),
    (error) => {
      assert.ok(error instanceof SourceError);
      assert.match(error.message, /^gh: none of the 3 repositories could be read$/);
      assert.match(String((error.cause as Error).message), /broken\/json: the repository did not parse/);
      return true;
    },
  );
});

test('collect(): the rate limit stops the source and says when it resets', async () => {
  await assert.rejects(
    collect(context(), settings({ repos: ['openai/whisper', 'limited/repo', 'vllm-project/vllm'] })),
    (error) => {
      assert.ok(error instanceof SourceError);
      assert.match(
        error.message,
        /^gh: rate limited by the GitHub API \(HTTP 403, limit 60 requests an hour, unauthenticated\); the limit resets at 2025-06-10T12:00:00\.000Z; set token to raise the limit to 5,000 an hour \(at http:\/\/127\.0\.0\.1:\d+\/repos\/limited\/repo\)$/,
      );
      return true;
    },
  );
  await assert.rejects(
    collect(context(), settings({ repos: ['too/many'], token: 'ghp_x' })),
    /rate limited by the GitHub API \(HTTP 429, limit 60 requests an hour\); the limit resets at 2025-06-10T12:00:00\.000Z \(at /,
  );
  await assert.rejects(
    collect(context(), settings({ repos: ['secondary/limit'], token: 'ghp_x' })),
    /rate limited by the GitHub API \(HTTP 403\); retry after 60 s/,
  );
});

test('collect(): a refused token stops the source without showing the token', async () => {
  await assert.rejects(
    collect(context(), settings({ repos: ['openai/whisper'], token: 'wrong-token' })),
    (error) => {
      assert.ok(error instanceof SourceError);
      assert.match(error.message, /GitHub refused the configured token \(HTTP 401: Bad credentials\)/);
      assert.doesNotMatch(error.message, /wrong-token/);
      return true;
    },
  );
});

test('collect(): the API out of reach is a SourceError', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(
    collect(
      context(),
      source.config.parse({ apiBase: `http://127.0.0.1:${port}`, repos: ['openai/whisper'] }),
    ),
    /gh: could not reach the GitHub API at http:\/\/127\.0\.0\.1:\d+\/repos\/openai\/whisper/,
  );
});

test('collect(): releases off, a smaller page, and a bad release list keeping its repository', async () => {
  requests = [];
  const off = await collect(context(), settings({ repos: ['vllm-project/vllm'], releases: false }));
  assert.deepEqual(
    off.map((item) => item.kind),
    ['repo'],
  );
  assert.deepEqual(
    requests.map((r) => r.url),
    ['/repos/vllm-project/vllm'],
  );
  const two = await collect(context(), settings({ repos: ['vllm-project/vllm'], releasesPerRepo: 2 }));
  assert.equal(two.length, 3);
  const log: string[] = [];
  const kept = await collect(context(log), settings({ repos: ['openai/whisper'], releasesPerRepo: 3 }));
  assert.deepEqual(
    kept.map((item) => item.externalId),
    ['github:openai/whisper'],
  );
  assert.match(
    log.join('\n'),
    /warn gh: openai\/whisper: the releases did not parse: .*expected an array of releases, found an object; keeping the repository without releases/,
  );
});

test('collect(): with linkedFromPapers, the state adds repositories; without it, it is ignored', async () => {
  const linked = [
    'https://github.com/vllm-project/vllm/tree/main/examples',
    'OPENAI/whisper',
    'https://github.com/features/copilot',
    42,
    'ghost/gone',
  ];
  const log: string[] = [];
  const state = memoryState({ [LINKED_KEY]: linked });
  const items = await collect(
    context(log, state),
    settings({ repos: ['openai/whisper'], releases: false, linkedFromPapers: true }),
  );
  assert.deepEqual(
    items.map((item) => [item.externalId, item.extra?.linkedFromPaper]),
    [
      ['github:openai/whisper', undefined],
      ['github:vllm-project/vllm', true],
    ],
  );
  assert.match(log.join('\n'), /warn gh: 2 linkedRepos entries name no repository/);
  assert.match(log.join('\n'), /warn gh: ghost\/gone: HTTP 404/);
  assert.deepEqual(state.saved.get(LINKED_KEY), linked, 'the list belongs to the stage that fills it');

  requests = [];
  await collect(
    context([], memoryState({ [LINKED_KEY]: linked })),
    settings({ repos: ['openai/whisper'], releases: false }),
  );
  assert.deepEqual(
    requests.map((r) => r.url),
    ['/repos/openai/whisper'],
  );

  const bad: string[] = [];
  await collect(
    context(bad, memoryState({ [LINKED_KEY]: 'vllm-project/vllm' })),
    settings({ linkedFromPapers: true }),
  );
  assert.match(bad.join('\n'), /state linkedRepos is not a list; ignored/);
});

test('collect(): nothing to watch yet is an empty result', async () => {
  requests = [];
  const log: string[] = [];
  assert.deepEqual(await collect(context(log), settings({ linkedFromPapers: true })), []);
  assert.deepEqual(requests, []);
  assert.deepEqual(log, ['info gh: no repositories to watch']);
});
