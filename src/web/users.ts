// People: the three roles and their order, what a handle and a display name may be, creating a user
// and changing a password. Shared by the CLI (`ribao user`), the pages and the API.

import type { Role, Store, User } from '../store/store.ts';
import type { WebContext } from './context.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/** Lowest first: each role may do everything the ones before it may. */
export const ROLES = ['contributor', 'editor', 'admin'] as const satisfies readonly Role[];

/** A refusal to show the person who asked: a bad handle, a weak password, a used invite. */
export class AccountError extends Error {}

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

/** True when `role` may do what `needed` may. */
export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The lesser of two roles (a token never acts above its user). */
export function lesser(a: Role, b: Role): Role {
  return atLeast(a, b) ? b : a;
}

const HANDLE = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Handles are login names: lower-case ASCII letters, digits, `.`, `_`, `-`; 2–32 characters. */
export function normalizeHandle(handle: string): string {
  const h = handle.trim().toLowerCase();
  if (!HANDLE.test(h))
    throw new AccountError(
      `handle "${handle}": use 2–32 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  return h;
}

/** A display name is free text (it is escaped wherever shown): one line, at most 80 characters. */
export function normalizeDisplayName(name: string, handle: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').trim();
  if ([...clean].length > 80) throw new AccountError('a display name may have at most 80 characters');
  return clean || handle;
}

export function checkPassword(password: string, handle: string): void {
  const problem = passwordProblem(password, handle);
  if (problem) throw new AccountError(problem);
}

export interface NewUser {
  handle: string;
  role: Role;
  password: string;
  displayName?: string | undefined;
}

/** Check and hash a new user's fields (the slow part, kept outside any transaction). */
export async function newUserRecord(ctx: WebContext, input: NewUser): Promise<Omit<User, 'id'>> {
  const handle = normalizeHandle(input.handle);
  if (!isRole(input.role)) throw new AccountError(`role "${input.role}": expected ${ROLES.join(', ')}`);
  const displayName = normalizeDisplayName(input.displayName ?? '', handle);
  checkPassword(input.password, handle);
  const at = ctx.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  return {
    handle,
    displayName,
    role: input.role,
    passwordHash,
    disabledAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Store a checked user; a taken handle is refused. */
export async function insertUser(store: Store, user: Omit<User, 'id'>): Promise<User> {
  if (await store.findUser({ handle: user.handle }))
    throw new AccountError(`handle "${user.handle}" is taken`);
  return { ...user, id: await store.createUser(user) };
}

export async function createUser(ctx: WebContext, input: NewUser): Promise<User> {
  return insertUser(ctx.store, await newUserRecord(ctx, input));
}

/** Set a new password and end every session of the user (the caller signs the current one in again). */
export async function setPassword(ctx: WebContext, user: User, password: string): Promise<void> {
  checkPassword(password, user.handle);
  const passwordHash = await hashPassword(password);
  await ctx.store.updateUser(user.id, { passwordHash, updatedAt: ctx.now().toISOString() });
  await ctx.store.deleteSessions({ userId: user.id });
}

/** Disable (or enable again) an account; disabling ends its sessions at once, its tokens stop working. */
export async function setDisabled(ctx: WebContext, handle: string, disabled: boolean): Promise<User> {
  const user = await ctx.store.findUser({ handle: normalizeHandle(handle) });
  if (!user) throw new AccountError(`no user "${handle}"`);
  const at = ctx.now().toISOString();
  const disabledAt = disabled ? (user.disabledAt ?? at) : null;
  await ctx.store.updateUser(user.id, { disabledAt, updatedAt: at });
  if (disabled) await ctx.store.deleteSessions({ userId: user.id });
  return { ...user, disabledAt, updatedAt: at };
}

/** A user as the API shows it: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
  };
}
