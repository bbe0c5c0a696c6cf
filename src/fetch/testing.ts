// For the fetch tests only: a real HTTP server on 127.0.0.1 (port 0) that records what it was asked,
// and a resolver that maps test names (`feeds.example`) to it, so hostile redirects can be aimed at it.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Resolver } from './guard.ts';

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  /** Every request seen: path, headers and when it arrived. */
  requests: Array<{ url: string; headers: IncomingMessage['headers']; at: number }>;
  close(): Promise<void>;
}

export async function startServer(
  handle: (req: IncomingMessage, res: ServerResponse, server: TestServer) => void,
): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers, at: performance.now() });
    handle(req, res, self);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const self: TestServer = {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

/** DNS for tests: the listed names resolve to the given addresses; every other name fails. */
export function fakeResolver(names: Record<string, string>): Resolver {
  return async (hostname) => {
    const address = names[hostname.replace(/\.$/, '')];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}
