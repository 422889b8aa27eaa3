// Who is making a request: a logged-in user (assessor/admin) or a customer holding a case's join token.
import type { LedgerActor, User } from '../../../protocol/http.ts';

export type Principal =
  | { kind: 'user'; user: User }
  | { kind: 'customer'; caseId: string; tokenId: string; consented: boolean; locationAllowed: boolean };

export function actorOf(principal: Principal): LedgerActor {
  return principal.kind === 'user'
    ? { type: 'assessor', id: principal.user.id }
    : { type: 'customer', id: principal.tokenId };
}
