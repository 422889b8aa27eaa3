// The first admin: from SIGHTLINE_ADMIN_EMAIL/PASSWORD, or generated and shown once on first start.
import { generatePassword, hashPassword } from './passwords.ts';
import type { UserStore } from './user-store.ts';

export async function ensureFirstAdmin(
  users: UserStore,
  configured: { email: string; password: string } | null,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  if (users.count() > 0) return null;
  const email = configured?.email ?? 'admin@sightline.local';
  const password = configured?.password ?? generatePassword();
  users.create({ email, name: 'Administrator', role: 'admin', passwordHash: await hashPassword(password) });
  return { email, password, generated: configured === null };
}
