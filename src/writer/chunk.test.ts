import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type ChunkPlan, checkChunk, planChunks, stitch } from './chunk.ts';

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const article = fixture('chunk-article.md');
const chinese = fixture('chunk-chinese.md');
const edge = fixture('chunk-edge.md');
const identity = (plan: ChunkPlan) =>
  stitch(
    plan,
    plan.chunks.map((c) => c.text),
  );
const textOf = (plan: ChunkPlan) => plan.chunks.map((c) => c.text).join('\n\n');
const URLS = /(?:https?:\/\/|www\.)[^\s<>)"'\]，。）]+/g;

describe('round trip', () => {
  const variants: [string, string][] = [
    ['article', article],
    ['chinese', chinese],
    ['edge cases (no final newline)', edge],
    ['article with CRLF', article.replace(/\n/g, '\r\n')],
    ['chinese with CRLF and a BOM', `\uFEFF${chinese.replace(/\n/g, '\r\n')}`],
    ['article without its final newline', article.trimEnd()],
    ['empty input', ''],
  ];
  for (const [name, markdown] of variants) {
    test(`identity translation reproduces ${name} byte for byte`, () => {
      for (const maxChars of [80, 500, 3000]) {
        const plan = planChunks(markdown, maxChars);
        assert.equal(plan.segments.map((s) => s.markdown).join(''), markdown, 'segments cover the input');
        assert.equal(identity(plan), markdown, `maxChars ${maxChars}`);
      }
    });
  }
});

test('identity holds for generated Markdown-like noise (seeded, 3000 documents)', () => {
  const pieces = [
    '# ',
    '- ',
    '1. ',
    '> ',
    '    ',
    '\t',
    '```',
    '~~~',
    '`',
    '[',
    ']',
    '(',
    ')',
    '![',
    '<div>',
    '<',
    '>',
  ]
    .concat([
      '<!--',
      '-->',
      'https://x.y/(z)',
      'word',
      '中文',
      '。',
      '|',
      '---',
      '===',
      '\n',
      '\n',
      '\r\n',
      ' ',
      '⟦1⟧',
    ])
    .concat(['\\', '[^1]: ', '[a]: http://d.e', '"', '\u3000', '\r', '#']);
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    const markdown = Array.from({ length: 1 + next(50) }, () => pieces[next(pieces.length)]).join('');
    const plan = planChunks(markdown, 1 + next(200));
    assert.equal(identity(plan), markdown, JSON.stringify(markdown));
    stitch(
      plan,
      plan.chunks.map((c) => c.text.toUpperCase()),
    ); // placeholders survive, so it must not throw
  }
});

