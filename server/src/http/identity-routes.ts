// Identity checks (issue 15): the assessor asks, lists, decides or withdraws; the customer (join token) reads
// the open check, confirms its one-time code when one is asked, and submits the three live captures.
import express from 'express';
import { IdentityCancelBody, IdentityCodeBody, IdentityDecisionBody, IdentityRequestBody, IdentitySubmitBody } from '../../../protocol/identity-http.ts';
import { text } from '../errors.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { Auth } from './auth.ts';
import { tenMinuteLimit, type LimitStores } from './ten-minute-limit.ts';
import { parseInput } from './validate.ts';

/** Identity codes a client address may have sent per ten minutes (a refused request is not counted), as for offer codes. */
export const IDENTITY_CODES_PER_ADDRESS = 20;

export function identityRoutes(deps: { auth: Auth; identity: IdentityService; limitStore?: LimitStores; codesPerAddress?: number }): express.Router {
  const { auth, identity } = deps;
  const router = express.Router();
  const codesPerAddress = tenMinuteLimit(deps.limitStore, 'identity-code', deps.codesPerAddress ?? IDENTITY_CODES_PER_ADDRESS, text('limit.codes'), { skipFailedRequests: true });

  router.get('/cases/:id/identity-checks', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ checks: await identity.list(user, req.params.id) });
  });

  router.post('/cases/:id/identity-checks', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(IdentityRequestBody, req.body);
    res.status(201).json(await identity.request(user, req.params.id, body));
  });

  router.post('/cases/:id/identity-checks/:checkId/decision', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(IdentityDecisionBody, req.body);
    res.json(await identity.decide(user, req.params.id, req.params.checkId, body));
  });

  router.post('/cases/:id/identity-checks/:checkId/cancel', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(IdentityCancelBody, req.body);
    res.json(await identity.cancel(user, req.params.id, req.params.checkId, body));
  });

  router.get('/join/identity-check', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.json({ check: await identity.forCustomer(customer) });
  });

  router.post('/join/identity-check/:checkId/code', codesPerAddress, async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.status(201).json(await identity.sendCode(customer, String(req.params.checkId)));
  });

  router.post('/join/identity-check/:checkId/code/confirm', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(IdentityCodeBody, req.body);
    res.json({ check: await identity.confirmCode(customer, req.params.checkId, body) });
  });

  router.post('/join/identity-check/:checkId', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(IdentitySubmitBody, req.body);
    res.json({ check: await identity.submit(customer, req.params.checkId, body) });
  });

  return router;
}
