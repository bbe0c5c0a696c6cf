// Tests of the Python-literal reader: what repr() writes, and clear errors with positions for the rest.
// Touches no files and no HF shapes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PythonReprError, parsePythonLiteral } from './python-repr.ts';

test('reads dicts, lists, tuples, numbers and the three names', () => {
  assert.deepEqual(
    parsePythonLiteral("{'a': 1, 'b': [True, False, None], 'c': (1, 2.5), 'd': -3e2, 'e': {}}"),
    {
      a: 1,
      b: [true, false, null],
      c: [1, 2.5],
      d: -300,
      e: {},
    },
  );
  assert.deepEqual(parsePythonLiteral('[ ]'), []);
  assert.deepEqual(parsePythonLiteral('()'), []);
  assert.deepEqual(parsePythonLiteral('(1,)'), [1]);
  assert.equal(parsePythonLiteral('(7)'), 7);
  assert.deepEqual(parsePythonLiteral('[1, 2,]'), [1, 2]);
  assert.deepEqual(parsePythonLiteral('{1: "one"}'), { 1: 'one' });
});

test('reads both quote styles, escapes and adjacent-string concatenation', () => {
  assert.equal(parsePythonLiteral(`"Don't"`), "Don't");
  assert.equal(parsePythonLiteral(String.raw`'Don\'t \\ stop\nnow'`), "Don't \\ stop\nnow");
  assert.equal(parsePythonLiteral(String.raw`'caf\xe9 \u4e2d \U0001F600 \t\r\0'`), 'café 中 😀 \t\r\0');
  assert.equal(parsePythonLiteral(String.raw`'\ud83d\ude00'`), '😀');
  assert.equal(parsePythonLiteral(`'ab' "cd"\n  'ef'`), 'abcdef');
  assert.equal(parsePythonLiteral(`'''it's "triple"'''`), `it's "triple"`);
  assert.equal(parsePythonLiteral(String.raw`'\d stays'`), '\\d stays');
});

test('a __proto__ key stays plain data', () => {
  const value = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('anything else is a PythonReprError with the position', () => {
  const cases: [string, RegExp, number][] = [
    ["{'at': datetime.datetime(2024, 1, 1)}", /'datetime\.datetime' is not a literal/, 7],
    ["{'a': 1", /ends before '}'/, 7],
    ["{'a' 1}", /expected ':'/, 5],
    ["{'a': 'open", /unterminated string/, 6],
    ["{'a': inf}", /'inf' is not a literal/, 6],
    ['0x1F', /unsupported number syntax/, 1],
    ["{'a': 1} trailing", /unexpected text after the value/, 9],
    ["{['list']: 1}", /dict key must be a string or a number/, 1],
    ["'a\nb'", /line break inside/, 2],
    [String.raw`'\x4'`, /malformed \\x escape/, 1],
    [String.raw`'\N{BULLET}'`, /\\N\{…\} escapes/, 1],
    ['', /ends where a value was expected/, 0],
    ['{1, 2}', /expected ':'/, 2],
  ];
  for (const [text, message, position] of cases) {
    assert.throws(
      () => parsePythonLiteral(text),
      (error: unknown) =>
        error instanceof PythonReprError && message.test(error.message) && error.position === position,
      `${JSON.stringify(text)} should fail with ${message} at ${position}`,
    );
  }
});

test('deep nesting is refused, not a stack overflow', () => {
  assert.throws(
    () => parsePythonLiteral(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    /nesting deeper than 200/,
  );
});
