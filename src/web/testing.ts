// Test helpers for the web app: the real server on 127.0.0.1:0 over a fresh SQLite store, a clock
// the test moves, and a small browser (a cookie jar over fetch) that submits forms as browsers do.

import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open.ts';
import type { Role, Store, User } from '../store/store.ts';
import { type WebContext, type WebSettings, webContext } from './context.ts';
import { type AppOptions, createWebServer } from './server.ts';
import { createUser } from './users.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestApp {
  url: string;
  store: Store;
  web: WebContext;
  clock: { now: Date; advance(ms: number): void };
  /** A user with PASSWORD. */
  user(handle: string, role: Role, displayName?: string): Promise<User>;
  browser(): Browser;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    settings?: Partial<WebSettings>;
    /** What to mount (built around the test's store). */
    app?: (store: Store) => AppOptions;
    warnings?: string[];
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ribao-web-'));
  const store = await openStore(join(dir, 'ribao.db'));
  const clock = {
    now: new Date('2026-11-20T08:00:00.000Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const log = { info() {}, debug() {}, warn: (m: string) => options.warnings?.push(m) };
  const web = webContext(store, log, {
    now: () => clock.now,
    settings: { secureCookies: false, ...options.settings },
  });
  const server: Server = createWebServer(web, options.app?.(store));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    store,
    web,
    clock,
    user: (handle, role, displayName) => createUser(web, { handle, role, password: PASSWORD, displayName }),
    browser: () => new Browser(url),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

/** fetch with a cookie jar; POSTs send Origin and Sec-Fetch-Site as a same-origin browser form does. */
export class Browser {
  readonly base: string;
  readonly jar = new Map<string, string>();
  /** Every Set-Cookie line seen, for checking attributes. */
  readonly setCookies: string[] = [];

  constructor(base: string) {
    this.base = base;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  /** Submit a form (urlencoded). */
  async post(
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.base,
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** A JSON call, as a script in the page would make it. */
  async api(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.send(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { origin: this.base, 'sec-fetch-site': 'same-origin' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** GET a page and take the CSRF token out of its first form. */
  async csrfFrom(path: string): Promise<string> {
    const page = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`no CSRF field on ${path}`);
    return token;
  }

  /** Sign in through the form; returns the answer (303 on success). */
  async login(handle: string, password = PASSWORD): Promise<Response> {
    const _csrf = await this.csrfFrom('/login');
    return this.post('/login', { _csrf, handle, password });
  }

  cookie(): string | undefined {
    return [...this.jar.values()][0];
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) };
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/Max-Age=0\b/i.test(line) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
}
