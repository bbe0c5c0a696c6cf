import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, trusted } from './html.ts';

test('interpolated text is escaped; Html, lists and nothing are kept as they are', () => {
  const title = '<img src=x onerror=alert(1)> & "quoted" \'single\'';
  const page = html`<h1 title="${title}">${title}</h1>${[html`<b>${'<i>'}</b>`, 'a<b']}${null}${undefined}${false}${0}`;
  assert.equal(
    page.text,
    '<h1 title="&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quoted&#34; &#39;single&#39;">&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quoted&#34; &#39;single&#39;</h1><b>&#60;i&#62;</b>a&#60;b0',
  );
  assert.equal(html`${trusted('<p>ok</p>')}`.text, '<p>ok</p>');
  assert.equal(String(html`x`), 'x');
});
