// E-mail end to end: the real CLI in child processes, a real SMTP server process on loopback
// (test/smtp-sink.ts), the subscription routes on a loopback HTTP server, one SQLite file for all.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../src/config/load.ts';
import { type MailContext, mailContext } from '../src/email/context.ts';
import { handleMailRoutes } from '../src/email/routes.ts';
import { confirm, subscribe } from '../src/email/subscribers.ts';
import type { SinkOptions } from '../src/email/testing.ts';
import { header, leaves, readMime } from '../src/email/testing-mime.ts';
import { openStore } from '../src/store/open.ts';
import { ROOT, ribao, tempDir } from './helpers.ts';
import { type SinkProcess, startSinkProcess, stopChild } from './smtp-sink-process.ts';

const DATE = '2026-11-20';
const BIN = join(ROOT, 'bin', 'ribao.js');
const cleanup: (() => unknown)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});
const startSink = (dir: string, options: SinkOptions = {}) => startSinkProcess(dir, options, cleanup);

/** A workspace: the sample news imported, e-mail pointed at `port`, the routes on a loopback server. */
async function workspace(port: number) {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'ribao.config.yaml'), 'site:\n  baseUrl: https://news.example.com/\n');
  const emailFile = join(cwd, 'email.yaml');
  const pointAt = (p: number) =>
    writeFileSync(
      emailFile,
      `email:\n  from: "AI 日报 <digest@ribao.example>"\n  smtp:\n    host: 127.0.0.1\n    port: ${p}\n    requireTls: false\n    timeoutMs: 5000\n`,
    );
  pointAt(port);
  const env = { RIBAO_EMAIL_CONFIG: emailFile };
  const cli = async (...args: string[]) => ribao(args, { cwd, env });
  const imported = await cli(
    'import',
    join(ROOT, 'samples', 'sources', 'ai-news.rss.xml'),
    join(ROOT, 'samples', 'sources', 'social.json'),
  );
  assert.equal(imported.code, 0, imported.stderr);
  const config = await loadConfig({
    file: join(cwd, 'ribao.config.yaml'),
    db: join(cwd, 'data', 'ribao.db'),
  });
  const store = await openStore(config.db);
  const silent = { info() {}, warn() {}, debug() {} };
  let mail: MailContext = mailContext(config, store, silent, { env });
  const server: Server = createServer((req, res) => {
    handleMailRoutes(req, res, mail).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const web = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  cleanup.push(async () => {
    mail.mailer.close();
    server.close();
    await store.close();
  });
  return {
    cwd,
    env,
    cli,
    web,
    store,
    get mail() {
      return mail;
    },
    /** Point the CLI and the routes at another SMTP server. */
    repoint(p: number) {
      pointAt(p);
      mail.mailer.close();
      mail = mailContext(config, store, silent, { env });
    },
    /** Subscribe and confirm through the functions the routes call (for tests about sending). */
    async activate(
      email: string,
      sink: SinkProcess,
      prefs = { sections: [] as string[], keywords: [] as string[] },
    ) {
      await subscribe(mail, email, 'daily', prefs);
      assert.ok(await confirm(mail, confirmToken(sink, email)), `${email} confirmed`);
    },
  };
}

/** The confirmation link in the last confirmation mail to `to`, as a URL on the site. */
function confirmLink(sink: SinkProcess, to: string): URL {
  const mail = sink.messages().findLast((m) => m.to.includes(to) && /confirm\?token=/.test(m.raw));
  const text = leaves(readMime(mail?.raw ?? ''))[0]?.body ?? '';
  const link = /https:\/\/news\.example\.com\/subscribe\/confirm\?token=[\w-]+/.exec(text)?.[0];
  assert.ok(link, `a confirmation link to ${to} in: ${text}`);
  return new URL(link);
}

function confirmToken(sink: SinkProcess, to: string): string {
  return confirmLink(sink, to).searchParams.get('token') ?? '';
}

async function listed(cli: (...args: string[]) => Promise<{ stdout: string }>) {
  const rows = JSON.parse((await cli('subscribers', 'list', '--json')).stdout) as {
    email: string;
    status: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.email, r.status]));
}

