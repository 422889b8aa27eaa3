// A case after creation: correct its details, close, reopen, archive, unarchive, and (admins) assign it.
import express from 'express';
import { AssignCaseBody, CloseCaseBody, UpdateCaseBody } from '../../../protocol/http.ts';
import type { CaseLifecycle } from '../cases/case-lifecycle.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function caseLifecycleRoutes(deps: { auth: Auth; lifecycle: CaseLifecycle }): express.Router {
  const { auth, lifecycle } = deps;
  const router = express.Router();

  router.patch('/cases/:id', (req, res) => {
    const user = auth.requireUser(req);
    res.json({ case: lifecycle.update(user, req.params.id, parseInput(UpdateCaseBody, req.body)) });
  });

  router.post('/cases/:id/close', (req, res) => {
    const user = auth.requireUser(req);
    res.json({ case: lifecycle.close(user, req.params.id, parseInput(CloseCaseBody, req.body)) });
  });

  router.post('/cases/:id/reopen', (req, res) => {
    res.json({ case: lifecycle.reopen(auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/archive', (req, res) => {
    res.json({ case: lifecycle.archive(auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/unarchive', (req, res) => {
    res.json({ case: lifecycle.unarchive(auth.requireUser(req), req.params.id) });
  });

  router.post('/cases/:id/assign', (req, res) => {
    const admin = auth.requireAdmin(req);
    res.json({ case: lifecycle.assign(admin, req.params.id, parseInput(AssignCaseBody, req.body)) });
  });

  return router;
}
