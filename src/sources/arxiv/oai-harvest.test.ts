import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { SourceError } from '../../errors.ts';
import type { CollectContext } from '../source.ts';
import { fetchHttp, memoryState } from '../testing.ts';
import { serve } from './loopback.ts';
import { type HarvestPosition, harvestOai, nextWindow, type OaiConfig } from './oai-harvest.ts';

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const PAGE1 = testdata('oai-arxiv-page1.xml');
const PAGE2 = testdata('oai-arxiv-page2.xml');
const TOKEN = '6960524|1001';

function context(state = memoryState()) {
  const warnings: string[] = [];
  const infos: string[] = [];
  const log = {
    info: (m: string) => void infos.push(m),
    debug() {},
    warn: (m: string) => void warnings.push(m),
  };
  const ctx: CollectContext = { sourceId: 'arxiv', date: '2024-01-10', http: fetchHttp, log, state };
  return { ctx, state, warnings, infos };
}

function config(oaiBase: string, own: Partial<OaiConfig> = {}): OaiConfig {
  return {
    oaiBase: `${oaiBase}/oai`,
    sets: ['cs'],
    metadataPrefix: 'arXiv',
    from: '2024-01-08',
    until: '2024-01-09',
    maxPages: 20,
    ...own,
  };
}

/** The waits a harvest asked for, spent as nothing. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

function xml(response: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...headers });
  response.end(body);
}

/** The two recorded pages: the list's first request, then its token. */
function twoPages(url: URL, response: ServerResponse) {
  const token = url.searchParams.get('resumptionToken');
  if (token === null) return xml(response, PAGE1);
  assert.equal(token, TOKEN);
  xml(response, PAGE2);
}

const ids = (items: { externalId: string }[]) => items.map((i) => i.externalId);

test('a list is harvested page by page: arguments, token paging, 3 s politeness, deleted records skipped', async () => {
  const server = await serve((url, _request, response) => {
    assert.equal(url.pathname, '/oai');
    assert.equal(url.searchParams.get('verb'), 'ListRecords');
    if (url.searchParams.has('resumptionToken')) {
      assert.deepEqual(
        [...url.searchParams.keys()].sort(),
        ['resumptionToken', 'verb'],
        'the token is exclusive',
      );
    } else {
      assert.equal(url.searchParams.get('metadataPrefix'), 'arXiv');
      assert.equal(url.searchParams.get('set'), 'cs');
      assert.equal(url.searchParams.get('from'), '2024-01-08');
      assert.equal(url.searchParams.get('until'), '2024-01-09');
    }
    twoPages(url, response);
  });
  try {
    const { ctx, state, warnings } = context();
    const { waits, sleep } = recordedSleep();
    const items = await harvestOai(ctx, config(server.baseUrl), { sleep });
    assert.deepEqual(ids(items), ['2401.00001', 'cs/0112017', 'hep-th/9901001', '0704.0002']);
    assert.deepEqual(waits, [3000], 'one 3 s pause before the second request, none before the first');
    assert.equal(server.requests[1]?.searchParams.get('resumptionToken'), TOKEN);
    assert.deepEqual(warnings, []);
    assert.equal(state.saved.get('oai:cs'), null, 'the position is cleared when the list completes');
    assert.deepEqual(state.saved.get('oai-done:cs'), {
      metadataPrefix: 'arXiv',
      from: '2024-01-08',
      until: '2024-01-09',
      through: '2024-01-09',
    });
    // The same closed window again: nothing to ask.
    const again = await harvestOai(context(state).ctx, config(server.baseUrl), { sleep });
    assert.deepEqual(again, []);
    assert.equal(server.requests.length, 2);
  } finally {
    await server.close();
  }
});

