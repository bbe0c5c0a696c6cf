// The contract every Store implementation passes: one suite, run against SQLite now and PostgreSQL in
// scale mode. Each implementation's test file calls storeContract() with a factory for a fresh store.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Item } from '../model/item.ts';
import type { Writeup } from '../model/story.ts';
import type { Store, Subscriber } from './store.ts';

export function item(overrides: Partial<Item> = {}): Item {
  return {
    source: 'hf-daily',
    externalId: '2026-11-20/2611.01234',
    kind: 'paper',
    url: 'https://arxiv.org/abs/2611.01234',
    title: 'Sparse Lattice Routing',
    summary: 'We propose SLR.',
    lang: 'en',
    authors: ['Lin Yi'],
    publishedAt: '2026-11-19T15:02:11.000Z',
    editionDate: '2026-11-20',
    image: null,
    metrics: { upvotes: 3 },
    contributor: null,
    section: null,
    extra: {},
    keys: ['arxiv:2611.01234', 'url:https://arxiv.org/abs/2611.01234'],
    cites: [],
    ...overrides,
  };
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    test('migrate is idempotent', async () => {
      const store = await open();
      assert.deepEqual(await store.migrate(), []);
      await store.close();
    });

    test('stories, keys and items round-trip', async () => {
      const store = await open();
      await store.createStory({
        id: 's1',
        kind: 'paper',
        editionDate: '2026-11-20',
        keys: ['arxiv:1', 'url:a'],
        dropped: false,
      });
      await store.saveItem(item(), 's1', 'h1');
      assert.deepEqual(await store.storyIdsForKeys(['url:a', 'nope']), ['s1']);
      const view = await store.story('s1');
      assert.equal(view?.items.length, 1);
      assert.deepEqual(view?.keys, ['arxiv:1', 'url:a']);
      assert.deepEqual(view?.items[0]?.metrics, { upvotes: 3 });
      assert.equal((await store.findItem('hf-daily', '2026-11-20/2611.01234'))?.contentHash, 'h1');
      await store.saveItem(item({ title: 'Changed' }), 's1', 'h2');
      assert.equal((await store.counts()).items, 1, 'saving the same (source, externalId) updates in place');
      assert.deepEqual(await store.storyDates(), ['2026-11-20']);
      await store.close();
    });

    test('a failed transaction leaves the store as it was', async () => {
      const store = await open();
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.createStory({
            id: 's2',
            kind: 'paper',
            editionDate: '2026-11-20',
            keys: ['k2'],
            dropped: false,
          });
          await tx.saveItem(item({ externalId: 'x' }), 's2', 'h');
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.deepEqual(await store.counts(), { items: 0, stories: 0, writeups: 0 });
      await store.close();
    });

    test('absorbStory moves items, keys and writeups and keeps a tombstone', async () => {
      const store = await open();
      await store.createStory({
        id: 'a',
        kind: 'paper',
        editionDate: '2026-11-21',
        keys: ['k:a'],
        dropped: false,
      });
      await store.createStory({
        id: 'b',
        kind: 'paper',
        editionDate: '2026-11-20',
        keys: ['k:b'],
        dropped: true,
      });
      await store.saveItem(item({ externalId: 'b1' }), 'b', 'h');
      await store.putWriteup(writeup('b', 'edited'));
      await store.absorbStory('a', 'b');
      const a = await store.story('a');
      assert.deepEqual(a?.keys, ['k:a', 'k:b']);
      assert.equal(a?.items.length, 1);
      assert.equal(a?.writeups[0]?.status, 'edited');
      assert.equal(a?.dropped, true, 'a dropped story stays dropped when merged');
      assert.equal(a?.editionDate, '2026-11-20');
      assert.equal(await store.getStory('b'), null);
      await store.close();
    });

    test('a machine writeup never overwrites an edit', async () => {
      const store = await open();
      await store.createStory({
        id: 'w',
        kind: 'paper',
        editionDate: '2026-11-20',
        keys: ['k:w'],
        dropped: false,
      });
      await store.putWriteup(writeup('w', 'edited', '编辑'));
      await store.putWriteup(writeup('w', 'drafted', '机器'));
      assert.equal((await store.story('w'))?.writeups[0]?.title, '编辑');
      await store.putWriteup(writeup('w', 'edited', '再编辑'));
      assert.equal((await store.story('w'))?.writeups[0]?.title, '再编辑');
      await store.close();
    });

    test('LLM cache and editions', async () => {
      const store = await open();
      const key = { inputHash: 'h', task: 't', promptVersion: 'v1', model: 'm' };
      assert.equal(await store.cacheGet(key), null);
      await store.cachePut(key, { title: '标题' }, 42);
      assert.deepEqual(await store.cacheGet(key), { title: '标题' });
      assert.equal(await store.cacheGet({ ...key, model: 'other' }), null);
      await store.recordEdition({
        publication: 'papers',
        date: '2026-11-20',
        files: ['a.md'],
        publishedAt: 'now',
      });
      await store.recordEdition({
        publication: 'papers',
        date: '2026-11-20',
        files: ['b.md'],
        publishedAt: 'later',
      });
      assert.deepEqual(
        (await store.editions('papers')).map((e) => e.files),
        [['b.md']],
      );
      await store.close();
    });
    test('writeups keep their provenance; a flagged draft keeps its reasons', async () => {
      const store = await open();
      await store.createStory({
        id: 'p',
        kind: 'paper',
        editionDate: '2026-11-20',
        keys: ['k:p'],
        dropped: false,
      });
      await store.putWriteup({ ...writeup('p', 'flagged'), gate: ['drops the numbers 41'] });
      const [stored] = (await store.story('p'))?.writeups ?? [];
      assert.equal(stored?.status, 'flagged');
      assert.deepEqual(stored?.gate, ['drops the numbers 41']);
      assert.equal(stored?.tokens, 1200);
      assert.equal(stored?.cost, 0.0021);
      await store.close();
    });

    test('the cost log sums per day, publication, task, model and outcome', async () => {
      const store = await open();
      const call = {
        at: 'now',
        day: '2026-11-20',
        publication: 'papers',
        task: 'paper-translation',
        model: 'm',
        storyId: 's',
        outcome: 'ok' as const,
        promptTokens: 100,
        completionTokens: 50,
        cost: 0.5,
      };
      await store.logLlmCall(call);
      await store.logLlmCall(call);
      await store.logLlmCall({ ...call, outcome: 'cached', promptTokens: 0, completionTokens: 0, cost: 0 });
      await store.logLlmCall({ ...call, day: '2026-11-21' });
      const rows = await store.costs({ from: '2026-11-20', to: '2026-11-20' });
      assert.deepEqual(
        rows.map((r) => [r.outcome, r.calls, r.promptTokens, r.completionTokens, r.cost]),
        [
          ['cached', 1, 0, 0, 0],
          ['ok', 2, 200, 100, 1],
        ],
      );
      assert.equal((await store.costs({})).length, 3);
      await store.close();
    });

    test('placements and leads: an editor is never overwritten by the model', async () => {
      const store = await open();
      await store.createStory({
        id: 'q',
        kind: 'article',
        editionDate: '2026-11-20',
        keys: ['k:q'],
        dropped: false,
      });
      const placement = {
        storyId: 'q',
        publication: 'daily',
        section: '产业',
        tags: ['融资'],
        by: 'llm',
        updatedAt: 'now',
      };
      await store.putPlacement(placement);
      await store.putPlacement({ ...placement, section: '研究', by: 'ed' });
      await store.putPlacement({ ...placement, section: '学习' });
      assert.deepEqual(
        (await store.story('q'))?.placements.map((p) => [p.section, p.by]),
        [['研究', 'ed']],
      );
      const lead = {
        publication: 'daily',
        date: '2026-11-20',
        body: '编辑导语',
        status: 'edited' as const,
        model: null,
        promptVersion: null,
        gate: [],
        editedBy: 'ed',
        updatedAt: 'now',
      };
      assert.equal(await store.editionLead('daily', '2026-11-20'), null);
      await store.putEditionLead(lead);
      await store.putEditionLead({ ...lead, body: '机器导语', status: 'drafted', editedBy: null });
      assert.equal((await store.editionLead('daily', '2026-11-20'))?.body, '编辑导语');
      await store.close();
    });
    test('source state, HTTP validators and source health', async () => {
      const store = await open();
      assert.equal(await store.getSourceState('arxiv', 'oai'), null);
      await store.putSourceState('arxiv', 'oai', { token: 't1', cursor: 1000 });
      await store.putSourceState('arxiv', 'oai', { token: 't2', cursor: 2000 });
      assert.deepEqual(await store.getSourceState('arxiv', 'oai'), { token: 't2', cursor: 2000 });
      assert.equal(await store.getSourceState('other', 'oai'), null);
      await store.putValidators('https://x/feed', { etag: '"e1"' });
      await store.putValidators('https://x/feed', {
        etag: '"e2"',
        lastModified: 'Sat, 21 Nov 2026 00:00:00 GMT',
      });
      assert.deepEqual(await store.getValidators('https://x/feed'), {
        etag: '"e2"',
        lastModified: 'Sat, 21 Nov 2026 00:00:00 GMT',
      });
      await store.recordCollect('feed', { at: 't1', items: 0, error: 'HTTP 500', backoffUntil: null });
      await store.recordCollect('feed', { at: 't2', items: 0, error: 'HTTP 500', backoffUntil: 'later' });
      let [health] = await store.sourceHealth();
      assert.deepEqual(
        [health?.consecutiveFailures, health?.backoffUntil, health?.lastError],
        [2, 'later', 'HTTP 500'],
      );
      await store.recordCollect('feed', { at: 't3', items: 7, error: null, backoffUntil: null });
      [health] = await store.sourceHealth();
      assert.deepEqual(
        [
          health?.consecutiveFailures,
          health?.backoffUntil,
          health?.lastItems,
          health?.lastSuccessAt,
          health?.lastErrorAt,
        ],
        [0, null, 7, 't3', 't2'],
      );
      await store.close();
    });
    test('deliveries: claimed once, never sent twice; an interrupted one only when asked', async () => {
      const store = await open();
      const key = { channel: 'email', publication: 'daily', date: '2026-11-20', recipient: 'a@example.com' };
      assert.equal(await store.claimDelivery(key), true);
      assert.equal(await store.claimDelivery(key), false, 'in flight: not claimed twice');
      assert.equal(
        await store.claimDelivery(key, { retryInterrupted: true }),
        true,
        'resuming after a crash',
      );
      await store.finishDelivery(key, 'sent', '<id@x>');
      assert.equal(await store.claimDelivery(key, { retryInterrupted: true, retryFailed: true }), false);
      const other = { ...key, recipient: 'b@example.com' };
      await store.claimDelivery(other);
      await store.finishDelivery(other, 'failed', '550 no such user');
      assert.equal(await store.claimDelivery(other), false);
      assert.equal(await store.claimDelivery(other, { retryFailed: true }), true);
      assert.deepEqual(
        (await store.deliveries({ publication: 'daily' })).map((d) => [d.recipient, d.status, d.attempts]),
        [
          ['a@example.com', 'sent', 2],
          ['b@example.com', 'sending', 2],
        ],
      );
      await store.close();
    });

    test('subscribers: one row per address and publication; found by token; confirmation mails counted', async () => {
      const store = await open();
      const base: Subscriber = {
        email: 'Ann@example.com',
        publication: 'daily',
        status: 'pending',
        sections: ['论文'],
        keywords: ['agent'],
        unsubscribeToken: 'u1',
        confirmHash: 'h1',
        confirmExpiresAt: '2026-11-23T00:00:00.000Z',
        detail: null,
        createdAt: 't1',
        confirmedAt: null,
        updatedAt: 't1',
      };
      await store.putSubscriber(base);
      await store.putSubscriber({
        ...base,
        publication: 'papers',
        unsubscribeToken: 'u2',
        confirmHash: null,
      });
      assert.deepEqual(
        await store.subscriber('ann@EXAMPLE.com', 'daily'),
        base,
        'addresses compare case-insensitively',
      );
      assert.equal((await store.findSubscriber({ confirmHash: 'h1' }))?.publication, 'daily');
      assert.equal((await store.findSubscriber({ unsubscribeToken: 'u2' }))?.publication, 'papers');
      assert.equal(await store.findSubscriber({ unsubscribeToken: 'nope' }), null);
      const active = {
        ...base,
        status: 'active' as const,
        confirmHash: null,
        confirmedAt: 't2',
        updatedAt: 't2',
      };
      await store.putSubscriber(active);
      assert.equal(await store.findSubscriber({ confirmHash: 'h1' }), null, 'a used confirmation is gone');
      assert.deepEqual(
        (await store.subscribers({})).map((s) => [s.publication, s.status]),
        [
          ['daily', 'active'],
          ['papers', 'pending'],
        ],
      );
      assert.deepEqual(await store.subscribers({ publication: 'daily', status: 'active' }), [active]);
      assert.equal((await store.subscribers({ email: 'ann@example.com' })).length, 2);
      assert.equal(await store.removeSubscriber('ann@example.com', 'papers'), true);
      assert.equal(await store.removeSubscriber('ann@example.com', 'papers'), false);
      await store.logConfirmationMail('ann@example.com', '2026-11-20T08:00:00.000Z');
      await store.logConfirmationMail('Ann@example.com', '2026-11-20T09:00:00.000Z');
      assert.equal(await store.confirmationMails('ANN@example.com', '2026-11-20T08:30:00.000Z'), 1);
      assert.equal(await store.confirmationMails('ann@example.com', '2026-11-19T00:00:00.000Z'), 2);
      await store.close();
    });

    test('accounts: users, sessions, single-use invites, API tokens and login attempts', async () => {
      const store = await open();
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString();
      const ann = {
        handle: 'ann',
        displayName: '安 <Ann>',
        role: 'admin' as const,
        passwordHash: '$scrypt$x',
        disabledAt: null,
        createdAt: at(0),
        updatedAt: at(0),
      };
      const annId = await store.createUser(ann);
      const bobId = await store.createUser({
        ...ann,
        handle: 'bob',
        role: 'contributor',
        passwordHash: null,
      });
      await assert.rejects(
        store.createUser({ ...ann, handle: 'ANN' }),
        'handles are unique, whatever the case',
      );
      assert.deepEqual(await store.findUser({ handle: 'Ann' }), { ...ann, id: annId });
      await store.updateUser(bobId, { role: 'editor', disabledAt: at(5), updatedAt: at(5) });
      const bob = await store.findUser({ id: bobId });
      assert.deepEqual([bob?.role, bob?.disabledAt, bob?.displayName], ['editor', at(5), ann.displayName]);
      assert.deepEqual(
        (await store.users()).map((u) => u.handle),
        ['ann', 'bob'],
      );

      const session = {
        idHash: 'h1',
        userId: null,
        createdAt: at(0),
        seenAt: at(0),
        expiresAt: at(60),
        ip: '::1',
      };
      await store.putSession(session);
      await store.putSession({ ...session, idHash: 'h2', userId: annId, expiresAt: at(30) });
      await store.putSession({ ...session, idHash: 'h3', userId: annId, expiresAt: at(90) });
      await store.touchSession('h1', at(20));
      assert.deepEqual(await store.findSession('h1'), { ...session, seenAt: at(20) });
      assert.equal(
        await store.deleteSessions({ expiresBefore: at(40), seenBefore: at(10) }),
        2,
        'h2 ended, h3 idle',
      );
      assert.equal(await store.deleteSessions({ idHash: 'h1' }), 1);
      assert.equal(await store.findSession('h1'), null);

      const invite = {
        tokenHash: 'i1',
        role: 'editor' as const,
        createdBy: annId,
        createdAt: at(0),
        expiresAt: at(30),
        usedAt: null,
        usedBy: null,
      };
      const inviteId = await store.createInvite(invite);
      await store.createInvite({ ...invite, tokenHash: 'i2', createdAt: at(1) });
      assert.equal(await store.useInvite('i1', at(31), bobId), false, 'expired');
      assert.equal(await store.useInvite('i1', at(10), bobId), true);
      assert.equal(await store.useInvite('i1', at(11), bobId), false, 'used once only');
      assert.deepEqual(await store.findInvite('i1'), {
        ...invite,
        id: inviteId,
        usedAt: at(10),
        usedBy: bobId,
      });
      assert.deepEqual(
        (await store.invites()).map((i) => i.tokenHash),
        ['i2', 'i1'],
      );
      assert.equal(await store.deleteInvite(inviteId), true);
      assert.equal(await store.findInvite('i1'), null);

      const token = {
        userId: annId,
        name: 'feishu bot',
        tokenHash: 't1',
        role: 'editor' as const,
        createdAt: at(0),
        lastUsedAt: null,
        revokedAt: null,
      };
      const tokenId = await store.createApiToken(token);
      await store.touchApiToken(tokenId, at(3));
      assert.deepEqual(await store.findApiToken('t1'), { ...token, id: tokenId, lastUsedAt: at(3) });
      assert.equal(await store.revokeApiToken(tokenId, bobId, at(4)), false, "not bob's token");
      assert.equal(await store.revokeApiToken(tokenId, annId, at(4)), true);
      assert.equal((await store.apiTokens(annId))[0]?.revokedAt, at(4));

      await store.logLoginAttempt({ at: at(0), account: 'ann', ip: '10.0.0.1', ok: false });
      await store.logLoginAttempt({ at: at(2), account: 'ANN', ip: '10.0.0.2', ok: true });
      await store.logLoginAttempt({ at: at(3), account: 'nobody', ip: '10.0.0.1', ok: false });
      assert.deepEqual(
        (await store.loginAttempts({ account: 'Ann', since: at(0) })).map((a) => [a.ip, a.ok]),
        [
          ['10.0.0.1', false],
          ['10.0.0.2', true],
        ],
      );
      assert.deepEqual(
        (await store.loginAttempts({ ip: '10.0.0.1', since: at(1) })).map((a) => a.account),
        ['nobody'],
      );
      await store.close();
    });

    test('search: tokens in, stories out, ranked, filtered, never dropped ones', async () => {
      const store = await open();
      const none = { publication: [], section: [], contributor: [], lang: ['en'] };
      for (const [id, date] of [
        ['a', '2026-11-18'],
        ['b', '2026-11-20'],
        ['c', '2026-11-19'],
      ] as const) {
        await store.createStory({ id, kind: 'paper', editionDate: date, keys: [`k:${id}`], dropped: false });
      }
      const doc = (storyId: string, title: string, body: string, source: string) => ({
        storyId,
        tokenizer: 't1',
        titleTokens: title.split(' '),
        bodyTokens: body.split(' '),
        facets: { ...none, source: [source] },
      });
      await store.putSearchDoc(doc('a', 'lattic rout', 'expert 稀疏', 'hf-daily'));
      await store.putSearchDoc(doc('b', 'robot', 'lattic qwen2.5', 'arxiv'));
      await store.putSearchDoc(doc('c', 'other', 'nothing', 'arxiv'));
      await store.putSearchDoc(doc('c', 'diffus', 'nothing', 'arxiv'));
      const q = { optional: [], filters: {}, limit: 10, offset: 0 };
      const found = async (query: Partial<Parameters<Store['searchStories']>[0]>) =>
        (await store.searchStories({ ...q, required: [], match: 'all', ...query })).hits.map(
          (h) => h.storyId,
        );
      assert.deepEqual(await found({ required: ['lattic'] }), ['a', 'b'], 'the title hit first');
      assert.deepEqual(await found({ required: ['lattic', 'rout'] }), ['a']);
      assert.deepEqual(await found({ required: ['lattic', 'robot'], match: 'any' }).then((x) => x.sort()), [
        'a',
        'b',
      ]);
      assert.deepEqual(await found({ required: ['qwen2.5'] }), ['b'], 'a dotted token stays whole');
      assert.deepEqual(await found({ required: ['稀疏'] }), ['a']);
      assert.deepEqual(await found({ required: ['other'] }), [], 'putting a story again replaces it');
      assert.deepEqual(await found({ required: ['lattic'], filters: { source: 'arxiv' } }), ['b']);
      assert.deepEqual(await found({ required: ['lattic'], filters: { to: '2026-11-19' } }), ['a']);
      assert.deepEqual(await found({ required: ['"lattic" OR x'] }), [], 'a token is never query syntax');
      const page = await store.searchStories({ ...q, required: ['lattic'], match: 'all', offset: 1 });
      assert.deepEqual([page.total, page.hits.map((h) => [h.storyId, h.date])], [2, [['b', '2026-11-20']]]);
      await store.setDropped('a', true);
      assert.deepEqual(await found({ required: ['lattic'] }), ['b']);
      assert.deepEqual(await store.searchIndexStatus(), { docs: 3, tokenizers: ['t1'] });
      await store.deleteSearchDocs(['b']);
      assert.deepEqual(await found({ required: ['lattic'] }), []);
      await store.deleteSearchDocs();
      assert.deepEqual(await store.searchIndexStatus(), { docs: 0, tokenizers: [] });
      await store.close();
    });
  });
}

function writeup(storyId: string, status: 'edited' | 'drafted' | 'flagged', title = '标题'): Writeup {
  return {
    storyId,
    lang: 'zh',
    title,
    body: '正文',
    status,
    task: 'paper-translation',
    model: null,
    promptVersion: null,
    editedBy: status === 'edited' ? 'ed' : null,
    updatedAt: 'now',
    tokens: status === 'edited' ? null : 1200,
    cost: status === 'edited' ? null : 0.0021,
    gate: [],
  };
}
