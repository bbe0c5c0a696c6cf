// Invitations: an admin makes a single-use, expiring, role-bound link; whoever opens it picks a
// handle and password, once. The link holds the token; the store keeps only its SHA-256.

import type { Invite, Role, User } from '../store/store.ts';
import { later, type WebContext } from './context.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { AccountError, insertUser, isRole, newUserRecord } from './users.ts';

export interface NewInvite {
  token: string;
  url: string;
  role: Role;
  expiresAt: string;
}

export async function createInvite(
  ctx: WebContext,
  role: Role,
  by: User | null,
  ttlMs: number = ctx.settings.inviteTtlMs,
): Promise<NewInvite> {
  if (!isRole(role)) throw new AccountError(`role "${role}": not a role`);
  if (!(ttlMs > 0) || ttlMs > 30 * 86_400_000)
    throw new AccountError('an invite lasts from a minute to 30 days');
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = later(now, ttlMs);
  await ctx.store.createInvite({
    tokenHash: hashSecret(token),
    role,
    createdBy: by?.id ?? null,
    createdAt: now.toISOString(),
    expiresAt,
    usedAt: null,
    usedBy: null,
  });
  return { token, url: inviteUrl(ctx, token), role, expiresAt };
}

export function inviteUrl(ctx: WebContext, token: string): string {
  return new URL(`/invite/${token}`, ctx.settings.publicUrl).href;
}

/** The invite a link's token names while it can still be used, or null. */
export async function usableInvite(ctx: WebContext, token: string): Promise<Invite | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const invite = await ctx.store.findInvite(hashSecret(token));
  if (!invite || invite.usedAt || invite.expiresAt <= ctx.now().toISOString()) return null;
  return invite;
}

/** Create the invited user and use the invite up, in one transaction: two people racing get one account. */
export async function acceptInvite(
  ctx: WebContext,
  token: string,
  input: { handle: string; password: string; displayName?: string | undefined },
): Promise<User> {
  const invite = await usableInvite(ctx, token);
  if (!invite) throw new AccountError('this invite link was used already, has expired, or is not complete');
  const record = await newUserRecord(ctx, { ...input, role: invite.role });
  return ctx.store.transaction(async (store) => {
    const user = await insertUser(store, record);
    if (!(await store.useInvite(invite.tokenHash, ctx.now().toISOString(), user.id)))
      throw new AccountError('this invite link was used already or has expired');
    return user;
  });
}
