// The HTTP layer against a real server on loopback: User-Agent sent, any status returned with its body
// (so a source can read an API's error document), bodies over the cap refused.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import { createHttp } from './http.ts';

const server = createServer((req, res) => {
  if (req.url === '/big') res.end('x'.repeat(2048));
  else if (req.url === '/error')
    res.writeHead(400, { 'content-type': 'application/atom+xml' }).end('<feed>why</feed>');
  else res.end(req.headers['user-agent']);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const http = createHttp({ userAgent: 'ribao-test/1', timeoutMs: 5000, maxBodyBytes: 1024 });

test('sends the User-Agent', async () => {
  assert.equal((await http.get(`${base}/`)).text, 'ribao-test/1');
});

test('returns an error status with its body instead of throwing', async () => {
  const response = await http.get(`${base}/error`);
  assert.equal(response.status, 400);
  assert.equal(response.text, '<feed>why</feed>');
});

test('refuses a body over the cap', async () => {
  await assert.rejects(http.get(`${base}/big`), /body larger than 1024 bytes/);
});
