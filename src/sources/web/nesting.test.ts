// The pre-parse nesting count: it follows the parser's rules (void elements, implied closes, raw text,
// quoted `>`, self-closing only in SVG/MathML), so it is never lower than what linkedom will build.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomElement } from './dom.ts';
import { nestingDepth } from './nesting.ts';

const PAGES = new URL('../../../../shared/data/readability-test-pages/', import.meta.url);

test('counts open elements, closes them by name, ignores void elements and stray end tags', () => {
  assert.equal(nestingDepth('<div><p>a</p><p>b</p></div>', 100), 2);
  assert.equal(
    nestingDepth('<div><img><br><hr><input></div>', 100),
    2,
    'void elements are leaves, not parents',
  );
  assert.equal(nestingDepth('<div><br><br><br><br><br><br></div>', 3), 2);
  assert.equal(nestingDepth('</div></div><div><span>x</span></div>', 100), 2);
  assert.equal(
    nestingDepth('<section><div><b>unclosed</section><div>', 100),
    3,
    'an end tag closes what it skips',
  );
  assert.equal(nestingDepth('', 100), 0);
});

test('implied closes: <p>, <li>, <td>, <option> do not pile up', () => {
  assert.equal(nestingDepth(`<div>${'<p>para'.repeat(5000)}</div>`, 100), 2);
  assert.equal(nestingDepth(`<ul>${'<li>item'.repeat(5000)}</ul>`, 100), 2);
  assert.equal(nestingDepth(`<table>${'<tr><td>a<td>b'.repeat(2000)}</table>`, 100), 3);
  assert.equal(nestingDepth(`<dl>${'<dt>t<dd>d'.repeat(2000)}</dl>`, 100), 2);
  assert.equal(nestingDepth(`<select>${'<option>o'.repeat(2000)}</select>`, 100), 2);
});

test('comments, raw text and quoted attributes hide nothing and invent nothing', () => {
  assert.equal(nestingDepth(`<!-- ${'<div>'.repeat(500)} --><p>x</p>`, 100), 1);
  assert.equal(nestingDepth(`<script>var s = "${'<div>'.repeat(500)}";</script><p>x</p>`, 100), 1);
  assert.equal(nestingDepth(`<textarea>${'<b>'.repeat(500)}</textarea>`, 100), 1);
  assert.equal(
    nestingDepth(`${'<div title="a>b">'.repeat(150)}`, 100),
    101,
    'a quoted > does not end the tag',
  );
  assert.equal(nestingDepth(`${'<div/>'.repeat(150)}`, 100), 101, 'in HTML <div/> stays open');
  assert.equal(
    nestingDepth(`<svg>${'<path d="M0"/>'.repeat(5000)}</svg>`, 100),
    2,
    'in SVG it closes itself',
  );
  assert.equal(
    nestingDepth(`<svg><foreignObject>${'<div/>'.repeat(150)}`, 100),
    101,
    'back in HTML inside foreignObject',
  );
});

test('stops counting past the limit', () => {
  assert.equal(nestingDepth('<div>'.repeat(1_000_000), 1000), 1001);
});

test('never lower than the depth linkedom builds, on every page of the Readability corpus', {
  skip: !existsSync(PAGES) && 'needs ../shared/data/readability-test-pages',
}, () => {
  for (const name of readdirSync(PAGES).filter((entry) => !entry.includes('.'))) {
    const html = readFileSync(new URL(`${name}/source.html`, PAGES), 'utf8');
    const { document } = parseHTML(html) as unknown as { document: { documentElement: DomElement } };
    let built = 0;
    const stack: [DomElement, number][] = [[document.documentElement, 1]];
    while (stack.length > 0) {
      const [element, depth] = stack.pop() as [DomElement, number];
      built = Math.max(built, depth);
      for (const child of element.children) stack.push([child, depth + 1]);
    }
    assert.ok(
      nestingDepth(html, 10_000) >= built,
      `${name}: counted ${nestingDepth(html, 10_000)}, built ${built}`,
    );
  }
});
