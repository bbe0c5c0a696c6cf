// Reading a response body: undo its Content-Encoding (gzip, deflate, br) and count bytes after
// decompression, stopping at the cap, so a compression bomb costs at most the cap in memory.

import { Duplex, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** What the HTTP layer advertises in Accept-Encoding; readBody decodes each of these. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface BodyLimit {
  maxBytes: number;
  /** Keep the first maxBytes and stop (robots.txt) instead of failing. */
  truncate?: boolean;
}

class Truncated extends Error {}

/** The decoded body. Rejects naming `what` when the body is over the cap or its encoding is unknown. */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  limit: BodyLimit,
  what: string,
): Promise<Uint8Array> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity');
  const decoders = [...encodings].reverse().map((encoding) => decoderFor(encoding, what));
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (size + chunk.length <= limit.maxBytes) {
        chunks.push(chunk);
        size += chunk.length;
        done();
      } else if (limit.truncate) {
        chunks.push(chunk.subarray(0, limit.maxBytes - size));
        size = limit.maxBytes;
        done(new Truncated());
      } else {
        const after = encodings.length ? ` after ${encodings.join(', ')} decompression` : '';
        done(new Error(`${what}: body larger than ${limit.maxBytes} bytes${after}`));
      }
    },
  });
  try {
    await pipeline([body, ...decoders, sink]);
  } catch (error) {
    if (!(error instanceof Truncated)) throw error;
  }
  return Buffer.concat(chunks, size);
}

function decoderFor(encoding: string, what: string): Duplex {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return inflateEither();
    default:
      throw new Error(`${what}: unsupported Content-Encoding "${encoding}"`);
  }
}

/** `deflate` should be zlib-wrapped (RFC 9110) but some servers send raw deflate: the first byte tells. */
function inflateEither(): Duplex {
  return Duplex.from(async function* (source: AsyncIterable<Buffer>) {
    const chunks = source[Symbol.asyncIterator]();
    const first = await chunks.next();
    if (first.done) return;
    const zlibWrapped = ((first.value[0] ?? 0) & 0x0f) === 0x08;
    async function* all() {
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    }
    const inflater = zlibWrapped ? createInflate() : createInflateRaw();
    const input = Readable.from(all());
    input.on('error', (error) => inflater.destroy(error));
    input.pipe(inflater);
    try {
      yield* inflater;
    } finally {
      input.destroy();
      inflater.destroy();
    }
  });
}
