// Users and their login sessions.
import type { Role, User } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import { newId, newSecret, secretHash } from './tokens.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: string | null;
}

export interface UserStore {
  create(input: { email: string; name: string; role: Role; passwordHash: string }): User;
  /** With what a login checks: the stored hash ('' when the user has none) and whether the user is disabled. */
  byEmail(email: string): (User & { passwordHash: string; disabled: boolean }) | null;
  byId(id: string): User | null;
  list(): User[];
  count(): number;
  startSession(userId: string, ttlMs: number): { sessionId: string; expiresAt: Date };
  /** The session's user, while the session is unexpired and the user not disabled. */
  userForSession(sessionId: string): User | null;
  endSession(sessionId: string): void;
  /** Disabling also ends every session of the user. Null when there is no such user. */
  setDisabled(userId: string, disabled: boolean): User | null;
  /** When the user was disabled; null while enabled, undefined when there is no such user. */
  disabledAt(userId: string): string | null | undefined;
  /** Every user with when each was disabled, for the admin's users page. */
  listWithStatus(): (User & { disabledAt: string | null })[];
  /** Replaces the password and ends every session of the user. Null when there is no such user. */
  setPassword(userId: string, passwordHash: string): User | null;
}

export function createUserStore(db: Db, clock: () => Date): UserStore {
  const toUser = (row: UserRow): User => ({ id: row.id, email: row.email, name: row.name, role: row.role });
  const byIdStmt = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byEmailStmt = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const sessionStmt = db.prepare<[string, string], UserRow>(
    'SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.id_hash = ? AND sessions.expires_at > ? AND users.disabled_at IS NULL',
  );
  return {
    create(input) {
      const user: User = { id: newId('usr'), email: input.email, name: input.name, role: input.role };
      db.prepare('INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        user.id, user.email, user.name, user.role, input.passwordHash, clock().toISOString(),
      );
      return user;
    },
    byEmail(email) {
      const row = byEmailStmt.get(email);
      return row ? { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
    },
    byId(id) {
      const row = byIdStmt.get(id);
      return row ? toUser(row) : null;
    },
    list: () => db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at').all().map(toUser),
    count: () => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
    startSession(userId, ttlMs) {
      const sessionId = newSecret();
      const now = clock();
      const expiresAt = new Date(now.getTime() + ttlMs);
      db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
      db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
        secretHash(sessionId), userId, now.toISOString(), expiresAt.toISOString(),
      );
      return { sessionId, expiresAt };
    },
    userForSession(sessionId) {
      const row = sessionStmt.get(secretHash(sessionId), clock().toISOString());
      return row ? toUser(row) : null;
    },
    endSession(sessionId) {
      db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(secretHash(sessionId));
    },
    setDisabled(userId, disabled) {
      db.transaction(() => {
        db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabled ? clock().toISOString() : null, userId);
        if (disabled) db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
      }).immediate();
      const row = byIdStmt.get(userId);
      return row ? toUser(row) : null;
    },
    disabledAt(userId) {
      const row = byIdStmt.get(userId);
      return row ? row.disabled_at : undefined;
    },
    listWithStatus: () =>
      db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at').all().map((row) => ({ ...toUser(row), disabledAt: row.disabled_at })),
    setPassword(userId, passwordHash) {
      db.transaction(() => {
        db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
        db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
      }).immediate();
      const row = byIdStmt.get(userId);
      return row ? toUser(row) : null;
    },
  };
}
