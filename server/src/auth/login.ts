// Checking a login. Every way it can fail without the right password (unknown email, no password,
// wrong password) gives the same answer after the same scrypt work, so neither the answer nor its time
// tells which emails have an account. Only the holder of the right password learns that the account
// is disabled: that tells them nothing they could not ask an administrator.
import type { User } from '../../../protocol/http.ts';
import { verifyPassword } from './passwords.ts';
import type { UserStore } from './user-store.ts';

export type LoginCheck = { outcome: 'ok'; user: User } | { outcome: 'refused' } | { outcome: 'disabled' };

export async function checkLogin(users: UserStore, email: string, password: string): Promise<LoginCheck> {
  const found = await users.byEmail(email);
  const usableHash = found && found.passwordHash !== '' ? found.passwordHash : null;
  // Always awaited, also with no usable hash: that is the work an unknown email must cost too.
  const ok = await verifyPassword(password, usableHash);
  if (!found || !usableHash || !ok) return { outcome: 'refused' };
  if (found.disabled) return { outcome: 'disabled' };
  const { passwordHash: _hash, disabled: _disabled, ...user } = found;
  return { outcome: 'ok', user };
}
