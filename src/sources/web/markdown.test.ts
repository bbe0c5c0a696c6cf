// Article HTML → Markdown: code fences with their language, GFM tables (header, colspan, pipes, layout
// tables left alone), absolute links and images, math, and nothing that could become raw HTML.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DomElement, parseDocument } from './dom.ts';
import { codeLanguage, markCodeLanguages, safeUrl, toMarkdown } from './markdown.ts';

const BASE = 'https://site.example/blog/post.html';

function md(html: string, base = BASE): string {
  const body = parseDocument(`<html><body>${html}</body></html>`).body as DomElement;
  markCodeLanguages(body);
  return toMarkdown(body, base);
}

test('code blocks: fenced, language from class, data-lang, brush or a wrapper; the fence outgrows backticks', () => {
  assert.equal(
    md('<pre><code class="hljs language-TypeScript">let x = 1;</code></pre>'),
    '```typescript\nlet x = 1;\n```',
  );
  assert.equal(md('<pre class="lang-go">go run .</pre>'), '```go\ngo run .\n```');
  assert.equal(md('<pre class="brush: php; gutter: false">echo 1;</pre>'), '```php\necho 1;\n```');
  assert.equal(md('<pre data-lang="shell">ls</pre>'), '```shell\nls\n```');
  assert.equal(md('<div class="highlight-source-c++"><pre>int x;</pre></div>'), '```c++\nint x;\n```');
  assert.equal(md('<pre>a ``` b</pre>'), '````\na ``` b\n````');
  assert.equal(
    md('<pre><code class="language-x&quot;onload=1">y</code></pre>'),
    '```x\ny\n```',
    'only the name part',
  );
  assert.equal(md('<pre data-lang="two words">y</pre>'), '```\ny\n```', 'a name that is no name is dropped');
  assert.equal(
    md(
      '<pre><code class="language-python"><span class="k">def</span> f():\n    <span>return</span> 1\n</code></pre>',
    ),
    '```python\ndef f():\n    return 1\n```',
    'highlighter spans flattened, indentation kept',
  );
});

test('codeLanguage reads the usual spellings and refuses the rest', () => {
  const element = (attributes: string) =>
    parseDocument(`<pre ${attributes}>x</pre>`).querySelector('pre') as DomElement;
  assert.equal(codeLanguage(element('class="language-rust"')), 'rust');
  assert.equal(codeLanguage(element('data-language="SQL"')), 'sql');
  assert.equal(codeLanguage(element('class="highlight"')), null);
  assert.equal(codeLanguage(element('data-lang="a b"')), null);
});

test('tables: the first row is the header, colspan pads, pipes are escaped, short rows are filled', () => {
  const table = `<table><thead><tr><th>Model</th><th colspan="2">Score | 95% CI</th></tr></thead>
    <tbody><tr><td>A</td><td>0.91</td><td>±0.01</td></tr><tr><td>B <br> (new)</td><td>0.88</td></tr></tbody></table>`;
  assert.equal(
    md(table),
    [
      '| Model | Score \\| 95% CI | |',
      '| --- | --- | --- |',
      '| A | 0.91 | ±0.01 |',
      '| B (new) | 0.88 | |',
    ].join('\n'),
  );
  const headless = '<table><tr><td>x</td><td>1</td></tr><tr><td>y</td><td>2</td></tr></table>';
  assert.equal(md(headless), '| x | 1 |\n| --- | --- |\n| y | 2 |');
});

test('tables: a caption goes above; layout tables (one cell, or a table inside) become paragraphs', () => {
  assert.equal(
    md('<table><caption>Results</caption><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>'),
    'Results\n\n| a | b |\n| --- | --- |\n| 1 | 2 |',
  );
  assert.equal(
    md('<table><tr><td><p>Just a paragraph laid out in a table.</p></td></tr></table>'),
    'Just a paragraph laid out in a table.',
  );
  const nested =
    '<table><tr><td>outer</td><td><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>';
  assert.equal(md(nested), 'outer\n\n| k | v |\n| --- | --- |\n| 1 | 2 |');
});

test('links and images resolve against the base; unsafe schemes keep only their text', () => {
  assert.equal(
    md('<p><a href="../about?x=(1)">About</a></p>'),
    '[About](https://site.example/about?x=%281%29)',
  );
  assert.equal(
    md('<p><a href="#top" title="Say &quot;hi&quot;">Top</a></p>'),
    '[Top](https://site.example/blog/post.html#top "Say \\"hi\\"")',
  );
  assert.equal(md('<p><a href="mailto:a@b.example">mail</a></p>'), '[mail](mailto:a@b.example)');
  assert.equal(
    md('<p><a href="java&#x09;script:alert(1)">x</a> <a href="data:text/html,hi">y</a></p>'),
    'x y',
  );
  assert.equal(md('<p><a href="ftp://files.example/a">ftp</a> <a>bare</a></p>'), 'ftp bare');
  assert.equal(
    md('<p><img src="/img/a.png" alt="A [b] <c>"></p>'),
    '![A \\[b\\] \\<c>](https://site.example/img/a.png)',
  );
  assert.equal(md('<p><img src="data:image/png;base64,AAAA"> <img src="javascript:x"></p>'), '');
  assert.equal(md('<p><img srcset="/s.png 1x, /l.png 2x"></p>'), '![](https://site.example/s.png)');
  assert.equal(
    md('<p><a href="/x"><img src="/i.png" alt="i"></a></p>'),
    '[![i](https://site.example/i.png)](https://site.example/x)',
  );
});

test('file: links survive only when the page itself is a local file', () => {
  assert.equal(
    md('<p><a href="other.html">o</a></p>', 'file:///home/me/saved/page.html'),
    '[o](file:///home/me/saved/other.html)',
  );
  assert.equal(md('<p><a href="file:///etc/passwd">p</a></p>'), 'p');
  assert.equal(safeUrl('file:///etc/passwd', BASE, false), null);
  assert.equal(safeUrl(' https://x.example/a b ', BASE), 'https://x.example/a%20b');
});

test('text that spells HTML is escaped, and dropped elements leave nothing', () => {
  // Every `<` is escaped (`\<` is a literal `<` in CommonMark); a `>` may be escaped too, harmlessly.
  assert.match(
    md('<p>1 &lt; 2 and &lt;b&gt;not bold&lt;/b&gt;</p>'),
    /^1 \\< 2 and \\<b\\?>not bold\\<\/b\\?>$/,
  );
  assert.equal(
    md(
      '<p>kept</p><script>x()</script><style>p{}</style><iframe src="https://e.example"></iframe><form><input value="v"><button>b</button></form>',
    ),
    'kept',
  );
});

test('MathML becomes TeX from its annotation (with < spelled \\lt), else its text', () => {
  const inline =
    '<p>Area <math><semantics><mi>x</mi><annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math> end</p>';
  assert.equal(md(inline), 'Area $a\\lt b$ end');
  assert.equal(md('<p><math display="block"><mi>x</mi><mo>=</mo><mn>1</mn></math></p>'), 'x=1');
});
