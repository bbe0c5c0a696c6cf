// Tests of the GitHub mapping on our fixtures: repository snapshot, releases (drafts, prereleases, notes
// reduced to text, titles), hostile values, and the release-notes summary on its own.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { InputError } from '../../errors.ts';
import { adaptRelease, adaptRepo, socialCard } from './adapt.ts';
import { notesSummary, truncateText } from './notes.ts';
import { parseReleases, parseRepo } from './parse.ts';
import { recordStars } from './stars.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const noGrowth = { points: [], delta: null, since: null };

test('a repository becomes a repo item: identity, stars, topics, social card, listing day', () => {
  const repo = parseRepo(fixture('repo-vllm-project-vllm.json'), 'repo.json');
  const growth = recordStars([{ day: '2025-06-09', stars: 51000 }], '2025-06-10', 51230);
  const item = adaptRepo(repo, { day: '2025-06-10', growth, linked: false });
  assert.deepEqual(item, {
    externalId: 'github:vllm-project/vllm',
    kind: 'repo',
    url: 'https://github.com/vllm-project/vllm',
    title: 'vllm-project/vllm',
    summary: 'A high-throughput and memory-efficient inference and serving engine for LLMs',
    lang: 'en',
    authors: [],
    publishedAt: '2023-02-09T11:23:20Z',
    listedOn: '2025-06-10',
    image: 'https://opengraph.githubassets.com/1/vllm-project/vllm',
    metrics: { stars: 51230 },
    contributor: null,
    extra: {
      fullName: 'vllm-project/vllm',
      githubRepo: 'https://github.com/vllm-project/vllm',
      topics: repo.topics,
      forks: 8421,
      language: 'Python',
      homepage: 'https://docs.vllm.ai',
      pushedAt: '2025-06-10T09:28:51Z',
      license: 'Apache-2.0',
      starsDelta: 230,
      starsDeltaSince: '2025-06-09',
      starsAt: [
        { day: '2025-06-09', stars: 51000 },
        { day: '2025-06-10', stars: 51230 },
      ],
    },
  });
  assert.equal(repo.topics?.length, 11);
});

test('a sparse or hostile repository object still maps safely', () => {
  const repo = parseRepo(
    JSON.stringify({
      full_name: 'Some-Org/Model.Zoo',
      html_url: 'javascript:alert(1)',
      description: '<img src=x onerror=alert(1)>Models &amp; <b>weights</b>\n\n 中文说明',
      homepage: 'javascript:alert(1)',
      stargazers_count: '12',
      topics: 'llm',
      created_at: null,
    }),
    'sparse.json',
  );
  const item = adaptRepo(repo, { day: '2025-06-10', growth: noGrowth, linked: true });
  assert.equal(item.externalId, 'github:some-org/model.zoo');
  assert.equal(item.url, 'https://github.com/Some-Org/Model.Zoo');
  assert.equal(item.summary, 'Models & weights 中文说明');
  assert.deepEqual(item.metrics, {});
  assert.equal(item.publishedAt, null);
  assert.equal(item.image, socialCard('Some-Org/Model.Zoo'));
  assert.deepEqual(item.extra, {
    fullName: 'Some-Org/Model.Zoo',
    githubRepo: 'https://github.com/Some-Org/Model.Zoo',
    topics: [],
    starsAt: [],
    linkedFromPaper: true,
  });
});

test('releases: drafts skipped, prereleases flagged, notes reduced to a summary, tags in titles', () => {
  const bad: InputError[] = [];
  const releases = parseReleases(fixture('releases-vllm-project-vllm.json'), 'releases.json', (e) =>
    bad.push(e),
  );
  assert.deepEqual(
    bad.map((e) => e.message),
    ['releases.json: release [3].tag_name: is empty'],
  );
  const items = releases.map((release) => adaptRelease(release, 'vllm-project/vllm'));
  assert.equal(items.length, 3);
  assert.equal(items[1], null, 'the draft is skipped');
  const [candidate, , stable] = items;
  assert.deepEqual(candidate, {
    externalId: 'github:vllm-project/vllm@v0.9.2rc1',
    kind: 'article',
    url: 'https://github.com/vllm-project/vllm/releases/tag/v0.9.2rc1',
    title: 'vllm-project/vllm v0.9.2rc1',
    summary: 'Release candidate for v0.9.2. Please test and report regressions.',
    lang: 'en',
    authors: [],
    publishedAt: '2025-06-10T01:02:03Z',
    image: 'https://opengraph.githubassets.com/1/vllm-project/vllm',
    contributor: 'simon-mo',
    extra: {
      githubRepo: 'https://github.com/vllm-project/vllm',
      fullName: 'vllm-project/vllm',
      tag: 'v0.9.2rc1',
      releaseId: 223344556,
      prerelease: true,
    },
  });
  assert.equal(stable?.title, 'vllm-project/vllm v0.9.1 — Blackwell and DeepSeek');
  assert.equal(
    stable?.summary,
    'Highlights: This release features 274 commits from 123 contributors (27 new!). Large scale serving: ' +
      'DeepSeek expert parallelism with --enable-expert-parallel (#18765). Blackwell: FlashInfer MLA backend ' +
      'by @mgoin in #18930. Model support. Qwen3 & Llama 4.',
  );
  assert.equal(stable?.extra?.prerelease, false);
});

test('a release named apart from its tag says both; one with a hostile link falls back to GitHub', () => {
  const [release] = parseReleases(
    JSON.stringify([
      { tag_name: 'b5600', name: 'Faster Metal kernels', html_url: 'javascript:alert(1)', body: null },
    ]),
    'r.json',
    () => assert.fail('no bad entries'),
  );
  assert.ok(release);
  const item = adaptRelease(release, 'ggml-org/llama.cpp');
  assert.equal(item?.title, 'ggml-org/llama.cpp b5600: Faster Metal kernels');
  assert.equal(item?.url, 'https://github.com/ggml-org/llama.cpp/releases/tag/b5600');
  assert.equal(item?.summary, '');
  assert.equal(item?.publishedAt, null);
  assert.equal(item?.contributor, null);
});

test('notesSummary: script and code left out, long notes cut at a sentence with an ellipsis', () => {
  assert.equal(
    notesSummary('<script>alert(1)</script>\n\nIntro\n\n    indented code\n\n# Fixes\n- one\n- two\n\n---\n'),
    'Intro. Fixes: one. two.',
  );
  const long = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} ends here.`).join(' ');
  const summary = notesSummary(long, 200);
  assert.ok(summary.length <= 200, summary);
  assert.match(summary, /ends here\. …$/);
  // A huge body is cut before parsing: the summary comes back bounded.
  assert.ok(notesSummary(`${'word '.repeat(200_000)}`).length <= 500);
});

test('truncateText cuts at a word when there is no sentence end', () => {
  assert.equal(truncateText('short', 10), 'short');
  assert.equal(truncateText('alpha beta gamma delta epsilon', 20), 'alpha beta gamma…');
  assert.equal(truncateText('x'.repeat(30), 10), `${'x'.repeat(9)}…`);
});
