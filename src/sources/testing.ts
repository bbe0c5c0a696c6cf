// For source tests only: the smallest real `Http` (global fetch, redirects followed, the final URL
// reported, non-2xx returned rather than thrown) so each source's collect() is tested on loopback.

import type { Http } from './source.ts';

export const fetchHttp: Http = {
  async get(url, options = {}) {
    const response = await fetch(url, {
      headers: { accept: options.accept ?? '*/*', ...options.headers },
      signal: AbortSignal.timeout(5000),
    });
    return {
      url: response.url,
      status: response.status,
      headers: response.headers,
      text: await response.text(),
    };
  },
};
