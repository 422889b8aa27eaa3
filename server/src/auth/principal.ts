// Who is making a request: a logged-in user (assessor/admin) or a customer holding a case's join token.
import type { LedgerActor, User } from '../../../protocol/http.ts';
import { HttpError, text } from '../errors.ts';

export type Principal =
  | { kind: 'user'; user: User }
  | { kind: 'customer'; caseId: string; tokenId: string; consented: boolean; locationAllowed: boolean };

export function actorOf(principal: Principal): LedgerActor {
  return principal.kind === 'user'
    ? { type: 'assessor', id: principal.user.id }
    : { type: 'customer', id: principal.tokenId };
}

/** Spatial data and photos come from the customer's camera: a customer sends them only after consent. */
export function requireConsent(principal: Principal): void {
  if (principal.kind === 'customer' && !principal.consented) {
    throw new HttpError(403, 'consent_required', text('consent.notYet'));
  }
}
