// Hostile pages: nothing that runs reaches the Markdown (scripts, styles, frames, javascript:/data:
// links, event handlers, raw tags), and pages built to exhaust the parser are refused quickly.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../errors.ts';
import { extract, MAX_HTML_CHARS, MAX_NESTING } from './extract.ts';

const URL_ = 'https://evil.example/post';
const hostile = readFileSync(new URL('./testdata/hostile.html', import.meta.url), 'utf8');

test('scripts, styles, iframes, objects and forms are gone from the Markdown and the text', () => {
  const { markdown, text } = extract(hostile, URL_);
  assert.match(markdown, /The article survives its page/);
  for (const out of [markdown, text]) {
    assert.doesNotMatch(out, /stealCookies|document\.cookie|color:\s*red|@import/);
    assert.doesNotMatch(out, /iframe|evil\.example\/frame|flash\.swf|Your password/);
  }
});

test('javascript:, vbscript: and data: links keep their text and lose their target', () => {
  const { markdown } = extract(hostile, URL_);
  assert.match(markdown, /a link that runs script/);
  assert.match(markdown, /a link hiding its scheme/);
  assert.match(markdown, /a data link/);
  assert.doesNotMatch(markdown, /javascript:|vbscript:|data:text|JaVaScRiPt/i);
  assert.match(markdown, /\[a normal link\]\(https:\/\/evil\.example\/fine\)/);
});

test('event handlers and escaped tags never reach the Markdown as HTML', () => {
  const { markdown } = extract(hostile, URL_);
  // Text that spells a tag stays text: `\<` is a literal `<` in CommonMark, never the start of HTML.
  const spelled = '\\<img src=x onerror=alert(1)\\>';
  assert.ok(markdown.includes(spelled), markdown);
  assert.doesNotMatch(markdown, /(^|[^\\])</, 'no unescaped < anywhere');
  assert.doesNotMatch(markdown.replace(spelled, ''), /onerror|onclick|onmouseover|onload|alert\(/i);
  assert.doesNotMatch(markdown, /data:image/);
});

test('a javascript: <base href> is ignored: relative links still resolve against the page', () => {
  const page = `<html><head><base href="javascript:alert(1)//"></head><body><article><p>${'Plain words, with commas, and clauses. '.repeat(8)}<a href="/next">next</a></p></article></body></html>`;
  assert.match(extract(page, URL_).markdown, /\[next\]\(https:\/\/evil\.example\/next\)/);
});

test('an HTML bomb (100 000 nested divs) is refused quickly with a clear error', () => {
  const bomb = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
  const started = performance.now();
  assert.throws(
    () => extract(bomb, URL_),
    (error) =>
      error instanceof InputError &&
      error.message ===
        `${URL_}: elements nest more than ${MAX_NESTING} deep; refusing what looks like an HTML bomb`,
  );
  // Not a timing assertion on the product: it shows the refusal happens before parsing (≈ ms, not seconds).
  assert.ok(performance.now() - started < 5000);
});

test('unclosed inline tags (a <b> bomb) and a <p>/<span> ladder are refused the same way', () => {
  assert.throws(() => extract(`<p>${'<b>x'.repeat(50_000)}`, URL_), /nest more than/);
  assert.throws(() => extract(`${'<p><span>'.repeat(20_000)}`, URL_), /nest more than/);
  assert.throws(() => extract(`<svg>${'<g>'.repeat(5_000)}</svg>`, URL_), /nest more than/);
});

test('deep but legal nesting just under the limit extracts without overflowing the stack', () => {
  const depth = MAX_NESTING - 10;
  const paragraph =
    '<p>Deeply nested words, still an article with commas, clauses, and sentences. </p>'.repeat(8);
  const html = `<html><body>${'<div>'.repeat(depth)}${paragraph}${'</div>'.repeat(depth)}</body></html>`;
  const result = extract(html, URL_);
  assert.match(result.markdown, /Deeply nested words/);
});

test('a page over the size cap is an InputError naming the URL', () => {
  const huge = `<html><body><p>${'x'.repeat(MAX_HTML_CHARS)}</p></body></html>`;
  assert.throws(
    () => extract(huge, URL_),
    (error) =>
      error instanceof InputError &&
      error.input === URL_ &&
      /over the 5000000-character limit/.test(error.message),
  );
  assert.throws(
    () => extract('<p>small</p>'.repeat(100), URL_, { maxChars: 500 }),
    /over the 500-character limit/,
  );
});

test('malformed input never throws: garbage, unclosed tags, binary, empty', () => {
  for (const html of [
    '',
    'plain words, no markup at all',
    '<<<>>><</>><!-- unterminated',
    '<html><head><title>t</title><body><p>unclosed <b>bold <i>italic <a href="x">link',
    '\u0000\u0001\uFFFD<\u0000p>\u0007',
    '<table><tr><td><table><tr><td>nested</table>',
    '<script>never closed',
    '<div title="unterminated attribute>text</div>',
  ]) {
    const result = extract(html, URL_);
    assert.equal(typeof result.markdown, 'string', JSON.stringify(html));
    assert.doesNotMatch(result.markdown, /never closed/);
  }
});
