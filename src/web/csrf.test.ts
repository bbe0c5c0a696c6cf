import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { crossSiteProblem, csrfToken, csrfTokenValid } from './csrf.ts';
import { newSecret } from './secrets.ts';

const request = (headers: Record<string, string>) =>
  ({ headers: { host: 'news.example.com', ...headers } }) as unknown as IncomingMessage;

test('csrf: the token belongs to one session and cannot be made without its secret', () => {
  const a = newSecret();
  const b = newSecret();
  assert.equal(csrfTokenValid(a, csrfToken(a)), true);
  assert.equal(csrfTokenValid(b, csrfToken(a)), false);
  assert.equal(csrfTokenValid(a, ''), false);
  assert.equal(csrfTokenValid(a, null), false);
  assert.notEqual(csrfToken(a), a, 'the token does not reveal the session id');
});

test('csrf: Sec-Fetch-Site and Origin must say this site', () => {
  assert.equal(crossSiteProblem(request({})), null, 'no browser headers: left to the token');
  assert.equal(
    crossSiteProblem(request({ 'sec-fetch-site': 'same-origin', origin: 'https://news.example.com' })),
    null,
  );
  assert.equal(crossSiteProblem(request({ 'sec-fetch-site': 'none' })), null);
  const proxied = request({ host: '127.0.0.1:8080', origin: 'https://news.example.com' });
  assert.equal(
    crossSiteProblem(proxied, 'https://news.example.com'),
    null,
    'the public origin, behind a proxy',
  );
  assert.match(crossSiteProblem(proxied) ?? '', /refused/);
  for (const headers of [
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example' },
    { origin: 'https://news.example.com.evil.example' },
    { origin: 'null' },
    { origin: 'not a url' },
  ] as Record<string, string>[])
    assert.match(
      crossSiteProblem(request(headers)) ?? '',
      /cross-site request refused/,
      JSON.stringify(headers),
    );
});
