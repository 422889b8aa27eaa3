// A case after creation: correct its details, close, reopen, archive, unarchive, and (admins) assign it.
import express from 'express';
import { AssignCaseBody, CloseCaseBody, UpdateCaseBody } from '../../../protocol/http.ts';
import type { CaseLifecycle } from '../cases/case-lifecycle.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function caseLifecycleRoutes(deps: { auth: Auth; lifecycle: CaseLifecycle }): express.Router {
  const { auth, lifecycle } = deps;
  const router = express.Router();

  router.patch('/cases/:id', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ case: await lifecycle.update(user, req.params.id, parseInput(UpdateCaseBody, req.body)) });
  });

  router.post('/cases/:id/close', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ case: await lifecycle.close(user, req.params.id, parseInput(CloseCaseBody, req.body)) });
  });

  router.post('/cases/:id/reopen', async (req, res) => {
    res.json({ case: await lifecycle.reopen(await auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/archive', async (req, res) => {
    res.json({ case: await lifecycle.archive(await auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/unarchive', async (req, res) => {
    res.json({ case: await lifecycle.unarchive(await auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/assign', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    res.json({ case: await lifecycle.assign(admin, req.params.id, parseInput(AssignCaseBody, req.body)) });
  });

  return router;
}
