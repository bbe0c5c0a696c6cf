import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorPage, html, layout } from './layout.ts';

test('layout: html escapes every value unless it is already Html', () => {
  const name = '"><img src=x onerror=alert(1)>';
  const out = html`<p title="${name}">${name}${html`<b>${'&'}</b>`}${[1, '<i>']}${null}${false}</p>`.text;
  assert.equal(
    out,
    '<p title="&#34;&#62;&#60;img src=x onerror=alert(1)&#62;">&#34;&#62;&#60;img src=x onerror=alert(1)&#62;<b>&#38;</b>1&#60;i&#62;</p>',
  );
});

test('layout: the frame links a stylesheet and holds no script or inline style', () => {
  const page = layout({ title: '<script>t</script>' }, html`<p>hi</p>`);
  assert.match(page, /<link rel="stylesheet" href="\/_ribao\/style.css">/);
  assert.doesNotMatch(page, /<script|style=|<style/);
  assert.match(errorPage(403, 'no <b>'), /no &#60;b&#62;/);
});
