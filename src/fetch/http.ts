// The one place ribao talks HTTP to sources: timeout, User-Agent, a body-size cap counted after
// decompression. Any status is returned: the source decides (arXiv's API explains errors in an
// HTTP 400 body). Politeness, conditional GET and the SSRF guard arrive with the Collection issue.

import type { Http, HttpResponse } from '../sources/source.ts';

export interface HttpSettings {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

export function createHttp(settings: HttpSettings): Http {
  return {
    async get(url, options = {}): Promise<HttpResponse> {
      const response = await fetch(url, {
        headers: { 'user-agent': settings.userAgent, accept: options.accept ?? '*/*', ...options.headers },
        signal: AbortSignal.timeout(settings.timeoutMs),
        redirect: 'follow',
      });
      const text = await readCapped(response, settings.maxBodyBytes, url);
      return { url: response.url, status: response.status, headers: response.headers, text };
    },
  };
}

async function readCapped(response: Response, max: number, url: string): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > max) {
      await response.body.cancel().catch(() => undefined);
      throw new Error(`GET ${url}: body larger than ${max} bytes`);
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