test('a page failing mid-list: the run keeps what it harvested, the next run resumes at the token', async () => {
  let refuse = true;
  const server = await serve((url, _request, response) => {
    if (url.searchParams.has('resumptionToken') && refuse) {
      return xml(response, '<html><body>Retry later</body></html>', 503, { 'retry-after': '120' });
    }
    twoPages(url, response);
  });
  try {
    const state = memoryState();
    const first = context(state);
    const sleep = recordedSleep().sleep;
    const before = await harvestOai(first.ctx, config(server.baseUrl), { sleep });
    assert.deepEqual(ids(before), ['2401.00001', 'cs/0112017']);
    assert.match(
      first.warnings.join('\n'),
      /HTTP 503; the server asked to retry after 120; keeping the 2 records/,
    );
    const position: HarvestPosition = {
      set: 'cs',
      metadataPrefix: 'arXiv',
      from: '2024-01-08',
      until: '2024-01-09',
      token: TOKEN,
      cursor: 3,
      completeListSize: 5,
    };
    assert.deepEqual(state.saved.get('oai:cs'), position);

    // Still refused at the start of the next run: nothing harvested, so it is the source's error.
    await assert.rejects(
      harvestOai(context(state).ctx, config(server.baseUrl), { sleep }),
      (error: unknown) =>
        error instanceof SourceError && /resumptionToken=6960524%7C1001: HTTP 503/.test(error.message),
    );
    assert.deepEqual(state.saved.get('oai:cs'), position, 'a failed run leaves the position alone');

    refuse = false;
    const requestsBefore = server.requests.length;
    const after = await harvestOai(context(state).ctx, config(server.baseUrl), { sleep });
    assert.deepEqual(ids(after), ['hep-th/9901001', '0704.0002']);
    assert.equal(
      server.requests.length,
      requestsBefore + 1,
      'resumed at the token: page 1 is not asked again',
    );
    assert.equal(server.requests.at(-1)?.searchParams.get('resumptionToken'), TOKEN);
    const all = [...ids(before), ...ids(after)];
    assert.equal(new Set(all).size, all.length, 'nothing harvested twice');
    assert.equal(state.saved.get('oai:cs'), null);
  } finally {
    await server.close();
  }
});

test('a truncated page mid-list is handled like a failed request', async () => {
  const server = await serve((url, _request, response) => {
    if (url.searchParams.has('resumptionToken')) return xml(response, PAGE2.slice(0, 900));
    xml(response, PAGE1);
  });
  try {
    const { ctx, state, warnings } = context();
    const items = await harvestOai(ctx, config(server.baseUrl), { sleep: recordedSleep().sleep });
    assert.equal(items.length, 2);
    assert.match(warnings.join('\n'), /is not well-formed XML/);
    assert.equal((state.saved.get('oai:cs') as HarvestPosition).token, TOKEN);
  } finally {
    await server.close();
  }
});

test('a page budget per run: the rest of the list waits for the next collect', async () => {
  const server = await serve((url, _request, response) => twoPages(url, response));
  try {
    const state = memoryState();
    const first = context(state);
    const sleep = recordedSleep().sleep;
    const own = { maxPages: 1 };
    assert.deepEqual(ids(await harvestOai(first.ctx, config(server.baseUrl, own), { sleep })), [
      '2401.00001',
      'cs/0112017',
    ]);
    assert.match(first.infos.join('\n'), /stopped after 1 pages; the next collect resumes/);
    assert.deepEqual(ids(await harvestOai(context(state).ctx, config(server.baseUrl, own), { sleep })), [
      'hep-th/9901001',
      '0704.0002',
    ]);
    assert.equal(server.requests.length, 2);
  } finally {
    await server.close();
  }
});

test('noRecordsMatch is an empty list, not a failure', async () => {
  const server = await serve((_url, _request, response) => xml(response, testdata('oai-no-records.xml')));
  try {
    const { ctx, state, warnings } = context();
    const items = await harvestOai(ctx, config(server.baseUrl, { from: '2024-01-06', until: '2024-01-07' }));
    assert.deepEqual(items, []);
    assert.deepEqual(warnings, []);
    assert.equal((state.saved.get('oai-done:cs') as { through: string }).through, '2024-01-07');
  } finally {
    await server.close();
  }
});

test('badArgument on the first request is a SourceError with the OAI code and message', async () => {
  const body = PAGE1.replace(
    /<ListRecords>[\s\S]*<\/ListRecords>/,
    '<error code="badArgument">Illegal set cs&amp;x</error>',
  );
  const server = await serve((_url, _request, response) => xml(response, body));
  try {
    await assert.rejects(
      harvestOai(context().ctx, config(server.baseUrl)),
      (error: unknown) =>
        error instanceof SourceError && /OAI-PMH error badArgument: Illegal set cs&x$/.test(error.message),
    );
  } finally {
    await server.close();
  }
});

