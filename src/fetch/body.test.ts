// Bodies over a real loopback server: gzip, deflate (zlib and raw) and br decoded; the cap counted after
// decompression, so a ~200 MB gzip bomb (≈200 KB on the wire) stops at a 1 MB cap.

import assert from 'node:assert/strict';
import { Readable, type Transform } from 'node:stream';
import { after, test } from 'node:test';
import {
  brotliCompressSync,
  constants,
  createDeflateRaw,
  createGzip,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from 'node:zlib';
import { readBody } from './body.ts';
import { createHttp } from './http.ts';
import { startServer } from './testing.ts';

/** ~200 MB of zeros compressed as a stream, so the test never holds the 200 MB. */
async function bomb(megabytes: number, gzip: Transform): Promise<Buffer> {
  const zeros = Buffer.alloc(1 << 20);
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

const BOMB = await bomb(200, createGzip({ level: 9 }));
const RAW_DEFLATE_BOMB = await bomb(200, createDeflateRaw({ level: 9 }));
const TEXT = '日报 AI digest '.repeat(200);
const ENCODED: Record<string, Buffer> = {
  gzip: gzipSync(TEXT),
  deflate: deflateSync(TEXT),
  'deflate-raw': deflateRawSync(TEXT),
  br: brotliCompressSync(TEXT, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  'gzip-then-br': brotliCompressSync(gzipSync(TEXT)),
};

const server = await startServer((req, res) => {
  const name = (req.url ?? '/').slice(1);
  if (name === 'bomb') res.writeHead(200, { 'content-encoding': 'gzip' }).end(BOMB);
  else if (name === 'raw-bomb') res.writeHead(200, { 'content-encoding': 'deflate' }).end(RAW_DEFLATE_BOMB);
  else if (name === 'deflate-raw') res.writeHead(200, { 'content-encoding': 'deflate' }).end(ENCODED[name]);
  else if (name === 'gzip-then-br') res.writeHead(200, { 'content-encoding': 'gzip, br' }).end(ENCODED[name]);
  else if (name === 'zstd') res.writeHead(200, { 'content-encoding': 'zstd' }).end('?');
  else if (name === 'plain') res.end(Buffer.alloc(2 << 20));
  else res.writeHead(200, { 'content-encoding': name }).end(ENCODED[name]);
});
after(() => server.close());

const http = createHttp({
  userAgent: 'ribao-test/1',
  timeoutMs: 10_000,
  maxBodyBytes: 1 << 20,
  allowPrivate: ['127.0.0.1'],
});

test('a gzip bomb stops at the cap, counted after decompression', async (t) => {
  assert.ok(BOMB.length < 400 * 1024, `the bomb is ${BOMB.length} bytes on the wire`);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  await assert.rejects(http.get(`${server.base}/bomb`), {
    message: `GET ${server.base}/bomb: body larger than 1048576 bytes after gzip decompression`,
  });
  const grew = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
  t.diagnostic(
    `${BOMB.length} bytes of gzip (200 MiB of zeros) refused in ${Math.round(performance.now() - started)} ms; RSS grew ${grew} MiB`,
  );
  await assert.rejects(
    http.get(`${server.base}/raw-bomb`),
    /body larger than 1048576 bytes after deflate decompression/,
  );
});

test('gzip, deflate (zlib and raw), br and stacked encodings are decoded', async () => {
  for (const name of ['gzip', 'deflate', 'deflate-raw', 'br', 'gzip-then-br']) {
    const response = await http.get(`${server.base}/${name}`);
    assert.equal(response.text, TEXT, name);
    assert.ok((ENCODED[name]?.length ?? 0) < Buffer.byteLength(TEXT), `${name} was sent compressed`);
  }
});

test('an unknown Content-Encoding and an uncompressed body over the cap are refused', async () => {
  await assert.rejects(http.get(`${server.base}/zstd`), /unsupported Content-Encoding "zstd"/);
  await assert.rejects(http.get(`${server.base}/plain`), {
    message: `GET ${server.base}/plain: body larger than 1048576 bytes`,
  });
});

test('truncate mode keeps the first maxBytes (robots.txt is read to 500 KiB)', async () => {
  const body = await readBody(
    Readable.from([gzipSync('a'.repeat(5000))]),
    'gzip',
    { maxBytes: 10, truncate: true },
    'x',
  );
  assert.equal(Buffer.from(body).toString(), 'a'.repeat(10));
  const whole = await readBody(Readable.from([Buffer.from('short')]), undefined, { maxBytes: 10 }, 'x');
  assert.equal(Buffer.from(whole).toString(), 'short');
});
