// The search page and GET /api/search in-process: signed-in only, hits with escaped <mark> highlights
// (a hostile title stays text), filters and bad parameters.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from '../../render/html.ts';
import { indexStories } from '../../search/archive.ts';
import { item } from '../../store/store.contract.ts';
import { startTestApp, type TestApp } from '../testing.ts';
import { marked } from './search.ts';

const HOSTILE = '<img src=x onerror=alert(1)> Lattice routing';

async function withStories(t: TestApp): Promise<void> {
  const s = t.store;
  await s.createStory({ id: 'evil', kind: 'paper', editionDate: '2026-11-19', keys: ['k1'], dropped: false });
  await s.saveItem(
    item({ title: HOSTILE, summary: 'Routing <script>x</script> through a lattice.' }),
    'evil',
    'h',
  );
  await s.putWriteup({
    storyId: 'evil',
    lang: 'zh',
    title: '格路由 <b>加粗</b>',
    body: '研究人员提出格路由方法。',
    status: 'drafted',
    task: 'paper-translation',
    model: null,
    promptVersion: null,
    editedBy: null,
    updatedAt: 'now',
    tokens: null,
    cost: null,
    gate: [],
  });
  await s.createStory({
    id: 'plain',
    kind: 'paper',
    editionDate: '2026-11-20',
    keys: ['k2'],
    dropped: false,
  });
  await s.saveItem(
    item({ source: 'arxiv', externalId: 'p', title: 'Routing Tables', summary: 'Plain.', keys: ['k2'] }),
    'plain',
    'h2',
  );
  await indexStories(s, ['evil', 'plain']);
}

test('web: the search page lists hits with escaped titles and <mark> around escaped matches', async () => {
  const t = await startTestApp();
  try {
    await withStories(t);
    await t.user('cat', 'contributor');
    const anonymous = await t.browser().get('/search?q=routing', { 'sec-fetch-site': 'none' });
    assert.equal(anonymous.status, 303, 'signed-out people are sent to sign in');
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/);
    assert.equal((await t.browser().api('GET', '/api/search?q=routing')).status, 401);
    const b = t.browser();
    await b.login('cat');
    const res = await b.get('/search?q=lattice');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.ok(!body.includes('<img'), 'the hostile title is never markup');
    assert.ok(!body.includes('<script>x'), 'nor is the summary');
    assert.ok(body.includes(escapeHtml(HOSTILE)), 'shown as text');
    assert.ok(body.includes(escapeHtml('格路由 <b>加粗</b>')));
    assert.match(body, /<mark>Lattice<\/mark>|<mark>lattice<\/mark>/);
    const zh = await (await b.get(`/search?q=${encodeURIComponent('格路由')}`)).text();
    assert.match(zh, /<mark>格路由<\/mark>/);
    const filtered = await (await b.get('/search?q=routing&source=arxiv')).text();
    assert.ok(filtered.includes('Routing Tables') && !filtered.includes('onerror'));
    assert.equal((await b.get('/search?q=x&from=yesterday')).status, 400);
  } finally {
    await t.close();
  }
});

test('web: GET /api/search answers ranges, not markup', async () => {
  const t = await startTestApp();
  try {
    await withStories(t);
    await t.user('cat', 'contributor');
    const b = t.browser();
    await b.login('cat');
    const res = await b.api('GET', '/api/search?q=routing&limit=1');
    assert.equal(res.status, 200);
    const answer = (await res.json()) as {
      total: number;
      hits: { storyId: string; title: string; snippet: { text: string; marks: [number, number][] } }[];
    };
    assert.equal(answer.total, 2);
    assert.equal(answer.hits.length, 1);
    const [hit] = answer.hits;
    assert.ok(hit);
    for (const [s, e] of hit.snippet.marks) assert.match(hit.snippet.text.slice(s, e), /^rout/i);
    assert.equal((await b.api('GET', '/api/search?q=routing&limit=0')).status, 400);
  } finally {
    await t.close();
  }
});

test('marked escapes every segment, inside and outside the marks', () => {
  const text = '<b>a</b> lattice <i>';
  const at = text.indexOf('lattice');
  assert.equal(
    marked({ text, marks: [[at, at + 7]] }).text,
    `${escapeHtml('<b>a</b> ')}<mark>lattice</mark>${escapeHtml(' <i>')}`,
  );
});
