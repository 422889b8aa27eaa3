// Random bearer secrets (session ids, join tokens): 256 bits, stored only as their sha-256.
import crypto from 'node:crypto';

export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Short random ids for rows (128 bits). */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(16).toString('base64url')}`;
}
