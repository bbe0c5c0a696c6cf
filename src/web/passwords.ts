// Password hashing: scrypt (memory-hard) with a per-user random salt, encoded in the PHC string
// format so the parameters travel with each hash and can be raised later. Knows nothing of users.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The cost of one hash. scrypt needs 128·N·r bytes: N=2^15, r=8 is 32 MiB and about 75 ms on one
 * server core — memory-hard enough that a GPU or ASIC guesses slowly, and cheap enough that the four
 * threads of Node's pool (four logins at once) stay within 128 MiB on a small server. p=1: one lane;
 * the pool already runs logins in parallel. OWASP's stronger 2^17 costs 128 MiB and ~300 ms per login;
 * raise `ln` here and every account is rehashed at its next login (needsRehash).
 */
export interface ScryptParams {
  /** log2(N), the CPU/memory cost. */
  ln: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

export const CURRENT: ScryptParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

/** Why a new password is refused, or null. Length only (NIST 800-63B): no composition rules. */
export function passwordProblem(password: string, handle = ''): string | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN) return `a password needs at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `a password may have at most ${PASSWORD_MAX} characters`;
  if (handle && password.toLowerCase() === handle.toLowerCase()) return 'the password may not be the handle';
  return null;
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** True when `password` matches `encoded`; false for a mismatch or a hash this module cannot read. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than today's: hash again after a good login. */
export function needsRehash(encoded: string, params: ScryptParams = CURRENT): boolean {
  const parsed = parse(encoded);
  return (
    !parsed || parsed.params.ln !== params.ln || parsed.params.r !== params.r || parsed.params.p !== params.p
  );
}

let dummy: Promise<string> | undefined;

/** Spend the time a real check takes (an unknown handle must not answer faster than a known one). */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword('ribao-dummy-password-never-matches');
  await verifyPassword(password, await dummy);
  return false;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function parse(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
    encoded,
  );
  if (!match) return null;
  const [ln, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (ln < 10 || ln > 22 || r < 1 || p < 1) return null;
  const salt = Buffer.from(match[4] as string, 'base64');
  const key = Buffer.from(match[5] as string, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { ln, r, p }, salt, key };
}

/** PHC strings use standard base64 without padding. */
function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
