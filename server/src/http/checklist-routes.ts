// The guided-capture checklist state of a case, for its customer (join token) and its assessor.
// Photos are filed under an item through the evidence upload (`checklistItem`).
import express from 'express';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { Auth } from './auth.ts';

export function checklistRoutes(deps: { auth: Auth; checklist: ChecklistService }): express.Router {
  const router = express.Router();
  /** `?language=`: the customer page's language for the titles (the case's message language when absent). */
  router.get('/cases/:id/checklist', async (req, res) => {
    const language = typeof req.query.language === 'string' ? req.query.language : undefined;
    res.json(await deps.checklist.view(await deps.auth.requirePrincipal(req), req.params.id, language));
  });
  return router;
}
