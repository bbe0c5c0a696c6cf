// Charset detection: our own CJK / Japanese / windows-1252 fixtures (made with iconv), the precedence
// rules (BOM > header > XML declaration > <meta>), and feedparser's encoding corpus from ../shared/data.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeHTML } from 'entities';
import { charsetParameter, decodeBody, encodingOf } from './charset.ts';

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url));
const CORPUS = join(new URL('../../..', import.meta.url).pathname, 'shared/data/feedparser-tests/encoding');

test('decodes each legacy encoding named by the document itself', () => {
  const cases = [
    { file: 'gb2312-feed.xml', charset: 'gbk', text: '<title>日报 人工智能</title><item><title>大模型发布' },
    { file: 'gb18030-feed.xml', charset: 'gb18030', text: '日报 😀 𠀀' },
    { file: 'big5-page.html', charset: 'big5', text: '<title>日報 人工智慧</title></head><body><p>語言模型' },
    {
      file: 'shift_jis-page.html',
      charset: 'shift_jis',
      text: '<title>日報 人工知能</title></head><body><p>表示と能力',
    },
    { file: 'euc-jp-feed.xml', charset: 'euc-jp', text: '<title>日報 人工知能</title>' },
  ];
  for (const { file, charset, text } of cases) {
    const decoded = decodeBody(testdata(file), null);
    assert.equal(decoded.charset, charset, file);
    assert.ok(decoded.text.includes(text), `${file}: ${decoded.text}`);
  }
});

test('the Content-Type charset decodes a document that does not declare one', () => {
  const decoded = decodeBody(testdata('windows-1252-feed.xml'), 'application/rss+xml; charset=ISO-8859-1');
  assert.equal(decoded.charset, 'windows-1252');
  assert.ok(decoded.text.includes('Café “news” €5'));
});

test('undeclared bytes that are not UTF-8 fall back to windows-1252', () => {
  assert.deepEqual(decodeBody(testdata('windows-1252-feed.xml'), null).charset, 'windows-1252');
  assert.deepEqual(decodeBody(new TextEncoder().encode('<p>日报</p>'), null), {
    text: '<p>日报</p>',
    charset: 'utf-8',
  });
});

test('precedence: BOM over header, header over the XML declaration, declaration over <meta>', () => {
  const gbk = testdata('gb2312-feed.xml');
  const bom = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('<?xml version="1.0" encoding="gbk"?><a>日报</a>'),
  ]);
  assert.deepEqual(decodeBody(bom, 'text/xml; charset=big5'), {
    text: '<?xml version="1.0" encoding="gbk"?><a>日报</a>',
    charset: 'utf-8',
  });
  assert.equal(decodeBody(gbk, 'application/xml; charset=big5').charset, 'big5');
  assert.equal(decodeBody(gbk, 'application/xml').charset, 'gbk');
  const both = Buffer.from('<?xml version="1.0" encoding="euc-jp"?><html><meta charset="big5"></html>');
  assert.equal(decodeBody(both, null).charset, 'euc-jp');
  const utf16le = Buffer.from('\ufeff<p>日报</p>', 'utf16le');
  assert.deepEqual(decodeBody(utf16le, 'text/html; charset=gbk'), {
    text: '<p>日报</p>',
    charset: 'utf-16le',
  });
});

test('an unknown or impossible label is ignored for the next clue', () => {
  const gbk = testdata('gb2312-feed.xml');
  assert.equal(decodeBody(gbk, 'text/xml; charset=no-such-charset').charset, 'gbk');
  const meta = Buffer.from('<meta charset="utf-16"><p>x</p>');
  assert.equal(decodeBody(meta, null).charset, 'utf-8', 'a UTF-16 label in ASCII bytes means UTF-8');
  const commented = Buffer.from(
    '<!-- <meta charset="big5"> --><meta http-equiv=content-type content="text/html;charset=koi8-r">',
  );
  assert.equal(decodeBody(commented, null).charset, 'koi8-r');
});

