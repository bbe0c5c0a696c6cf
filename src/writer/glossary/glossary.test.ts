import assert from 'node:assert/strict';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.ts';
import { loadGlossary, termKey } from './glossary.ts';

const testdata = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

test('the default glossary is large, unique and complete', () => {
  const glossary = loadGlossary();
  assert.ok(glossary.terms.length >= 320, `${glossary.terms.length} terms`);
  assert.ok(glossary.keep.length >= 80, `${glossary.keep.length} keep names`);
  const keys = glossary.terms.map((term) => termKey(term.en));
  assert.deepEqual(
    keys.filter((key, index) => keys.indexOf(key) !== index),
    [],
    'no duplicate en',
  );
  const abbrs = glossary.terms.flatMap((term) => (term.abbr ? [term.abbr] : []));
  assert.deepEqual(
    abbrs.filter((abbr, index) => abbrs.indexOf(abbr) !== index),
    [],
    'no duplicate abbr',
  );
  for (const term of glossary.terms) {
    assert.ok(term.zh.trim(), `${term.en} has a zh`);
    for (const wrong of term.avoid ?? []) assert.notEqual(wrong, term.zh, `${term.en} avoids its own zh`);
  }
  assert.equal(new Set(glossary.keep).size, glossary.keep.length, 'no duplicate keep names');
});

test('the default glossary covers the known public failures', () => {
  const byEn = new Map(loadGlossary().terms.map((term) => [term.en.toLowerCase(), term]));
  assert.deepEqual(byEn.get('large language model')?.avoid, ['法学硕士', '大律师']);
  assert.equal(byEn.get('large language model')?.abbr, 'LLM');
  assert.ok(byEn.get('transformer')?.avoid?.includes('变压器'));
  assert.equal(byEn.get('position:')?.zh, '立场：');
  assert.equal(byEn.get('series a round')?.zh, 'A 轮融资');
  assert.equal(byEn.get('seed round')?.zh, '种子轮');
  assert.ok(loadGlossary().keep.includes('Llama'));
});

test('the parsed default is cached and frozen', () => {
  const glossary = loadGlossary();
  assert.equal(loadGlossary(), glossary);
  assert.equal(loadGlossary(null), glossary);
  assert.ok(Object.isFrozen(glossary.terms));
});

test('an override replaces, removes and adds terms and unions the keep list', () => {
  const base = loadGlossary();
  const merged = loadGlossary(testdata('override.yaml'));
  const llm = merged.terms.filter((term) => termKey(term.en) === 'largelanguagemodel');
  assert.deepEqual(llm, [
    { en: 'Large Language Model', zh: '大型语言模型', abbr: 'LLM', avoid: ['法学硕士'] },
  ]);
  assert.equal(
    merged.terms.findIndex((term) => term.en === 'Large Language Model'),
    base.terms.findIndex((term) => term.en === 'large language model'),
    'a replaced term keeps its place',
  );
  assert.ok(!merged.terms.some((term) => term.en === 'chatbot'));
  assert.deepEqual(merged.terms.at(-1), { en: 'world simulator', zh: '世界模拟器' });
  assert.equal(merged.terms.length, base.terms.length);
  assert.equal(merged.keep.filter((name) => name === 'GPT-4o').length, 1);
  assert.equal(merged.keep.at(-1), 'RibaoBench');
  assert.ok(
    base.terms.some((term) => term.en === 'chatbot'),
    'the cached default is untouched',
  );
});

test('an invalid override names the file and the bad key', () => {
  const cases: [string, RegExp][] = [
    ['unknown-key.yaml', /unknown-key\.yaml: terms\[1\]: .*zhh/],
    ['missing-zh.yaml', /missing-zh\.yaml: terms\[0\]\.zh: is required/],
    [
      'remove-unknown.yaml',
      /remove-unknown\.yaml: term "no such term anywhere": remove names no default term/,
    ],
    ['duplicate.yaml', /duplicate\.yaml: terms: duplicate en "World-Simulator"/],
    ['keep-not-list.yaml', /keep-not-list\.yaml: keep: /],
    ['absent.yaml', /absent\.yaml: cannot read the glossary \(ENOENT\)/],
  ];
  for (const [file, message] of cases) {
    assert.throws(
      () => loadGlossary(testdata(file)),
      (error: unknown) => error instanceof InputError && message.test(error.message),
      file,
    );
  }
});