const formPost = (body: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body,
});

test('double opt-in through the CLI and the HTTP routes: a GET to the link confirms nothing, a POST does', async () => {
  const dir = tempDir();
  const sink = await startSink(dir);
  const w = await workspace(sink.port);
  const added = await w.cli('subscribers', 'add', 'Ann@Example.com', '-p', 'daily', '--section', '投融资');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /Ann@example\.com daily: confirmation mail sent/);
  assert.deepEqual(await listed(w.cli), { 'Ann@example.com': 'pending' });
  assert.doesNotMatch(
    (await w.cli('subscribers', 'list', '--json')).stdout,
    /token|Hash/i,
    'no tokens printed',
  );
  const link = confirmLink(sink, 'Ann@example.com');
  const get = await fetch(`${w.web}${link.pathname}${link.search}`);
  assert.equal(get.status, 200);
  assert.match(await get.text(), /<button type="submit">确认订阅<\/button>/);
  assert.deepEqual(await listed(w.cli), { 'Ann@example.com': 'pending' }, 'a GET confirms nothing');
  assert.equal((await w.cli('send', '-p', 'daily', '--date', DATE)).code, 0);
  assert.equal(sink.editions().length, 0, 'a pending subscriber is not mailed');
  const post = await fetch(`${w.web}${link.pathname}`, formPost(`token=${link.searchParams.get('token')}`));
  assert.equal(post.status, 200);
  assert.deepEqual(await listed(w.cli), { 'Ann@example.com': 'active' });
  const sent = await w.cli('send', '-p', 'daily', '--date', DATE, '--resume');
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stdout, /daily 2026-11-20: 1 sent/);
  const [received] = sink.editions('Ann@example.com');
  assert.ok(received);
  const message = readMime(received.raw);
  assert.deepEqual(
    leaves(message).map((p) => p.type),
    ['text/plain', 'text/html'],
  );
  const [text, html] = leaves(message).map((p) => p.body) as [string, string];
  assert.match(text, /Orbital Labs raises/);
  assert.doesNotMatch(text, /slr-serve|Long context is not a free lunch/, 'only the chosen section');
  assert.match(
    html,
    /<p style="[^"]+"><a href="https:\/\/news\.example\.com\/articles\/orbital-series-b" style="/,
  );
  assert.match(
    header(message, 'list-unsubscribe') ?? '',
    /^<https:\/\/news\.example\.com\/unsubscribe\?token=[\w-]{43}>, <mailto:/,
  );
  assert.equal(header(message, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
});

test('one-click unsubscribe: the List-Unsubscribe URL unsubscribes on POST, never on GET', async () => {
  const dir = tempDir();
  const sink = await startSink(dir);
  const w = await workspace(sink.port);
  await w.activate('bea@example.com', sink);
  await w.activate('cal@example.com', sink, { sections: [], keywords: ['GitHub'] });
  assert.equal((await w.cli('send', '-p', 'daily', '--date', DATE)).code, 0);
  assert.match(leaves(readMime(sink.editions('cal@example.com')[0]?.raw ?? ''))[0]?.body ?? '', /slr-serve/);
  assert.doesNotMatch(
    leaves(readMime(sink.editions('cal@example.com')[0]?.raw ?? ''))[0]?.body ?? '',
    /Orbital/,
  );
  const received = readMime(sink.editions('bea@example.com')[0]?.raw ?? '');
  const https = /<(https:[^>]+)>/.exec(header(received, 'list-unsubscribe') ?? '')?.[1];
  assert.ok(https);
  const local = new URL(https);
  const at = `${w.web}${local.pathname}${local.search}`;
  for (let i = 0; i < 2; i++) assert.equal((await fetch(at)).status, 200);
  assert.equal(
    (await listed(w.cli))['bea@example.com'],
    'active',
    'link scanners prefetching a GET change nothing',
  );
  const post = await fetch(at, formPost('List-Unsubscribe=One-Click'));
  assert.equal(post.status, 200);
  assert.equal((await listed(w.cli))['bea@example.com'], 'unsubscribed');
  assert.equal(
    (await w.cli('send', '-p', 'daily', '--date', '2026-11-21')).code,
    1,
    'an empty day is not sent',
  );
  const next = await w.cli('send', '-p', 'daily', '--date', DATE, '--resume', '--json');
  const report = JSON.parse(next.stdout) as { sent: string[]; earlier: Record<string, number> };
  assert.deepEqual([report.sent, report.earlier.sent], [[], 1], 'cal had it; bea is no longer a subscriber');
  assert.equal(sink.editions('bea@example.com').length, 1);
});

