// The admin's API keys: create one (shown once), list them (never the key), revoke one (refused at once everywhere).
import express from 'express';
import { CreateApiKeyBody, type ApiKeyCreated, type ApiKeyList } from '../../../protocol/read-api.ts';
import type { ApiKeyService } from '../api-keys/api-key-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function apiKeyRoutes(deps: { auth: Auth; apiKeys: ApiKeyService }): express.Router {
  const { auth, apiKeys } = deps;
  const router = express.Router();

  router.get('/admin/api-keys', async (req, res) => {
    await auth.requireAdmin(req);
    const list: ApiKeyList = { apiKeys: await apiKeys.list() };
    res.set('Cache-Control', 'no-store').json(list);
  });

  router.post('/admin/api-keys', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    const body = parseInput(CreateApiKeyBody, req.body);
    const created: ApiKeyCreated = await apiKeys.create(body, admin.id);
    res.status(201).set('Cache-Control', 'no-store').json(created);
  });

  router.delete('/admin/api-keys/:id', async (req, res) => {
    await auth.requireAdmin(req);
    res.json({ apiKey: await apiKeys.revoke(req.params.id) });
  });

  return router;
}
