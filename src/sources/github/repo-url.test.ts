// Tests of repository names and repoFromUrl: the URL forms papers and configs carry, and GitHub's own
// pages that are not repositories.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRepoName, repoFromUrl } from './repo-url.ts';

test('repoFromUrl finds owner/name in every form a GitHub link takes', () => {
  const cases: [string, string][] = [
    ['https://github.com/openai/whisper', 'openai/whisper'],
    ['http://github.com/openai/whisper', 'openai/whisper'],
    ['https://www.github.com/openai/whisper/', 'openai/whisper'],
    ['github.com/openai/whisper', 'openai/whisper'],
    ['www.github.com/openai/whisper', 'openai/whisper'],
    ['https://github.com/openai/whisper.git', 'openai/whisper'],
    ['git+https://github.com/openai/whisper.git', 'openai/whisper'],
    ['git://github.com/openai/whisper.git', 'openai/whisper'],
    ['ssh://git@github.com/openai/whisper.git', 'openai/whisper'],
    ['git@github.com:openai/whisper.git', 'openai/whisper'],
    ['https://github.com/openai/whisper/tree/main/whisper/normalizers', 'openai/whisper'],
    ['https://github.com/openai/whisper/blob/main/README.md#setup', 'openai/whisper'],
    ['https://github.com/vllm-project/vllm/issues/18765?page=2', 'vllm-project/vllm'],
    ['HTTPS://GitHub.com/Dao-AILab/flash-attention', 'Dao-AILab/flash-attention'],
    ['  https://github.com/socketio/socket.io  ', 'socketio/socket.io'],
    // The end of a sentence in a paper: "Code is at https://github.com/a/b."
    ['https://github.com/hkust-nlp/simpleRL-reason.', 'hkust-nlp/simpleRL-reason'],
    ['https://github.com/openai/whisper.git.', 'openai/whisper'],
  ];
  for (const [url, expected] of cases) assert.equal(repoFromUrl(url), expected, url);
});

test('repoFromUrl rejects GitHub pages, other hosts and non-repository paths', () => {
  for (const url of [
    'https://github.com/features/copilot',
    'https://github.com/orgs/huggingface/repositories',
    'https://github.com/topics/llm',
    'https://github.com/sponsors/karpathy',
    'https://github.com/marketplace/actions/checkout',
    'https://github.com/settings/tokens',
    'https://github.com/users/octocat/projects/1',
    'https://github.com/trending/python',
    'https://github.com/openai',
    'https://github.com/',
    'https://gist.github.com/karpathy/8627fe009c40f57531cb18360106ce95',
    'https://openai.github.io/whisper',
    'https://github.com.evil.example/openai/whisper',
    'https://github.com:8443/openai/whisper',
    'javascript://github.com/openai/whisper',
    'ftp://github.com/openai/whisper',
    'https://github.com/-bad-/repo',
    'https://github.com/owner/..',
    'https://github.com/owner/name%20with%20space',
    'not a url',
    '',
  ]) {
    assert.equal(repoFromUrl(url), null, url);
  }
});

test('isRepoName follows GitHub naming rules', () => {
  for (const good of [
    'openai/whisper',
    'a/b',
    'Dao-AILab/flash-attention',
    'socketio/socket.io',
    'x/_y-z.1',
  ]) {
    assert.equal(isRepoName(good), true, good);
  }
  for (const bad of [
    'openai',
    'openai/whisper/extra',
    '/whisper',
    'openai/',
    'a--b/c',
    '-a/b',
    'a-/b',
    `${'a'.repeat(40)}/b`,
    `a/${'b'.repeat(101)}`,
    'a/.',
    'a/..',
    'features/copilot',
    'topics/llm',
    'a/b c',
    'https://github.com/a/b',
  ]) {
    assert.equal(isRepoName(bad), false, bad);
  }
});
