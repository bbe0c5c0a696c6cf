import assert from 'node:assert/strict';
import { test } from 'node:test';
import { json, matchRoute, type Route, route, safePath } from './router.ts';

const handle = async () => json(200, {});
const routes: Route[] = [
  route({ method: 'GET', path: '/api/users', kind: 'api', role: 'admin', summary: '', handle }),
  route({ method: 'POST', path: '/api/stories/:id/drop', kind: 'api', role: 'editor', summary: '', handle }),
  route({ method: 'DELETE', path: '/api/tokens/:id', kind: 'api', role: 'contributor', summary: '', handle }),
];

test('router: paths match segment by segment, parameters decoded', () => {
  const m = matchRoute(routes, 'POST', '/api/stories/s%2Fone/drop');
  assert.ok(m && 'route' in m);
  assert.deepEqual(m.params, { id: 's/one' });
  assert.equal(matchRoute(routes, 'POST', '/api/stories//drop'), null, 'an empty parameter is no match');
  assert.equal(matchRoute(routes, 'GET', '/api/users/'), null);
  assert.equal(matchRoute(routes, 'GET', '/api/stories/%E0%A4%A/drop'), null, 'bad escapes do not throw');
  const head = matchRoute(routes, 'HEAD', '/api/users');
  assert.ok(head && 'route' in head, 'HEAD answers like GET');
});

test('router: a known path with another method says which methods it allows', () => {
  assert.deepEqual(matchRoute(routes, 'GET', '/api/tokens/3'), { allow: ['DELETE'] });
});

test('router: redirects stay on this site', () => {
  assert.equal(safePath('/account?tab=tokens'), '/account?tab=tokens');
  for (const bad of [
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '',
    null,
    '/a b',
  ])
    assert.equal(safePath(bad), '/', String(bad));
});

test('router: JSON answers never carry raw markup characters', () => {
  const reply = json(200, { name: '<script>&</script>' });
  assert.equal(reply.body.includes('<'), false);
  assert.deepEqual(JSON.parse(reply.body), { name: '<script>&</script>' });
});
