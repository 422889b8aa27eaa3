// Issuing, listing, revoking and checking API keys: the only credential of the read API (/api/v1).
// A key is shown once, when made; afterwards only its prefix is known to anyone, the server included.
import type { ApiKeyCreated, ApiKeyScope, ApiKeyView, CreateApiKeyBody } from '../../../protocol/read-api.ts';
import { newId } from '../auth/tokens.ts';
import { HttpError, notFound } from '../errors.ts';
import { apiKeyMatches, apiKeyPrefix, newApiKey } from './api-key-format.ts';
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store.ts';

/** A key's last use is written at most this often: a busy key costs one write a minute, not one a request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** A hash no key has, compared against when the prefix is unknown, so that answer takes as long as a wrong secret. */
const NO_KEY_HASH = '0'.repeat(64);

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

const view = ({ keyHash: _hash, ...rest }: ApiKeyRecord): ApiKeyView => rest;

export function createApiKeyService(deps: { store: ApiKeyStore; clock: () => Date }) {
  const { store, clock } = deps;
  return {
    async create(body: CreateApiKeyBody, createdBy: string): Promise<ApiKeyCreated> {
      const { key, prefix, hash } = newApiKey();
      const record: ApiKeyRecord = {
        id: newId('key'), name: body.name, prefix, keyHash: hash, scopes: body.scopes,
        createdBy, createdAt: clock().toISOString(), lastUsedAt: null, revokedAt: null,
      };
      await store.insert(record);
      return { apiKey: view(record), key };
    },

    list: async (): Promise<ApiKeyView[]> => (await store.list()).map(view),

    /** Revoking a revoked key changes nothing and answers it as it is. */
    async revoke(id: string): Promise<ApiKeyView> {
      await store.revoke(id, clock().toISOString());
      const record = await store.byId(id);
      if (!record) throw notFound('apiKey');
      return view(record);
    },

    /**
     * The key a Bearer token is, if it is one in force that holds `scope`: 401 for anything that is not
     * such a key (malformed, unknown, wrong secret, revoked), 403 naming the scope it lacks.
     */
    async authenticate(token: string, scope: ApiKeyScope): Promise<ApiKeyView> {
      const prefix = apiKeyPrefix(token);
      if (!prefix) throw new HttpError(401, 'invalid_api_key', 'the Bearer token is not an API key (slk_<prefix>_<secret>)');
      const record = await store.byPrefix(prefix);
      if (!apiKeyMatches(token, record?.keyHash ?? NO_KEY_HASH) || !record) throw new HttpError(401, 'invalid_api_key', 'this API key is not known');
      if (record.revokedAt) throw new HttpError(401, 'api_key_revoked', `this API key was revoked at ${record.revokedAt}`);
      if (!record.scopes.includes(scope)) throw new HttpError(403, 'insufficient_scope', `this API key lacks the scope ${scope}`);
      const now = clock();
      if (!record.lastUsedAt || Date.parse(record.lastUsedAt) <= now.getTime() - LAST_USED_RESOLUTION_MS) {
        await store.touch(record.id, now.toISOString(), new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString());
      }
      return view(record);
    },
  };
}
