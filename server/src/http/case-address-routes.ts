// The case's address (issue 15): set or corrected by the case's assessor or an admin.
import express from 'express';
import { SetCaseAddressBody } from '../../../protocol/http.ts';
import type { CaseAddressService } from '../cases/case-address.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function caseAddressRoutes(deps: { auth: Auth; caseAddress: CaseAddressService }): express.Router {
  const router = express.Router();

  router.put('/cases/:id/address', async (req, res) => {
    const user = await deps.auth.requireUser(req);
    const address = parseInput(SetCaseAddressBody, req.body, 'case address');
    const { view } = await deps.caseAddress.set(user, req.params.id, address);
    res.json(view);
  });

  return router;
}
