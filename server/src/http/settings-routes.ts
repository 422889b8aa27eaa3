// The organisation's settings (issue 15): every staff user reads them (the offer form says what an
// offer needs); only an admin changes them.
import express from 'express';
import { OrgSettingsPatch } from '../../../protocol/settings.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function settingsRoutes(deps: { auth: Auth; settings: SettingsStore; clock: () => Date }): express.Router {
  const { auth, settings } = deps;
  const router = express.Router();

  router.get('/admin/settings', async (req, res) => {
    await auth.requireUser(req);
    res.set('Cache-Control', 'no-store').json(await settings.get());
  });

  router.put('/admin/settings', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    const patch = parseInput(OrgSettingsPatch, req.body, 'settings');
    res.json(await settings.update(patch, admin.id, deps.clock().toISOString()));
  });

  return router;
}
