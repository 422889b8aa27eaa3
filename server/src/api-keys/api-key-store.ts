// API key rows: the hash and prefix of each key, never the key. Read on every request, so a revocation
// made on one instance is refused by every other at its next request.
import type { Selectable } from 'kysely';
import { ApiKeyScope, type ApiKeyView } from '../../../protocol/read-api.ts';
import type { Db } from '../storage/database.ts';
import type { ApiKeysTable } from '../storage/schema.ts';

export interface ApiKeyRecord extends ApiKeyView {
  keyHash: string;
}

export interface ApiKeyStore {
  insert(record: ApiKeyRecord): Promise<void>;
  byId(id: string): Promise<ApiKeyRecord | null>;
  byPrefix(prefix: string): Promise<ApiKeyRecord | null>;
  /** Newest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked unless it already is; answers whether this call revoked it. */
  revoke(id: string, at: string): Promise<boolean>;
  /** Stamps a use, unless one was stamped after `unlessSince` (at most one write a minute per key). */
  touch(id: string, at: string, unlessSince: string): Promise<void>;
}

const fromRow = (row: Selectable<ApiKeysTable>): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  keyHash: row.key_hash,
  // A scope an older or newer server wrote that this one does not know grants nothing here.
  scopes: (JSON.parse(row.scopes) as unknown[]).flatMap((s) => (ApiKeyScope.safeParse(s).success ? [s as ApiKeyScope] : [])),
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export function createApiKeyStore(db: Db): ApiKeyStore {
  const keys = () => db.q().selectFrom('api_keys').selectAll();
  return {
    async insert(r) {
      await db.q().insertInto('api_keys').values({
        id: r.id, name: r.name, prefix: r.prefix, key_hash: r.keyHash, scopes: JSON.stringify(r.scopes),
        created_by: r.createdBy, created_at: r.createdAt, last_used_at: r.lastUsedAt, revoked_at: r.revokedAt,
      }).execute();
    },
    byId: async (id) => {
      const row = await keys().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    byPrefix: async (prefix) => {
      const row = await keys().where('prefix', '=', prefix).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    list: async () => (await keys().orderBy('created_at', 'desc').orderBy('id').execute()).map(fromRow),
    async revoke(id, at) {
      const result = await db.q().updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async touch(id, at, unlessSince) {
      await db.q().updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', unlessSince)]))
        .execute();
    },
  };
}
