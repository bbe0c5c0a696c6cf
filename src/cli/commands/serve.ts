// `ribao serve`: the newsroom web app — sign-in, accounts, the JSON API (OpenAPI at /api/openapi.json),
// the subscription endpoints when e-mail is configured, and the built site read-only under `/`.

import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { mailContext } from '../../email/context.ts';
import { UsageError } from '../../errors.ts';
import { webContext } from '../../web/context.ts';
import { mounts } from '../../web/mount.ts';
import { createWebServer } from '../../web/server.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'the newsroom web app: accounts, JSON API, subscriptions, the built site',
  usage: `ribao serve [--port N] [--host 127.0.0.1] [--out DIR] [--public-url URL] [--trust-proxy]
       (--public-url: the address people reach, for invite links; default site.baseUrl.
        Cookies are Secure unless the host is loopback and the public URL is plain http.)`,
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    out: { type: 'string' },
    'public-url': { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port ${values.port}: not a port number`);
    const host = String(values.host);
    const config = await ctx.config();
    const publicUrl = String(values['public-url'] ?? config.site.baseUrl);
    if (!URL.canParse(publicUrl)) throw new UsageError(`--public-url ${publicUrl}: not a URL`);
    const secureCookies = !(loopback(host) && new URL(publicUrl).protocol === 'http:');
    ctx.log.info(
      secureCookies
        ? 'cookies are Secure (__Host-ribao): serve over HTTPS, e.g. behind a TLS reverse proxy'
        : `plain HTTP on loopback (${host}): session cookies without Secure, so the browser keeps them here`,
    );
    const store = await ctx.store();
    const web = webContext(store, ctx.log, {
      settings: { secureCookies, publicUrl, trustProxy: values['trust-proxy'] === true },
    });
    const out = resolve(String(values.out ?? config.out));
    const site = existsSync(out) ? out : null;
    if (!site) ctx.log.warn(`${out}: no built site there yet (ribao build); serving the app only`);
    const emailOn = config.email !== null || Boolean(process.env.RIBAO_EMAIL_CONFIG);
    const mail = emailOn ? mailContext(config, store, ctx.log) : null;
    if (!mail) ctx.log.info('subscription endpoints off (no email configured)');
    if ((await store.users()).length === 0)
      ctx.log.warn('no accounts yet: create the first admin with `ribao user add HANDLE --role admin`');
    const server = createWebServer(web, mounts({ mail, site }));
    const url = await listen(server, host, port);
    ctx.stdout.write(`serving ribao at ${url} (sign in at ${url}login; Ctrl-C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        server.close(() => done());
        server.closeIdleConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
} satisfies Command;

function loopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(new UsageError(`cannot listen on ${host}:${port} (${error.code ?? error.message})`)),
    );
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      done(`http://${host.includes(':') ? `[${host}]` : host}:${bound}/`);
    });
  });
}
