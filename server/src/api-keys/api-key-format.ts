// What an API key looks like and how it is checked: `slk_<prefix>_<secret>`, base62 throughout so it
// survives copy and paste, headers and shells. Only its SHA-256 is stored; the prefix finds the row.
import crypto from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const PREFIX_LENGTH = 8;
/** 43 base62 characters: 256 bits of secret. */
export const SECRET_LENGTH = 43;
const KEY_SHAPE = new RegExp(`^slk_([A-Za-z0-9]{${PREFIX_LENGTH}})_([A-Za-z0-9]{${SECRET_LENGTH}})$`);

/** Uniform base62: bytes of 248 and up are dropped, so each character is equally likely (248 = 4 × 62). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBase62(PREFIX_LENGTH);
  const key = `slk_${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix, hash: apiKeyHash(key) };
}

/** The prefix of a well-formed key; null for anything else (a join token, a typo, a truncated paste). */
export function apiKeyPrefix(key: string): string | null {
  return KEY_SHAPE.exec(key)?.[1] ?? null;
}

/** Whether a Bearer token is meant as an API key, well-formed or not. */
export const looksLikeApiKey = (token: string): boolean => token.startsWith('slk_');

export function apiKeyHash(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares a presented key with a stored hash in time that does not depend on where they differ. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(apiKeyHash(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && crypto.timingSafeEqual(presented, stored);
}
