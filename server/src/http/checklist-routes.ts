// The guided-capture checklist state of a case, for its customer (join token) and its assessor.
// Photos are filed under an item through the evidence upload (`checklistItem`).
import express from 'express';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { Auth } from './auth.ts';

export function checklistRoutes(deps: { auth: Auth; checklist: ChecklistService }): express.Router {
  const router = express.Router();
  router.get('/cases/:id/checklist', (req, res) => {
    res.json(deps.checklist.view(deps.auth.requirePrincipal(req), req.params.id));
  });
  return router;
}