test('a saved token the server refuses (expired) restarts the list; one refused mid-run ends the run', async () => {
  const stale: HarvestPosition = {
    set: 'cs',
    metadataPrefix: 'arXiv',
    from: '2024-01-08',
    until: '2024-01-09',
    token: 'expired|1001',
    cursor: 1001,
    completeListSize: 5000,
  };
  const server = await serve((url, _request, response) => {
    if (url.searchParams.get('resumptionToken') === 'expired|1001')
      return xml(response, testdata('oai-bad-token.xml'));
    twoPages(url, response);
  });
  try {
    const { ctx, warnings } = context(memoryState({ 'oai:cs': stale }));
    const items = await harvestOai(ctx, config(server.baseUrl), { sleep: recordedSleep().sleep });
    assert.equal(items.length, 4);
    assert.match(
      warnings.join('\n'),
      /saved resumption token was refused \(The value of the resumptionToken/,
    );
    assert.equal(
      server.requests[1]?.searchParams.get('set'),
      'cs',
      'the list asked for again from its start',
    );
  } finally {
    await server.close();
  }
  const refusing = await serve((url, _request, response) =>
    xml(response, url.searchParams.has('resumptionToken') ? testdata('oai-bad-token.xml') : PAGE1),
  );
  try {
    const { ctx, warnings } = context();
    const items = await harvestOai(ctx, config(refusing.baseUrl), { sleep: recordedSleep().sleep });
    assert.equal(items.length, 2);
    assert.match(warnings.join('\n'), /OAI-PMH error badResumptionToken: The value/);
  } finally {
    await refusing.close();
  }
});

test('several sets: one list each, a paper in two sets kept once; HTTP errors name the status', async () => {
  const server = await serve((url, _request, response) => {
    const set = url.searchParams.get('set');
    if (set === 'math')
      return xml(response, PAGE2.replace('<resumptionToken cursor="3" completeListSize="5"/>', ''));
    if (set === 'nlin') return xml(response, 'Not Found', 404);
    twoPages(url, response);
  });
  try {
    const { ctx } = context();
    const { waits, sleep } = recordedSleep();
    const items = await harvestOai(ctx, config(server.baseUrl, { sets: ['cs', 'math'] }), { sleep });
    assert.deepEqual(ids(items), ['2401.00001', 'cs/0112017', 'hep-th/9901001', '0704.0002']);
    assert.equal(waits.length, 2, 'politeness holds across sets too');
    await assert.rejects(
      harvestOai(context().ctx, config(server.baseUrl, { sets: ['nlin'] })),
      (error: unknown) => error instanceof SourceError && /set=nlin.*: HTTP 404$/.test(error.message),
    );
  } finally {
    await server.close();
  }
});

test('open-ended harvests continue from the last complete one', () => {
  const open = { oaiBase: 'x', sets: ['cs'], metadataPrefix: 'arXiv' as const, maxPages: 1 };
  assert.deepEqual(nextWindow(open, null, '2024-01-10'), { from: '2024-01-09', until: null });
  const done = { metadataPrefix: 'arXiv', from: '2024-01-09', until: null, through: '2024-01-10' };
  assert.deepEqual(nextWindow(open, done, '2024-03-01'), { from: '2024-01-10', until: null });
  assert.deepEqual(nextWindow({ ...open, from: '2023-06-01' }, done, '2024-03-01'), {
    from: '2024-01-10',
    until: null,
  });
  assert.deepEqual(nextWindow({ ...open, from: '2024-02-01' }, done, '2024-03-01'), {
    from: '2024-02-01',
    until: null,
  });
  const closed = { ...open, from: '2023-01-01', until: '2023-12-31' };
  assert.deepEqual(nextWindow(closed, null, '2024-03-01'), { from: '2023-01-01', until: '2023-12-31' });
  assert.equal(nextWindow(closed, { ...done, from: '2023-01-01', until: '2023-12-31' }, '2024-03-01'), null);
});
