// Tests of the HTML → plain text reduction and the first-image pick on feed-sized fragments.
// No fixtures: each case is the smallest fragment that shows one rule.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, firstImage, htmlToText } from './html-text.ts';

test('tags go, block elements keep words apart, entities are decoded', () => {
  assert.equal(htmlToText('<p>One&nbsp;<b>two</b></p><p>three&amp;four</p>'), 'One two three&four');
  assert.equal(htmlToText('line<br/>break<li>item</li>'), 'line break item');
  assert.equal(htmlToText('caf&eacute; &#20013;&#x6587; &ldquo;q&rdquo; &hellip;'), 'café 中文 “q” …');
});

test('scripts, styles and comments disappear with their content', () => {
  const html = '<style>p{color:red}</style><p>kept</p><script>alert("<b>x</b>")</script><!-- <p>gone</p> -->';
  assert.equal(htmlToText(html), 'kept');
});

test('markup never survives: quoted >, escaped twice, cut-off tags', () => {
  assert.equal(htmlToText('<a title="a>b" href="/x">link</a> text'), 'link text');
  assert.equal(htmlToText('&lt;p&gt;escaped &lt;em&gt;twice&lt;/em&gt;&lt;/p&gt;'), 'escaped twice');
  assert.equal(htmlToText('A description cut off <a href="https://exa'), 'A description cut off');
  assert.equal(htmlToText('ends in a bare tag <img'), 'ends in a bare tag');
  for (const sample of ['<p>a</p>', '<div><span>b</span></div>', '&lt;script&gt;x&lt;/script&gt;']) {
    assert.doesNotMatch(htmlToText(sample), /<\/?[a-z]/i);
  }
});

test('text that only looks like markup is left alone', () => {
  assert.equal(htmlToText('3 < 4 and 5 > 2'), '3 < 4 and 5 > 2');
  assert.equal(htmlToText('if x<y then z'), 'if x<y then z');
  assert.equal(htmlToText('AT&T &unknown; stays'), 'AT&T &unknown; stays');
});

test('numeric references outside Unicode become U+FFFD instead of throwing', () => {
  assert.equal(decodeEntities('&#0;&#xD800;&#1114112;'), '\ufffd\ufffd\ufffd');
});

test('first image: skips data: URIs and 1×1 pixels, decodes &amp;', () => {
  const html =
    '<img src="data:image/gif;base64,R0lGOD"><img width="1" height="1" src="https://t.example/p.gif">' +
    "<img alt='x' src='https://cdn.example/a.png?w=1&amp;h=2'><img src=\"https://cdn.example/b.png\">";
  assert.equal(firstImage(html), 'https://cdn.example/a.png?w=1&h=2');
  assert.equal(firstImage('<p>no pictures</p>'), undefined);
});
