// The customer's page language (issue 16), authorised by the join token: the assessor sees which
// language the customer reads.
import express from 'express';
import { JoinLanguageBody } from '../../../protocol/http.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function languageRoutes(deps: { auth: Auth; cases: CaseService }): express.Router {
  const router = express.Router();

  /** The page is now in `language` (a supported tag); 204, also when it already was. */
  router.post('/join/language', async (req, res) => {
    const customer = await deps.auth.requireCustomer(req);
    const body = parseInput(JoinLanguageBody, req.body);
    await deps.cases.setCustomerLanguage(customer, body.language);
    res.status(204).end();
  });

  return router;
}
