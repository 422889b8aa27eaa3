// The admin's API key calls (/api/admin/api-keys), each answer parsed with its protocol schema.
import { z } from 'zod';
import { ApiKeyCreated, ApiKeyList, ApiKeyView, type CreateApiKeyBody } from '../../../../protocol/read-api.ts';
import { apiFetch } from '../../lib/api.ts';

export const apiKeysApi = {
  list: () => apiFetch('/api/admin/api-keys', ApiKeyList).then((r) => r.apiKeys),
  create: (body: CreateApiKeyBody) => apiFetch('/api/admin/api-keys', ApiKeyCreated, { body }),
  revoke: (id: string) => apiFetch(`/api/admin/api-keys/${encodeURIComponent(id)}`, z.object({ apiKey: ApiKeyView }), { method: 'DELETE' }).then((r) => r.apiKey),
};
