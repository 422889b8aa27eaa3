// The first admin: from SIGHTLINE_ADMIN_EMAIL/PASSWORD, or generated and shown once on first start.
import { generatePassword, hashPassword } from './passwords.ts';
import type { UserStore } from './user-store.ts';

export async function ensureFirstAdmin(
  users: UserStore,
  configured: { email: string; password: string } | null,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  if (await users.count() > 0) return null;
  const email = configured?.email ?? 'admin@sightline.local';
  const password = configured?.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  // Another instance starting on the same database may have made the first admin meanwhile.
  const created = await users.createFirst({ email, name: 'Administrator', role: 'admin', passwordHash });
  return created ? { email, password, generated: configured === null } : null;
}
