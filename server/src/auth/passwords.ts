// Password hashing with scrypt (node:crypto). Stored as `scrypt$N$r$p$salt$hash`, base64url parts.
import crypto from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/**
 * What a login checks against when there is no usable hash (unknown email, disabled user, no password):
 * a real hash with today's parameters, so the refusal costs the same scrypt work as a wrong password
 * and its timing does not tell which emails exist. Nobody knows a password for it, and it never passes.
 */
const NO_ACCOUNT = 'scrypt$32768$8$1$mDN7ND1OLIC0vMXOF5kDEw$hTexrE4_QdAhTNY62zoeomN0WDjQv-Hq6N9Mr_bzEb0';

// Looked up on the module at each call (not bound once), so a test can count the scrypt work done.
const scrypt = (password: string, salt: Buffer, length: number, options: crypto.ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; with no usable `stored`, does the same work and answers false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parseHash(stored);
  const { n, r, p, salt, hash } = parsed ?? (parseHash(NO_ACCOUNT) as ParsedHash);
  const key = await scrypt(password.normalize('NFKC'), salt, hash.length, { N: n, r, p, maxmem: PARAMS.maxmem });
  return crypto.timingSafeEqual(key, hash) && parsed !== null;
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string | null): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || rest.length > 0) return null;
  const parsed = { n: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
  const sane = [parsed.n, parsed.r, parsed.p].every((v) => Number.isSafeInteger(v) && v > 0) && parsed.hash.length >= 16;
  return sane ? parsed : null;
}

/** A random password for the first admin, readable enough to type once. */
export function generatePassword(): string {
  return crypto.randomBytes(15).toString('base64url');
}
