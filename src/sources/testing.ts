// For source tests only: the smallest real `Http` (global fetch, redirects followed, the final URL
// reported, non-2xx returned rather than thrown) so each source's collect() is tested on loopback,
// and an in-memory SourceState.

import type { Http, SourceState } from './source.ts';

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

/** A SourceState that lives as long as the object; `saved` shows what was put, for assertions. */
export function memoryState(
  initial: Record<string, unknown> = {},
): SourceState & { saved: Map<string, unknown> } {
  const saved = new Map(Object.entries(initial));
  return {
    saved,
    async get<T>(key: string) {
      return saved.has(key) ? (structuredClone(saved.get(key)) as T) : null;
    },
    async put(key: string, value: unknown) {
      saved.set(key, structuredClone(value));
    },
  };
}
