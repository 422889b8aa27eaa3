// Users and their login sessions.
import type { Role, User } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { UsersTable } from '../storage/schema.ts';
import { newId, newSecret, secretHash } from './tokens.ts';

type NewUser = { email: string; name: string; role: Role; passwordHash: string };

export interface UserStore {
  create(input: NewUser): Promise<User>;
  /** Creates the user only while there is no user at all (instances starting together make one); null otherwise. */
  createFirst(input: NewUser): Promise<User | null>;
  /** With what a login checks: the stored hash ('' when the user has none) and whether the user is disabled. */
  byEmail(email: string): Promise<(User & { passwordHash: string; disabled: boolean }) | null>;
  byId(id: string): Promise<User | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  startSession(userId: string, ttlMs: number): Promise<{ sessionId: string; expiresAt: Date }>;
  /** The session's user, while the session is unexpired and the user not disabled. */
  userForSession(sessionId: string): Promise<User | null>;
  /** When a session ends by itself (ISO time); null when there is no such session. */
  sessionExpiresAt(sessionId: string): Promise<string | null>;
  endSession(sessionId: string): Promise<void>;
  /** Disabling also ends every session of the user. Null when there is no such user. */
  setDisabled(userId: string, disabled: boolean): Promise<User | null>;
  /** When the user was disabled; null while enabled, undefined when there is no such user. */
  disabledAt(userId: string): Promise<string | null | undefined>;
  /** Every user with when each was disabled, for the admin's users page. */
  listWithStatus(): Promise<(User & { disabledAt: string | null })[]>;
  /** Replaces the password and ends every session of the user. Null when there is no such user. */
  setPassword(userId: string, passwordHash: string): Promise<User | null>;
  /** The user's console language (BCP 47); null: the browser's; undefined when there is no such user. */
  languageOf(userId: string): Promise<string | null | undefined>;
  /** Sets (or with null clears) the user's console language. False when there is no such user. */
  setLanguage(userId: string, language: string | null): Promise<boolean>;
}

export function createUserStore(db: Db, clock: () => Date): UserStore {
  const toUser = (row: UsersTable): User => ({ id: row.id, email: row.email, name: row.name, role: row.role as Role });
  const rowById = (id: string): Promise<UsersTable | undefined> => db.q().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  const userById = async (id: string): Promise<User | null> => {
    const row = await rowById(id);
    return row ? toUser(row) : null;
  };
  const count = async (): Promise<number> => {
    const row = await db.q().selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const create = async (input: NewUser): Promise<User> => {
    const user: User = { id: newId('usr'), email: input.email, name: input.name, role: input.role };
    await db.q().insertInto('users').values({
      id: user.id, email: user.email, name: user.name, role: user.role, password_hash: input.passwordHash, created_at: clock().toISOString(),
    }).execute();
    return user;
  };
  const all = (): Promise<UsersTable[]> => db.q().selectFrom('users').selectAll().orderBy('created_at').execute();

  return {
    create,
    createFirst: (input) => db.transaction(async () => {
      await db.lockInTransaction('users:first');
      return await count() > 0 ? null : create(input);
    }),
    async byEmail(email) {
      const row = await db.q().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? { ...toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
    },
    byId: userById,
    list: async () => (await all()).map(toUser),
    count,
    async startSession(userId, ttlMs) {
      const sessionId = newSecret();
      const now = clock();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db.transaction(async () => {
        await db.q().deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
        await db.q().insertInto('sessions').values({
          id_hash: secretHash(sessionId), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(),
        }).execute();
      });
      return { sessionId, expiresAt };
    },
    async userForSession(sessionId) {
      const row = await db.q().selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.id_hash', '=', secretHash(sessionId))
        .where('sessions.expires_at', '>', clock().toISOString())
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async sessionExpiresAt(sessionId) {
      const row = await db.q().selectFrom('sessions').select('expires_at').where('id_hash', '=', secretHash(sessionId)).executeTakeFirst();
      return row?.expires_at ?? null;
    },
    async endSession(sessionId) {
      await db.q().deleteFrom('sessions').where('id_hash', '=', secretHash(sessionId)).execute();
    },
    setDisabled: (userId, disabled) => db.transaction(async () => {
      await db.q().updateTable('users').set({ disabled_at: disabled ? clock().toISOString() : null }).where('id', '=', userId).execute();
      if (disabled) await db.q().deleteFrom('sessions').where('user_id', '=', userId).execute();
      return userById(userId);
    }),
    async disabledAt(userId) {
      const row = await rowById(userId);
      return row ? row.disabled_at : undefined;
    },
    listWithStatus: async () => (await all()).map((row) => ({ ...toUser(row), disabledAt: row.disabled_at })),
    setPassword: (userId, passwordHash) => db.transaction(async () => {
      await db.q().updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
      await db.q().deleteFrom('sessions').where('user_id', '=', userId).execute();
      return userById(userId);
    }),
    async languageOf(userId) {
      const row = await rowById(userId);
      return row ? row.language : undefined;
    },
    async setLanguage(userId, language) {
      const result = await db.q().updateTable('users').set({ language }).where('id', '=', userId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