describe('what the LLM sees', () => {
  const plan = planChunks(article);
  const seen = textOf(plan);

  test('no URL, code span, HTML tag or image reaches a chunk', () => {
    assert.doesNotMatch(seen, /https?:|www\.|:\/\/|@example|<|>|!\[|\]\(/);
    assert.doesNotMatch(seen, /(?<!\\)`/, 'only escaped backticks remain');
    assert.doesNotMatch(textOf(planChunks(chinese)), /https?:/);
  });

  test('code fences, HTML blocks, tables, rules, front matter and definitions stay verbatim', () => {
    const verbatim = plan.segments.filter((s) => s.kind === 'verbatim').map((s) => s.markdown);
    for (const kept of [
      'title: "Scaling Laws',
      '![Figure 1: loss curves](https://example.org/img/fig1.png "Loss curves")',
      'router_logits = x @ W_r',
      '# a heading inside the fence',
      'print("tilde fences too")',
      'indented code inside a list item',
      '| Dense     | 1.3B',
      '<p>Raw HTML block:',
      '* * *',
      '[![Open in Colab]',
      '[kaplan]: <https://arxiv.org/abs/2001.08361>',
      "  'Appendix title'",
    ]) {
      assert.ok(
        verbatim.some((m) => m.includes(kept)),
        `verbatim: ${kept}`,
      );
      assert.ok(!seen.includes(kept.trim()), `not sent: ${kept}`);
    }
  });

  test('headings, list items and quotes send their words and keep their markers as prefixes', () => {
    const prefixes = new Map(
      plan.segments.flatMap((s) =>
        s.kind === 'text' ? [[s.markdown.split(/\r?\n/)[0], s.prefix] as const] : [],
      ),
    );
    assert.equal(prefixes.get('# Scaling Laws for Sparse Mixture-of-Experts #'), '# ');
    assert.equal(prefixes.get('Setup'), '');
    assert.equal(prefixes.get('   - experts are feed-forward blocks;'), '   - ');
    assert.equal(prefixes.get('> > Nested quote: "sparsity is not free" — a reviewer'), '> > ');
    assert.equal(prefixes.get('> - quoted list item with `code`'), '> - ');
    assert.equal(
      prefixes.get(
        '[^data]: We use the 2024-10 snapshot; see https://huggingface.co/datasets/HuggingFaceFW/fineweb.',
      ),
      '[^data]: ',
    );
    assert.match(seen, /^Scaling Laws for Sparse Mixture-of-Experts$/m);
    assert.match(seen, /^Conclusion$/m);
    assert.doesNotMatch(seen, /^(?:#|-|>|\d+\.) /m);
  });

  test('link text is translatable and its target is a placeholder; reference labels are held whole', () => {
    assert.match(seen, /In \[our earlier paper\]⟦\d+⟧ we showed/);
    assert.match(seen, /analysis in \[the follow-up\]⟦\d+⟧ and the\n⟦\d+⟧\./, 'shortcut [appendix] is held');
    assert.match(seen, /\[FineWeb\]⟦\d+⟧ corpus\.⟦\d+⟧/, 'footnote reference is held');
    assert.match(seen, /\(Figure 2\)\. \[⟦\d+⟧\]⟦\d+⟧/, 'linked image: image and target held');
  });

  test('placeholders are numbered from 1 in every chunk and map to their sources', () => {
    const small = planChunks(article, 400);
    small.chunks.forEach((chunk, i) => {
      const numbers = [...chunk.text.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
      const originals = small.sources[i]?.originals ?? [];
      assert.deepEqual(
        numbers,
        originals.map((_, k) => k + 1),
      );
    });
    const first = small.sources[0]?.originals ?? [];
    assert.ok(first.includes('(https://arxiv.org/abs/2401.04088 "Mixtral of Experts")'));
    assert.ok(first.includes('<https://huggingface.co/spaces/example/moe-demo>'));
    assert.ok(
      first.includes('https://github.com/example/moe-scaling'),
      'bare URL without the following space',
    );
  });

  test('edge cases: comments, <pre>, custom elements, quoted and unclosed fences stay verbatim', () => {
    const sent = textOf(planChunks(edge));
    for (const hidden of [
      'hidden.example',
      'keep   this',
      'Custom element block',
      'curl',
      'unclosed fence',
    ]) {
      assert.ok(!sent.includes(hidden), hidden);
    }
    for (const words of [
      'Title with trailing spaces',
      'Tabbed heading',
      'item whose text starts on the next line',
      'Lazy quote starts here\nand continues without the marker.',
      'Quote text after the fence.',
      'ordered with parenthesis\ncontinuation indented four',
      'See [text] [not a link] and ⟦',
    ]) {
      assert.ok(sent.includes(words), words);
    }
  });

  test('a literal ⟦n⟧ in the source is protected, so only real placeholders reach the LLM', () => {
    const plan = planChunks('Keep ⟦1⟧ as written, see `code`.');
    assert.equal(plan.chunks[0]?.text, 'Keep ⟦1⟧1⟦2⟧ as written, see ⟦3⟧.');
    assert.equal(identity(plan), 'Keep ⟦1⟧ as written, see `code`.');
  });

  test('bare URLs stop before sentence and Chinese punctuation', () => {
    const plan = planChunks(
      'See https://a.example/x_(y). Also 详见https://b.example/z，以及（https://c.example）。',
    );
    assert.deepEqual(plan.sources[0]?.originals, [
      'https://a.example/x_(y)',
      'https://b.example/z',
      'https://c.example',
    ]);
  });
});

describe('stitching a translation', () => {
  test('an uppercasing "translation" changes words but never URLs, code or markup', () => {
    const plan = planChunks(article, 500);
    const out = stitch(
      plan,
      plan.chunks.map((c) => c.text.toUpperCase()),
    );
    for (const url of new Set(article.match(URLS))) {
      assert.equal(out.split(url).length, article.split(url).length, `URL kept: ${url}`);
    }
    for (const segment of plan.segments) {
      if (segment.kind === 'verbatim') assert.ok(out.includes(segment.markdown), segment.markdown);
    }
    for (const expected of [
      '# SCALING LAWS FOR SPARSE MIXTURE-OF-EXPERTS #\n',
      'IN [OUR EARLIER PAPER](https://arxiv.org/abs/2401.04088 "Mixtral of Experts") WE SHOWED THAT\n',
      'WE TRAIN MODELS WITH `n_experts = 64` AND ``top_k = `2` `` ROUTING ON THE\n',
      '   - THE ROUTER IS A LINEAR LAYER FOLLOWED BY A SOFTMAX OVER\n     THE EXPERTS',
      '> > NESTED QUOTE',
      '<kbd>CTRL</kbd>+<kbd>C</kbd> AND <a href="https://example.org/inline">THIS ANCHOR</a>',
      'THE\n[appendix].  \nWE RELEASE',
      '[^data]: WE USE THE 2024-10 SNAPSHOT; SEE https://huggingface.co/datasets/HuggingFaceFW/fineweb.\n    THE',
    ]) {
      assert.ok(out.includes(expected), expected);
    }
  });

  test('a real-looking translation comes back with prefixes, links and code restored', () => {
    const source = [
      '## Getting started',
      '',
      'Read [the guide](https://ex.org/guide "Guide") and run `npm test`.',
      '',
      '- First item',
      '  wraps here',
      '- Second item',
      '> Quoted text',
      '',
    ].join('\n');
    const plan = planChunks(source);
    assert.deepEqual(
      plan.chunks.map((c) => c.text),
      [
        'Getting started\n\nRead [the guide]⟦1⟧ and run ⟦2⟧.\n\nFirst item\nwraps here\n\nSecond item\n\nQuoted text',
      ],
    );
    const translation =
      '入门\n指南\n\n阅读[指南]⟦1⟧并运行 ⟦ 2 ⟧。\n\n第一项，跨行\n\n第二项\n第二行\n\n引用的文字\n';
    assert.deepEqual(checkChunk(plan.chunks[0] ?? { index: 0, text: '' }, translation), []);
    assert.equal(
      stitch(plan, [translation]),
      [
        '## 入门 指南',
        '',
        '阅读[指南](https://ex.org/guide "Guide")并运行 `npm test`。',
        '',
        '- 第一项，跨行',
        '- 第二项',
        '  第二行',
        '> 引用的文字',
        '',
      ].join('\n'),
    );
  });

  test('CRLF input gets CRLF line endings in translated paragraphs too', () => {
    const plan = planChunks('> one\r\n> two\r\n\r\ntail\r\n');
    const out = stitch(plan, ['一\n二\n三\n\n尾']);
    assert.equal(out, '> 一\r\n> 二\r\n> 三\r\n\r\n尾\r\n');
  });
});

describe('checkChunk and stitch reject broken translations', () => {
  const plan = planChunks(
    'First [link](https://a.example) and `x`.\n\nSecond https://b.example here.\n\nThird paragraph.\n',
  );
  const chunk = plan.chunks[0] ?? { index: 0, text: '' };

  test('the source text itself passes', () => {
    assert.equal(chunk.text, 'First [link]⟦1⟧ and ⟦2⟧.\n\nSecond ⟦3⟧ here.\n\nThird paragraph.');
    assert.deepEqual(checkChunk(chunk, chunk.text), []);
    assert.deepEqual(checkChunk(chunk, `\r\n${chunk.text.replace(/\n/g, '\r\n')}\r\n\r\n`), []);
  });

  const broken: [string, string, string[]][] = [
    ['drops a placeholder', chunk.text.replace('⟦2⟧', ''), ['placeholder ⟦2⟧ is missing']],
    ['duplicates one', chunk.text.replace('⟦3⟧', '⟦3⟧ ⟦3⟧'), ['placeholder ⟦3⟧ appears 2 times']],
    ['invents one', `${chunk.text} ⟦9⟧`, ['placeholder ⟦9⟧ is not in the source']],
    [
      'moves one to another paragraph',
      chunk.text.replace(' ⟦2⟧', '').replace('here.', 'here ⟦2⟧.'),
      ['placeholder ⟦2⟧ moved from paragraph 1 to 2'],
    ],
    [
      'drops a paragraph',
      chunk.text.replace('\n\nThird paragraph.', ''),
      ['has 2 paragraphs, expected 3 separated by single blank lines'],
    ],
    [
      'merges two paragraphs',
      chunk.text.replace('.\n\nSecond', '. Second'),
      ['has 2 paragraphs, expected 3 separated by single blank lines'],
    ],
    ['is empty', ' \n\n', ['translation is empty']],
  ];
  for (const [name, translation, reasons] of broken) {
    test(`a translation that ${name} is reported and refused`, () => {
      assert.deepEqual(checkChunk(chunk, translation), reasons);
      assert.throws(
        () => stitch(plan, [translation]),
        (error: Error) => error.message === `chunk 0: ${reasons.join('; ')}`,
      );
    });
  }

  test('stitch names the failing chunk among several', () => {
    const several = planChunks(article, 300);
    const translations = several.chunks.map((c) => c.text);
    translations[2] = (translations[2] ?? '').replace(/⟦1⟧/, '');
    assert.throws(() => stitch(several, translations), /^Error: chunk 2: placeholder ⟦1⟧ is missing$/);
  });

  test('stitch refuses a translation count that does not match the chunks', () => {
    assert.throws(() => stitch(plan, []), /stitch: got 0 translations for 1 chunks/);
  });
});

describe('chunk sizes', () => {
  for (const maxChars of [120, 400, 1000]) {
    test(`maxChars ${maxChars}: chunks fit, keep document order and never split a paragraph`, () => {
      const plan = planChunks(article, maxChars);
      const textSegments = plan.segments.flatMap((s, i) => (s.kind === 'text' ? [i] : []));
      assert.deepEqual(
        plan.sources.flatMap((s) => s.segments),
        textSegments,
      );
      plan.chunks.forEach((chunk, i) => {
        assert.equal(chunk.index, i);
        const paragraphs = chunk.text.split('\n\n').length;
        assert.equal(paragraphs, plan.sources[i]?.segments.length);
        assert.ok(
          chunk.text.length <= maxChars || paragraphs === 1,
          `chunk ${i} is ${chunk.text.length} chars`,
        );
      });
      if (maxChars < 3000) assert.ok(plan.chunks.length > 1);
    });
  }

  test('a single paragraph longer than maxChars is a chunk of its own', () => {
    const long = `${'A very long sentence about experts and routing. '.repeat(100)}See https://x.example.`;
    const plan = planChunks(`Intro.\n\n${long}\n\nOutro.\n`, 1000);
    assert.deepEqual(
      plan.chunks.map((c) => c.text.length > 1000),
      [false, true, false],
    );
    assert.equal(plan.chunks[1]?.text.split('\n\n').length, 1);
  });

  test('rejects a maxChars that is not a positive integer', () => {
    assert.throws(() => planChunks('x', 0), /maxChars must be a positive integer, got 0/);
    assert.throws(() => planChunks('x', Number.NaN), /got NaN/);
  });

  test('an article with no words to translate has no chunks and stitches back unchanged', () => {
    const code = '```js\nconsole.log("hi");\n```\n\n![img](a.png)\n\n<https://only.example>\n';
    const plan = planChunks(code);
    assert.deepEqual(plan.chunks, []);
    assert.equal(stitch(plan, []), code);
  });
});
