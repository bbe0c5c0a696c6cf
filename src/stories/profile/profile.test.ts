import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../../config/schema.ts';
import { InputError, UsageError } from '../../errors.ts';
import { rankingConfig, rankOptionsFor, sourceOrigins } from './options.ts';
import { loadProfile, ProfileConfig } from './profile.ts';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));

test('the schema: defaults, strict keys, valid arXiv ids', () => {
  assert.deepEqual(ProfileConfig.parse({}), { keywords: [], negativeKeywords: [], seeds: {}, weight: 1 });
  assert.deepEqual(
    ProfileConfig.parse({ keywords: [' agents '], seeds: { arxiv: ['arXiv:2611.01234v2'] } }).keywords,
    ['agents'],
  );
  const bad = ProfileConfig.safeParse({
    seeds: { arxiv: ['not-an-id'], bibtex: '' },
    weight: -1,
    colour: 'red',
  });
  assert.ok(!bad.success);
  const issues = bad.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
  assert.equal(issues.length, 4, issues.join('\n'));
  assert.ok(issues.some((i) => i.startsWith('seeds.arxiv.0: not an arXiv id')));
});

test('loading reads the seed files relative to the base and turns arXiv ids into keys', () => {
  const profile = loadProfile(
    ProfileConfig.parse({
      keywords: ['long context'],
      seeds: {
        arxiv: ['2611.01234v3', 'https://arxiv.org/abs/1706.03762'],
        bibtex: 'seeds.bib',
        cslJson: 'zotero.json',
      },
      weight: 2,
    }),
    TESTDATA,
  );
  assert.equal(profile.weight, 2);
  assert.deepEqual(profile.keywords, ['long context']);
  assert.deepEqual(
    profile.seeds.map((s) => s.origin),
    [
      'arxiv:2611.01234',
      'arxiv:1706.03762',
      'seeds.bib#vaswani2017',
      'seeds.bib#beltagy2020longformer',
      'seeds.bib#erdos1959',
      'zotero.json#http://zotero.org/users/1/items/ABCD1234',
      'zotero.json#42',
    ],
  );
  assert.deepEqual(profile.seeds[0], {
    origin: 'arxiv:2611.01234',
    title: '',
    text: '',
    keys: ['arxiv:2611.01234'],
  });
});

test('a missing or malformed seed file is an InputError naming it', () => {
  assert.throws(
    () => loadProfile(ProfileConfig.parse({ seeds: { bibtex: 'nowhere.bib' } }), TESTDATA),
    (error: unknown) =>
      error instanceof InputError && error.message === 'nowhere.bib: cannot read the seed file (ENOENT)',
  );
  assert.throws(
    () => loadProfile(ProfileConfig.parse({ seeds: { cslJson: 'truncated.json' } }), TESTDATA),
    (error: unknown) => error instanceof InputError && error.input === 'truncated.json',
  );
});

function config() {
  return ConfigSchema.parse({
    sources: [
      { id: 'openai-rss', kind: 'feed', url: 'https://openai.com/news/rss.xml' },
      { id: 'openai-web', kind: 'feed', url: 'https://www.openai.com/news/' },
      { id: 'arxiv-ai', kind: 'arxiv' },
    ],
    publications: { papers: { title: 'P', template: 'paper-digest' } },
  });
}

test('source origins: kind and site for sources with a url, else the kind', () => {
  assert.deepEqual(sourceOrigins(config()), {
    'openai-rss': 'feed:openai.com',
    'openai-web': 'feed:openai.com',
    'arxiv-ai': 'arxiv',
  });
});

test('a publication without profile or weights ranks with origins only', () => {
  const c = config();
  assert.deepEqual(rankingConfig(c, 'papers'), { profile: null, sourceWeights: {} });
  const options = rankOptionsFor(c, 'papers');
  assert.equal(options.profile, null);
  assert.deepEqual(options.sourceWeights, {});
  assert.deepEqual(rankOptionsFor(c, null), { sourceOrigins: sourceOrigins(c) });
});

test('the publication keys, once the schema has them, are validated and loaded', () => {
  const c = config();
  const papers = c.publications.papers as Record<string, unknown>;
  papers.profile = { keywords: ['agents'], seeds: { bibtex: 'seeds.bib' } };
  papers.sourceWeights = { 'arxiv-ai': 0.5 };
  const options = rankOptionsFor(c, 'papers', TESTDATA);
  assert.equal(options.profile?.seeds.length, 3);
  assert.deepEqual(options.sourceWeights, { 'arxiv-ai': 0.5 });
  papers.profile = { keywords: 'agents' };
  papers.sourceWeights = { 'arxiv-ai': 'high' };
  assert.throws(
    () => rankOptionsFor(c, 'papers'),
    (error: unknown) =>
      error instanceof UsageError &&
      /^publications\.papers\.profile\.keywords: /.test(error.message) &&
      !error.message.includes('sourceWeights'),
  );
  papers.profile = undefined;
  assert.throws(() => rankOptionsFor(c, 'papers'), /publications\.papers\.sourceWeights\.arxiv-ai: /);
  assert.throws(() => rankOptionsFor(c, 'nope'), /no such publication "nope"/);
});
