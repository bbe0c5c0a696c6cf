// `ribao run` end to end: sources served by real HTTP servers on loopback (recorded sample responses),
// both editions built; a broken source is reported, exit 3, and the editions are still built.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, ribao, tempDir } from './helpers.ts';

const SAMPLES = join(ROOT, 'samples', 'sources');

async function sourcesServer() {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (type: string, file: string) =>
      res.writeHead(200, { 'content-type': type }).end(readFileSync(join(SAMPLES, file)));
    if (url.pathname === '/api/daily_papers' && url.searchParams.get('date') === '2026-11-20') {
      send('application/json', '2026-11-20.hf-daily.json');
    } else if (url.pathname === '/api/query') send('application/atom+xml', 'arxiv-cs-ai.atom');
    else if (url.pathname === '/news.xml') send('application/rss+xml', 'ai-news.rss.xml');
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function config(base: string, extraSource = ''): string {
  return `
http: { allowPrivate: [127.0.0.1] }
sources:
  - { id: hf-daily, kind: hf-daily, baseUrl: "${base}" }
  - { id: arxiv, kind: arxiv, baseUrl: "${base}", categories: [cs.AI] }
  - { id: news, kind: feed, url: "${base}/news.xml" }
${extraSource}
publications:
  papers: { title: AI 论文日报, template: paper-digest, sources: [hf-daily, arxiv] }
  daily: { title: AI 日报, template: daily-report }
`;
}

test('run collects from every source, merges, and publishes both editions', async () => {
  const sources = await sourcesServer();
  try {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ribao.config.yaml'), config(sources.base));
    const result = await ribao(['run', '--date', '2026-11-20'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /source hf-daily: 3 items/);
    assert.match(result.stdout, /source arxiv: 2 items/);
    assert.match(result.stdout, /no LLM endpoint configured: extractive text/);
    const papers = readFileSync(join(cwd, 'out', 'papers', '2026-11-20.md'), 'utf8');
    assert.equal(papers.match(/^## /gm)?.length, 4, 'the paper on both HF and arXiv is printed once');
    const daily = readFileSync(join(cwd, 'out', 'daily', '2026-11-20.md'), 'utf8');
    assert.match(daily, /# 投融资\n\n### Orbital Labs raises \$120M Series B/);
    const rss = readFileSync(join(cwd, 'out', 'daily', 'feed.xml'), 'utf8');
    assert.match(rss, /<guid isPermaLink="false">ribao:daily:[0-9a-f]{12}<\/guid>/);
    const json = JSON.parse(readFileSync(join(cwd, 'out', 'papers', 'feed.json'), 'utf8'));
    assert.equal(json.items.length, 4);
    assert.ok(
      readFileSync(join(cwd, 'out', 'daily', 'section', '投融资.atom.xml'), 'utf8').includes('Orbital Labs'),
    );
    const again = await ribao(['run', '--date', '2026-11-20'], { cwd });
    assert.match(again.stdout, /stored 0 new, 0 merged, 0 updated/);
    assert.equal(
      readFileSync(join(cwd, 'out', 'papers', '2026-11-20.md'), 'utf8'),
      papers,
      'a re-run changes nothing',
    );
  } finally {
    await sources.close();
  }
});

test('a broken source is reported, the run exits 3 and the editions are still built', async () => {
  const sources = await sourcesServer();
  try {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'ribao.config.yaml'),
      config(sources.base, `  - { id: gone, kind: feed, url: "${sources.base}/gone.xml" }`),
    );
    const result = await ribao(['run', '--date', '2026-11-20'], { cwd });
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /source gone: gone: http:\/\/127\.0\.0\.1:\d+\/gone\.xml answered HTTP 404/);
    assert.match(readFileSync(join(cwd, 'out', 'daily', '2026-11-20.md'), 'utf8'), /# 论文/);
  } finally {
    await sources.close();
  }
});

test('a source failing twice in a row is backed off and reported; naming it asks it anyway', async () => {
  const sources = await sourcesServer();
  try {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'ribao.config.yaml'),
      config(sources.base, `  - { id: gone, kind: feed, url: "${sources.base}/gone.xml" }`),
    );
    for (let i = 0; i < 2; i++)
      assert.equal((await ribao(['collect', '--date', '2026-11-20'], { cwd })).code, 3);
    const health = JSON.parse((await ribao(['sources', '--json'], { cwd })).stdout) as {
      id: string;
      consecutiveFailures: number;
      backoffUntil: string | null;
      lastItems: number | null;
    }[];
    const gone = health.find((h) => h.id === 'gone');
    assert.equal(gone?.consecutiveFailures, 2);
    assert.ok(gone?.backoffUntil);
    assert.equal(health.find((h) => h.id === 'news')?.lastItems, 3);
    const third = await ribao(['collect', '--date', '2026-11-20'], { cwd });
    assert.equal(third.code, 0, 'a backed-off source does not fail the run');
    assert.match(third.stdout, /source gone: backed off until .* after 2 failures in a row/);
    const named = await ribao(['collect', '--source', 'gone', '--date', '2026-11-20'], { cwd });
    assert.match(named.stdout, /source gone: .*answered HTTP 404/);
    assert.match(
      (await ribao(['sources'], { cwd })).stdout,
      /gone \(feed\): failing \(3 in a row, backed off until/,
    );
  } finally {
    await sources.close();
  }
});

test('without allowPrivate, the SSRF guard refuses loopback sources with a clear reason', async () => {
  const sources = await sourcesServer();
  try {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'ribao.config.yaml'), config(sources.base).replace(/^http: .*$/m, ''));
    const result = await ribao(['collect', '--source', 'news', '--date', '2026-11-20'], { cwd });
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /refused http:\/\/127\.0\.0\.1:\d+\/news\.xml: 127\.0\.0\.1 is a loopback address/,
    );
  } finally {
    await sources.close();
  }
});

const ONE_PUBLICATION = 'publications:\n  daily: { title: AI 日报, template: daily-report }\n';

test('feed sources go out as OPML and come back as configuration entries', async () => {
  const cwd = tempDir();
  writeFileSync(
    join(cwd, 'ribao.config.yaml'),
    `${ONE_PUBLICATION}sources:\n  - { id: lab-blog, kind: feed, url: "https://lab.example/feed.xml" }\n  - { id: zhihu, kind: feed, url: "rsshub:/zhihu/hotlist" }\n`,
  );
  const exported = await ribao(['sources', '--export-opml'], { cwd });
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /xmlUrl="https:\/\/rsshub\.app\/zhihu\/hotlist"/);
  writeFileSync(join(cwd, 'list.opml'), exported.stdout);
  writeFileSync(join(cwd, 'ribao.config.yaml'), `${ONE_PUBLICATION}sources: []\n`);
  const imported = await ribao(['sources', '--import-opml', 'list.opml'], { cwd });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /- id: lab-blog\n {4}kind: feed\n {4}url: https:\/\/lab\.example\/feed\.xml/);
  const bad = await ribao(['sources', '--import-opml', 'ribao.config.yaml'], { cwd });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /ribao\.config\.yaml: is not OPML/);
});