test('every label the brief names works in this Node (full ICU)', () => {
  const labels = {
    gb2312: 'gbk',
    GBK: 'gbk',
    gb18030: 'gb18030',
    big5: 'big5',
    Shift_JIS: 'shift_jis',
    'EUC-JP': 'euc-jp',
    'windows-1252': 'windows-1252',
    'ISO-8859-1': 'windows-1252',
    'us-ascii': 'windows-1252',
  };
  for (const [label, encoding] of Object.entries(labels)) assert.equal(encodingOf(label), encoding, label);
  assert.equal(charsetParameter(`application/atom+xml;charset='gb2312'`), 'gb2312');
  assert.equal(charsetParameter('text/xml;charset = "us-ascii"'), 'us-ascii');
  assert.equal(charsetParameter('text/xml; charset:iso-8859-1'), null);
});

/** Where feedparser does more than decode; the reason is printed as a diagnostic. */
const NOT_DECODING: Record<string, string> = {
  'demoronize-1.xml': 'U+0092 is valid UTF-8 (a C1 control); mapping it to ’ is text clean-up, not decoding',
};
const SAME_DECODER: Record<string, string> = { gb18030: 'gbk' };
const decoderOf = (encoding: string | null) => (encoding && SAME_DECODER[encoding]) ?? encoding;

test('feedparser encoding corpus', {
  skip: !existsSync(CORPUS) && 'needs ../shared/data/feedparser-tests',
}, (t) => {
  let checked = 0;
  let texts = 0;
  for (const file of readdirSync(CORPUS).sort()) {
    const bytes = readFileSync(join(CORPUS, file));
    const comment = bytes.toString('latin1').replaceAll('\0', '');
    const contentType = /Header:\s*Content-type:\s*(.*)/i.exec(comment)?.[1]?.trim() ?? null;
    const expect = /Expect:\s*(.*)/.exec(comment)?.[1] ?? '';
    const decoded = decodeBody(bytes, contentType);
    assert.ok(
      decoded.text.includes('Expect:'),
      `${file}: the comment survives decoding as ${decoded.charset}`,
    );
    const named = /encoding == '([^']+)'/.exec(expect)?.[1];
    if (named) {
      assert.equal(decoderOf(decoded.charset), decoderOf(expectedEncoding(named, contentType, bytes)), file);
      checked++;
    }
    if (NOT_DECODING[file]) {
      t.diagnostic(`${file}: ${NOT_DECODING[file]}`);
      continue;
    }
    const literal = /^not bozo and (?!encoding ).*? == '(.*)'$/.exec(expect)?.[1];
    if (literal && hasNonAscii(bytes.subarray(bytes.indexOf('-->')))) {
      assert.ok(
        decodeHTML(decoded.text).includes(pythonString(literal)),
        `${file}: ${pythonString(literal)}`,
      );
      texts++;
    }
  }
  t.diagnostic(`${checked} encodings and ${texts} decoded texts checked`);
  assert.ok(checked >= 60 && texts >= 5, `only ${checked} encodings and ${texts} texts found`);
});

/** feedparser follows RFC 3023 (text/* without charset is us-ascii, whatever the XML declaration says);
 * RFC 7303 replaced that rule: then the declaration, else UTF-8. Everything else is compared as is. */
function expectedEncoding(named: string, contentType: string | null, bytes: Buffer): string | null {
  const textWithoutCharset =
    contentType?.toLowerCase().startsWith('text/') && !encodingOf(charsetParameter(contentType));
  if (!textWithoutCharset) return encodingOf(named);
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)/.exec(bytes.toString('latin1'))?.[1] ?? null;
  return encodingOf(declared) ?? 'utf-8';
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte > 0x7f);
}

function pythonString(literal: string): string {
  return literal.replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, u, x) =>
    String.fromCharCode(Number.parseInt(u ?? x, 16)),
  );
}
