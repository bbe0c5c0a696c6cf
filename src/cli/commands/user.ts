// `ribao user`: the web app's accounts from the command line — add (the first admin), list, invite,
// token, disable/enable. Passwords come from a prompt or stdin, never argv; secrets print once.

import { UsageError } from '../../errors.ts';
import { webContext } from '../../web/context.ts';
import { createInvite } from '../../web/invites.ts';
import { createApiToken } from '../../web/tokens.ts';
import { AccountError, createUser, isRole, normalizeHandle, ROLES, setDisabled } from '../../web/users.ts';
import type { CliContext, Command } from '../command.ts';

const ACTIONS = ['add', 'list', 'invite', 'token', 'disable', 'enable'] as const;

export default {
  summary: 'web app accounts: add (the first admin), list, invite, token, disable',
  usage: `ribao user add HANDLE --role admin|editor|contributor [--display-name NAME] [--password-stdin]
       ribao user list [--json]
       ribao user invite --role R [--days N]            (prints a single-use invite link)
       ribao user token HANDLE --name N [--role R]      (prints an API token, once)
       ribao user disable|enable HANDLE
       (the password is asked for on the terminal, or read from stdin with --password-stdin)`,
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    name: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values, positionals }) {
    const [action, ...rest] = positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw new UsageError(`expected an action: ${ACTIONS.join(', ')}`);
    const config = await ctx.config();
    const web = webContext(await ctx.store(), ctx.log, { settings: { publicUrl: config.site.baseUrl } });
    const role = values.role === undefined ? undefined : String(values.role);
    if (role !== undefined && !isRole(role))
      throw new UsageError(`--role ${role}: expected ${ROLES.join(', ')}`);
    const handle = () => {
      if (rest.length !== 1) throw new UsageError(`${action} takes one HANDLE`);
      return rest[0] as string;
    };
    try {
      switch (action) {
        case 'add': {
          if (!role) throw new UsageError('add needs --role admin|editor|contributor');
          const name = handle();
          normalizeHandle(name);
          const password = await readPassword(values['password-stdin'] === true);
          const user = await createUser(web, {
            handle: name,
            role,
            password,
            displayName: values['display-name'] as string | undefined,
          });
          ctx.stdout.write(`added ${user.handle} (${user.role})\n`);
          return 0;
        }
        case 'list':
          return await list(ctx, web.store, values.json === true);
        case 'invite': {
          if (!role) throw new UsageError('invite needs --role admin|editor|contributor');
          const days = values.days === undefined ? 7 : Number(values.days);
          if (!(days > 0 && days <= 30)) throw new UsageError(`--days ${values.days}: expected 1 to 30`);
          const invite = await createInvite(web, role, null, days * 86_400_000);
          ctx.stdout.write(`${invite.url}\n`);
          ctx.log.info(`single-use ${invite.role} invite, valid until ${invite.expiresAt}`);
          return 0;
        }
        case 'token': {
          if (typeof values.name !== 'string')
            throw new UsageError('token needs --name (what the token is for)');
          const user = await web.store.findUser({ handle: normalizeHandle(handle()) });
          if (!user) throw new UsageError(`no user "${handle()}" (see: ribao user list)`);
          if (user.disabledAt) throw new UsageError(`${user.handle} is disabled`);
          const made = await createApiToken(web, user, values.name, role ?? user.role);
          ctx.stdout.write(`${made.token}\n`);
          ctx.log.info(
            `${made.record.role} token "${made.record.name}" for ${user.handle}; it is shown this once`,
          );
          return 0;
        }
        default: {
          const user = await setDisabled(web, handle(), action === 'disable');
          ctx.stdout.write(`${user.handle}: ${user.disabledAt ? 'disabled' : 'enabled'}\n`);
          return 0;
        }
      }
    } catch (error) {
      if (error instanceof AccountError) throw new UsageError(error.message);
      throw error;
    }
  },
} satisfies Command;

async function list(
  ctx: CliContext,
  store: Awaited<ReturnType<CliContext['store']>>,
  json: boolean,
): Promise<number> {
  const users = await store.users();
  if (json) {
    const shown = users.map(({ passwordHash: _, ...u }) => u);
    ctx.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  if (users.length === 0) ctx.log.info('no users yet: ribao user add HANDLE --role admin');
  for (const u of users)
    ctx.stdout.write(
      `${u.handle.padEnd(20)} ${u.role.padEnd(12)} ${u.disabledAt ? 'disabled' : 'active  '} ${u.displayName}\n`,
    );
  return 0;
}

/** The new password: all of stdin (one trailing newline dropped), or asked twice on the terminal. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const password = text.replace(/\r?\n$/, '');
    if (!password) throw new UsageError('--password-stdin: stdin was empty');
    return password;
  }
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for the password on: pipe it in with --password-stdin');
  const first = await askHidden('Password: ');
  const again = await askHidden('Again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

/** Read one line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let line = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return done();
        if (c === '\u0003' || c === '\u0004') return done(new UsageError('cancelled'));
        if (c === '\u007f' || c === '\b') line = [...line].slice(0, -1).join('');
        else line += c;
      }
    };
    input.on('data', onData);
  });
}
