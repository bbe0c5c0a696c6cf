// The sanitizer against the classic XSS vectors (OWASP's filter-evasion cheat sheet, mutation XSS) and
// what it must keep: the allow-list's structure, absolute links with rel, lazy no-referrer images.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainText, safeUrl, sanitizeHtml } from './sanitize.ts';
import { unsafeParts } from './sanitize-check.ts';

const BASE = 'https://ribao.example/papers/story/abc.html';

/** Each vector with a piece of text that must survive (or '' when nothing need survive). */
const VECTORS: [string, string][] = [
  ['<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>kept', 'kept'],
  ['<script>alert(1)</script><p>kept</p>', '<p>kept</p>'],
  [`<IMG SRC="javascript:alert('XSS');">`, ''],
  [`<IMG SRC=JaVaScRiPt:alert('XSS')>`, ''],
  ['<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>', ''],
  ['<a onmouseover="alert(document.cookie)">xxs link</a>', 'xxs link'],
  ['<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>', ''],
  ['<IMG SRC=# onmouseover="alert(\'xxs\')">', ''],
  ['<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>', ''],
  ['<img src=x onerror=alert(1)>', ''],
  [
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;">dec</a>',
    'dec',
  ],
  [
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">long</a>',
    'long',
  ],
  ['<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61lert(1)">hex</a>', 'hex'],
  ['<a href="jav\tascript:alert(1)">tab</a>', 'tab'],
  ['<a href="jav&#x09;ascript:alert(1)">enc-tab</a>', 'enc-tab'],
  ['<a href="jav&#x0A;ascript:alert(1)">nl</a>', 'nl'],
  ['<a href="jav&#x0D;ascript:alert(1)">cr</a>', 'cr'],
  ['<a href=" &#14;  javascript:alert(1)">meta</a>', 'meta'],
  ['<a href="java&#0;script:alert(1)">nul</a>', 'nul'],
  ['<a href="javascript&colon;alert(1)">colon</a>', 'colon'],
  ['<a href="JAVASCRIPT:alert(1)">upper</a>', 'upper'],
  ['<a href="vbscript:msgbox(1)">vb</a>', 'vb'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>', 'data'],
  ['<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', ''],
  ['<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>', ''],
  ['<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>body', 'body'],
  ['<<SCRIPT>alert("XSS");//\\<</SCRIPT>', ''],
  ['<SCRIPT SRC=http://xss.rocks/xss.js?< B >', ''],
  ['<iframe src=http://xss.rocks/scriptlet.html <', ''],
  ['</TITLE><SCRIPT>alert("XSS");</SCRIPT>', ''],
  [`<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`, ''],
  [`<BODY BACKGROUND="javascript:alert('XSS')">`, ''],
  [`<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`, '<li>XSS'],
  [`<svg/onload=alert('XSS')>`, ''],
  ['<svg><script>alert(1)</script></svg>after', 'after'],
  [`<BR SIZE="&{alert('XSS')}">`, '<br />'],
  [`<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`, ''],
  [`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`, ''],
  [
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    '',
  ],
  [`<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`, ''],
  [`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`, ''],
  [
    `<TABLE BACKGROUND="javascript:alert('XSS')"><TR><TD BACKGROUND="javascript:alert(1)">c</TD></TR></TABLE>`,
    'c',
  ],
  [`<DIV STYLE="background-image: url(javascript:alert('XSS'))">div</DIV>`, 'div'],
  [`<DIV STYLE="width: expression(alert('XSS'));">expr</DIV>`, 'expr'],
  [`<BASE HREF="javascript:alert('XSS');//">`, ''],
  ['<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>', ''],
  [
    '<EMBED SRC="data:image/svg+xml;base64,PHN2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    '',
  ],
  [`<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert('XSS')"></B></I></XML>`, ''],
  ['<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>', 'go'],
  ['<details open ontoggle=alert(1)>d</details>', 'd'],
  ['<a href="//evil.example/x">proto-relative</a>', 'proto-relative'],
  ['<p style="color:red" class="x" id="y" onclick="alert(1)">attrs</p>', '<p>attrs</p>'],
  // Mutation XSS: markup whose meaning changes between a sanitizer's parser and the browser's.
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
  ['<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">', ''],
  ['<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>', ''],
  ['<math><mi><a href="javascript:alert(1)">m</a></mi></math>', ''],
  ['<textarea><img src=x onerror=alert(1)></textarea>', ''],
  ['<title><img src=x onerror=alert(1)></title>', ''],
  ['<xmp><img src=x onerror=alert(1)></xmp>', ''],
  ['<template><img src=x onerror=alert(1)></template>', ''],
  ['<!--><img src=x onerror=alert(1)>-->', ''],
  ['<![CDATA[><img src=x onerror=alert(1)>]]>', ''],
  ['<p title="&lt;img src=x onerror=alert(1)&gt;">t</p>', '<p>t</p>'],
];

for (const [vector, kept] of VECTORS) {
  test(`inert: ${vector.slice(0, 70)}`, () => {
    for (const options of [{}, { base: BASE }]) {
      const out = sanitizeHtml(vector, options);
      assert.deepEqual(unsafeParts(out), [], `${vector} → ${out}`);
      if (kept) assert.ok(out.includes(kept), `${vector} → ${out} lost "${kept}"`);
    }
  });
}

test('keeps the allow-list structure', () => {
  const html =
    '<h2>H</h2><p><em>e</em> <strong>s</strong> <code>c</code></p><pre><code>x &lt; y</code></pre>' +
    '<ul><li>u</li></ul><ol start="3"><li>o</li></ol><blockquote lang="en"><p>q</p></blockquote>' +
    '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><hr />';
  assert.equal(sanitizeHtml(html), html);
});

test('renames presentational spellings and drops comments', () => {
  assert.equal(
    sanitizeHtml('<h1>T</h1><!-- note --><b>b</b><i>i</i><del>d</del>'),
    '<h2>T</h2><strong>b</strong><em>i</em><s>d</s>',
  );
});

test('links: absolute http(s)/mailto only, with rel; relative ones need a base', () => {
  const link = (href: string, base?: string) =>
    sanitizeHtml(`<a href="${href}" rel="opener">x</a>`, { base });
  const rel = 'rel="noopener noreferrer nofollow"';
  assert.equal(link('https://example.com/a b'), `<a href="https://example.com/a%20b" ${rel}>x</a>`);
  assert.equal(link('mailto:ed@example.com'), `<a href="mailto:ed@example.com" ${rel}>x</a>`);
  assert.equal(link('../2026-11-22.html'), 'x');
  assert.equal(
    link('../2026-11-22.html', BASE),
    `<a href="https://ribao.example/papers/2026-11-22.html" ${rel}>x</a>`,
  );
  assert.equal(link('ftp://example.com/f'), 'x');
});

test('images: lazy, no referrer, http(s) only; an image without a usable source is removed', () => {
  assert.equal(
    sanitizeHtml(
      '<img src="https://e.com/i.png" alt="图" loading="eager" referrerpolicy="unsafe-url" onerror="x">',
    ),
    '<img src="https://e.com/i.png" alt="图" loading="lazy" referrerpolicy="no-referrer" />',
  );
  assert.equal(sanitizeHtml('<p><img src="fig.png">t</p>'), '<p>t</p>');
  assert.match(
    sanitizeHtml('<img src="fig.png">', { base: BASE }),
    /src="https:\/\/ribao.example\/papers\/story\/fig.png"/,
  );
});

test('control characters are removed; Chinese, emoji and entities survive as text', () => {
  assert.equal(sanitizeHtml('<p>中文\u0000\u0008 😀 &amp; &lt;b&gt;</p>'), '<p>中文 😀 &amp; &lt;b&gt;</p>');
});

test('a base that is not an absolute URL is refused by name', () => {
  assert.throws(
    () => sanitizeHtml('<p>x</p>', { base: 'papers/' }),
    /base "papers\/" is not an absolute URL/,
  );
});

test('safeUrl resolves and checks the scheme', () => {
  assert.equal(safeUrl(' https://example.com '), 'https://example.com/');
  assert.equal(safeUrl('javascript:alert(1)'), null);
  assert.equal(safeUrl('/x', ['http', 'https'], 'https://a.example/b/'), 'https://a.example/x');
  assert.equal(safeUrl('/x'), null);
  assert.equal(safeUrl(null), null);
  assert.equal(safeUrl('mailto:a@b.c'), null);
  assert.equal(safeUrl('mailto:a@b.c', ['mailto']), 'mailto:a@b.c');
});

test('plainText: one line per block, entities decoded, scripts gone', () => {
  assert.equal(
    plainText(
      '<p>a &amp; b</p><script>x()</script><p>c<br>d</p><ul><li>e</li></ul><table><tr><td>1</td><td>2</td></tr></table>&lt;i&gt;',
    ),
    'a & b\nc\nd\ne\n1 2\n<i>',
  );
});
