// RFC 9309 matching: the RFC's own examples (§2.2.1, §2.2.2, §2.2.3, §5.1, §5.2) and the edge cases
// that trip parsers (merged groups, ties, `$`, percent-encoding, comments, rules before any group).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePath, parseRobots, patternMatches, robotsVerdict } from './robots.ts';

function check(
  robotsTxt: string,
  cases: ReadonlyArray<readonly [agent: string, path: string, allowed: boolean]>,
) {
  const robots = parseRobots(robotsTxt);
  for (const [agent, path, allowed] of cases) {
    assert.equal(robotsVerdict(robots, agent, path).allowed, allowed, `${agent} ${path}`);
  }
}

test('RFC 9309 §5.1 simple example', () => {
  check(
    `User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot

EOF`,
    [
      ['foobot', '/example/page.html', true],
      ['foobot', '/example/allowed.gif', true],
      ['foobot', '/other/page.html', false],
      ['foobot', '/', false],
      ['barbot', '/example/page.html', false],
      ['bazbot', '/example/page.html', false],
      ['barbot', '/example/other.html', true],
      ['quxbot', '/example/page.html', true],
      ['quxbot', '/a.gif', true],
      ['otherbot', '/a.gif', false],
      ['otherbot', '/a.gif?x', true],
      ['otherbot', '/example/', false],
      ['otherbot', '/example/x.html', false],
      ['otherbot', '/publications/x', true],
      ['otherbot', '/index.html', true],
    ],
  );
});

test('RFC 9309 §5.2 longest match', () => {
  check('User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n', [
    ['foobot', '/example/page/', true],
    ['foobot', '/example/page/index.html', true],
    ['foobot', '/example/page/disallowed.gif', false],
  ]);
});

test('RFC 9309 §2.2.1 groups for the same product token are merged; case-insensitive', () => {
  const text = `user-agent: ExampleBot
disallow: /foo
disallow: /bar

user-agent: ExampleBot
disallow: /baz

user-agent: *
disallow: /foo
disallow: /bar

user-agent: BazBot
disallow: /baz
`;
  check(text, [
    ['ExampleBot', '/foo', false],
    ['examplebot', '/bar', false],
    ['EXAMPLEBOT', '/baz', false],
    ['ExampleBot', '/qux', true],
    ['ribao', '/foo', false],
    ['ribao', '/baz', true],
    ['BazBot', '/foo', true],
    ['BazBot', '/baz', false],
  ]);
  check('User-agent: ExampleBot/1.1 (+http://bot.example)\nDisallow: /x\n', [['examplebot', '/x', false]]);
});

test('RFC 9309 §2.2.2 /robots.txt is always allowed; empty disallow allows; ties go to allow', () => {
  check('User-agent: *\nDisallow: /\n', [
    ['ribao', '/robots.txt', true],
    ['ribao', '/', false],
  ]);
  check('User-agent: *\nDisallow:\n', [['ribao', '/anything', true]]);
  check('User-agent: *\nDisallow: /page\nAllow: /page\n', [['ribao', '/page', true]]);
  // `$` counts towards the length, as in Google's reference parser: the anchored rule is more specific.
  check('User-agent: *\nAllow: /folder\nDisallow: /folder$\n', [
    ['ribao', '/folder', false],
    ['ribao', '/folder/x', true],
  ]);
});

test('RFC 9309 §2.2.2 percent-encoding: UTF-8, case of escapes, unreserved characters', () => {
  assert.equal(normalizePath('/foo/bar?baz=quz'), '/foo/bar?baz=quz');
  assert.equal(normalizePath('/foo/bar/ツ'), '/foo/bar/%E3%83%84');
  assert.equal(normalizePath('/foo/bar/%e3%83%84'), '/foo/bar/%E3%83%84');
  assert.equal(normalizePath('/foo/bar/%62%61%7A'), '/foo/bar/baz');
  assert.equal(normalizePath('/a%2Fb'), '/a%2Fb', 'a reserved character stays encoded');
  check('User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /baz%2f\n', [
    ['ribao', '/foo/bar/%E3%83%84', false],
    ['ribao', '/foo/bar/%e3%83%84/x', false],
    ['ribao', '/baz%2Fq', false],
    ['ribao', '/baz/q', true],
  ]);
  check('User-agent: *\nDisallow: /foo/bar/%62%61%7A\n', [['ribao', '/foo/bar/baz', false]]);
});

test('RFC 9309 §2.2.3 special characters: #, $, *', () => {
  check(
    `User-agent: * # comment in line
# comment on its own line
Allow: /this/path/exactly$
Allow: /this/*/exactly
Disallow: /this/
Disallow: /*.php$
Disallow: /tmp*/cache
`,
    [
      ['ribao', '/this/path/exactly', true],
      ['ribao', '/this/path/exactly/more', true], // `/this/*/exactly` matches a prefix
      ['ribao', '/this/path/other', false],
      ['ribao', '/this/any/thing/exactly', true],
      ['ribao', '/this/other', false],
      ['ribao', '/index.php', false],
      ['ribao', '/index.php?x=1', true],
      ['ribao', '/tmp-1/cache/x', false],
      ['ribao', '/tmp/x', true],
    ],
  );
});

test('rules before any user-agent line belong to no group; unknown lines do not end a group', () => {
  check('Disallow: /\nUser-agent: ribao\nSitemap: https://x.example/s.xml\nDisallow: /private\n', [
    ['ribao', '/', true],
    ['ribao', '/private/a', false],
  ]);
  check('', [['ribao', '/', true]]);
  check('\ufeffUser-agent: *\r\nDisallow: /crlf\r\n', [['ribao', '/crlf', false]]);
  check('User-agent: other\nDisallow: /\n', [['ribao', '/', true]]);
});

test('the pattern matcher is linear, not backtracking', () => {
  const path = `/${'a'.repeat(5000)}`;
  assert.equal(patternMatches(`/${'*a'.repeat(40)}b`, path), false);
  assert.equal(patternMatches(`/${'*a'.repeat(40)}$`, path), true);
});

test('the verdict names the rule that decided', () => {
  const robots = parseRobots('User-agent: ribao\nDisallow: /private/\nAllow: /private/ok\n');
  assert.deepEqual(robotsVerdict(robots, 'ribao', '/private/x'), {
    allowed: false,
    rule: { allow: false, pattern: '/private/' },
  });
  assert.deepEqual(robotsVerdict(robots, 'ribao', '/public'), { allowed: true, rule: null });
});
