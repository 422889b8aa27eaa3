// Settlement offers (issue 15): the assessor's offers on a case; the customer's current offer, code and
// decision on their join link; and the public receipt anyone can check a code against. Code sends and
// receipt look-ups are rate-limited per client address (429 with Retry-After).
import express from 'express';
import type { Request, RequestHandler } from 'express';
import type { Store } from 'express-rate-limit';
import { AcceptOfferBody, DeclineOfferBody, OfferBody } from '../../../protocol/settlement-http.ts';
import { text, type ErrorText } from '../errors.ts';
import type { Settlement } from '../settlement/create-settlement.ts';
import type { Auth } from './auth.ts';
import { tenMinuteLimit } from './ten-minute-limit.ts';
import { parseInput } from './validate.ts';


/** Requests per ten minutes, per client address. */
export interface SettlementLimits {
  /** Codes sent (a refused request is not counted); each code allows five attempts. */
  codesPerAddress: number;
  receiptsPerAddress: number;
}

export const DEFAULT_SETTLEMENT_LIMITS: SettlementLimits = { codesPerAddress: 20, receiptsPerAddress: 60 };

export interface SettlementRouteDeps {
  auth: Auth;
  settlement: Settlement;
  joinBase: (req: Request) => string;
  limits?: SettlementLimits;
  /** Where the counts are kept when instances share Redis (one store per limiter, by name); null: this process. */
  limitStore?: ((name: string) => Store) | null;
}

export function settlementRoutes(deps: SettlementRouteDeps): express.Router {
  const { auth } = deps;
  const { offers, receipts } = deps.settlement;
  const limits = deps.limits ?? DEFAULT_SETTLEMENT_LIMITS;
  const router = express.Router();

  const limiter = (name: string, limit: number, reason: ErrorText, options: Parameters<typeof tenMinuteLimit>[4] = {}): RequestHandler =>
    tenMinuteLimit(deps.limitStore, name, limit, reason, options);
  const codesPerAddress = limiter('offer-code', limits.codesPerAddress, text('limit.codes'), { skipFailedRequests: true });
  const receiptsPerAddress = limiter('receipt', limits.receiptsPerAddress, text('limit.receipts'));

  router.get('/cases/:id/offers', async (req, res) => {
    const user = await auth.requireUser(req);
    res.set('Cache-Control', 'no-store').json(await offers.list(user, req.params.id));
  });

  router.post('/cases/:id/offers', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(OfferBody, req.body, 'offer');
    res.status(201).json(await offers.make(user, req.params.id, body));
  });

  router.get('/join/offer', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.set('Cache-Control', 'no-store').json(await offers.current(customer, deps.joinBase(req)));
  });

  router.post('/join/offers/:offerId/code', codesPerAddress, async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.status(201).json(await offers.sendCode(customer, String(req.params.offerId)));
  });

  router.post('/join/offers/:offerId/accept', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(AcceptOfferBody, req.body);
    res.json(await offers.accept(customer, req.params.offerId, body, deps.joinBase(req)));
  });

  router.post('/join/offers/:offerId/decline', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(DeclineOfferBody, req.body);
    res.json(await offers.decline(customer, req.params.offerId, body, deps.joinBase(req)));
  });

  router.get('/receipts/:code', receiptsPerAddress, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await receipts.receipt(String(req.params.code)));
  });

  return router;
}
