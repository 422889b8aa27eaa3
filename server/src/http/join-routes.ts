// Customer-facing routes, authorised by the join token (`Authorization: Bearer <token>`).
import express from 'express';
import { ConsentBody } from '../../../protocol/http.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { LinkService } from '../links/link-service.ts';
import type { Auth } from './auth.ts';
import type { PeerCredentials } from './peer-credentials.ts';
import { parseInput } from './validate.ts';

export function joinRoutes(deps: { auth: Auth; cases: CaseService; links: LinkService; peers: PeerCredentials }): express.Router {
  const { auth, cases } = deps;
  const router = express.Router();

  router.get('/join', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    await deps.links.opened(customer);
    res.json(await cases.joinView(customer));
  });

  router.post('/join/decline', async (req, res) => {
    await deps.links.decline(await auth.requireCustomer(req));
    res.status(204).end();
  });

  router.post('/join/consent', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(ConsentBody, req.body);
    await cases.authorizeWrite(customer, customer.caseId);
    res.json(await cases.consent(customer, body));
  });

  router.post('/join/peer', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    if (!customer.consented) throw new HttpError(403, 'consent_required', text('consent.required'));
    await cases.authorizeWrite(customer, customer.caseId);
    res.json(deps.peers.mint(customer.caseId, 'customer', customer.tokenId));
  });

  return router;
}
