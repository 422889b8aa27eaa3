// Receipt codes, as pure functions. A receipt code is 12 characters of Crockford
// base32 (60 random bits) grouped 4-4-4, read back forgivingly: case, dashes, spaces, O for 0, I/L for 1.
import crypto from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReceiptCode(): string {
  let raw = '';
  for (let i = 0; i < 12; i++) raw += CROCKFORD[crypto.randomInt(CROCKFORD.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The stored form of a typed code, or null when it cannot be one (wrong length or letters). */
export function normaliseReceiptCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== 12 || [...raw].some((c) => !CROCKFORD.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