test('bounces: a 550 suppresses the address for later sends; `subscribers bounce` does the same later', async () => {
  const dir = tempDir();
  const open = await startSink(dir);
  const w = await workspace(open.port);
  for (const a of ['dan@example.com', 'eli@example.com', 'fox@example.com']) await w.activate(a, open);
  const strict = await startSink(dir, { reject: ['eli@example.com'] });
  w.repoint(strict.port);
  const sent = await w.cli('send', '-p', 'daily', '--date', DATE, '--json');
  assert.equal(sent.code, 0, sent.stderr);
  const report = JSON.parse(sent.stdout) as {
    sent: string[];
    bounced: { recipient: string; detail: string }[];
  };
  assert.deepEqual(report.sent, ['dan@example.com', 'fox@example.com']);
  assert.deepEqual(
    report.bounced.map((b) => b.recipient),
    ['eli@example.com'],
  );
  assert.equal((await listed(w.cli))['eli@example.com'], 'bounced');
  const later = await w.cli(
    'subscribers',
    'bounce',
    'FOX@example.com',
    '--reason',
    'mailbox full for 30 days',
  );
  assert.match(
    later.stdout,
    /^FOX@example\.com: 1 subscription suppressed/,
    'addresses match case-insensitively',
  );
  const next = await w.cli('send', '-p', 'daily', '--date', DATE, '--resume', '--retry-failed', '--json');
  assert.deepEqual(
    (JSON.parse(next.stdout) as { sent: string[] }).sent,
    [],
    'a bounced address is never retried',
  );
  assert.deepEqual(
    strict.editions().map((m) => m.to[0]),
    ['dan@example.com', 'fox@example.com'],
  );
});

test('crash mid-send, then resume: every subscriber has exactly one message; the interrupted one is reported', async () => {
  const dir = tempDir();
  const open = await startSink(dir);
  const w = await workspace(open.port);
  const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p) => `${p}@example.com`);
  for (const p of people) await w.activate(p, open);
  // The third message is taken by the server, whose reply never comes: the sender is killed waiting.
  const slow = await startSink(dir, { delayMs: 150, hangAt: 3 });
  w.repoint(slow.port);
  const child = spawn(process.execPath, [BIN, 'send', '-p', 'daily', '--date', DATE], {
    cwd: w.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...w.env },
    stdio: 'ignore',
  });
  cleanup.push(() => stopChild(child));
  while (slow.editions().length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(slow.editions().length, 3);
  const again = await w.cli('send', '-p', 'daily', '--date', DATE);
  assert.equal(again.code, 2, 'a plain re-run refuses: the edition was already mailed');
  assert.match(again.stderr, /already mailed \(2 sent, 0 skipped, 0 failed, 1 interrupted\); --resume/);
  const resumed = await w.cli('send', '-p', 'daily', '--date', DATE, '--resume');
  assert.equal(resumed.code, 3, resumed.stderr);
  assert.match(
    resumed.stdout,
    /3 sent, 0 skipped \(nothing matched\), 0 bounced, 0 failed, 1 interrupted; earlier runs: 2 sent/,
  );
  assert.match(resumed.stdout, /interrupted p3@example\.com: possibly delivered, so not sent again/);
  for (const p of people) assert.equal(slow.editions(p).length, 1, `${p}: exactly one message`);
  const ids = new Set(slow.editions().map((m) => header(readMime(m.raw), 'message-id')));
  assert.equal(ids.size, people.length, 'one Message-ID per recipient');
});
