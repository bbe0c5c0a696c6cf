// For this folder's tests only: a real HTTP server on 127.0.0.1 that answers from a handler and
// records each request, so collect() runs against recorded responses, never the internet.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  baseUrl: string;
  /** Each request's URL, in arrival order. */
  requests: URL[];
  /** Stops the server; an assertion that failed inside the handler is re-thrown here. */
  close(): Promise<void>;
}

/** An exception in `handler` is answered 500 and re-thrown by close(). */
export async function serve(
  handler: (url: URL, request: IncomingMessage, response: ServerResponse) => void,
): Promise<Loopback> {
  const failures: unknown[] = [];
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    try {
      handler(url, request, response);
    } catch (error) {
      failures.push(error);
      response.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      if (failures.length > 0) throw failures[0];
    },
  };
}
