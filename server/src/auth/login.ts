// Checking a login. Every way it can fail (unknown email, disabled user, no password, wrong password)
// gives the same answer after the same scrypt work, so neither the answer nor its time tells which
// emails have an account.
import type { User } from '../../../protocol/http.ts';
import { verifyPassword } from './passwords.ts';
import type { UserStore } from './user-store.ts';

export async function checkLogin(users: UserStore, email: string, password: string): Promise<User | null> {
  const found = users.byEmail(email);
  const usableHash = found && !found.disabled && found.passwordHash !== '' ? found.passwordHash : null;
  // Always awaited, also with no usable hash: that is the work an unknown email must cost too.
  const ok = await verifyPassword(password, usableHash);
  if (!found || !usableHash || !ok) return null;
  const { passwordHash: _hash, disabled: _disabled, ...user } = found;
  return user;
}
