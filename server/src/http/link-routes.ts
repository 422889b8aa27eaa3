// A case's join link after issue, for its assessor: shown again (without revoking it), sent by email
// or SMS, and the sends listed.
import express from 'express';
import type { Request } from 'express';
import { SendLinkBody } from '../../../protocol/http.ts';
import type { LinkService } from '../links/link-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function linkRoutes(deps: { auth: Auth; links: LinkService; joinBase: (req: Request) => string }): express.Router {
  const { auth, links } = deps;
  const router = express.Router();

  router.get('/cases/:id/join-link', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json(await links.show(user, req.params.id, deps.joinBase(req)));
  });

  router.post('/cases/:id/join-link/send', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(SendLinkBody, req.body);
    res.status(201).json(await links.send(user, req.params.id, body, deps.joinBase(req)));
  });

  router.get('/cases/:id/join-link/sends', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ sends: await links.sends(user, req.params.id) });
  });

  return router;
}
