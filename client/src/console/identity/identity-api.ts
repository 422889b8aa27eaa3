// The console's identity-check calls (session cookie).
import { IdentityCheckList, IdentityCheckView, type IdentityCancelBody, type IdentityDecisionBody, type IdentityRequestBody } from '../../../../protocol/identity-http.ts';
import { apiFetch } from '../../lib/api.ts';

const checksPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/identity-checks`;

export const fetchIdentityChecks = (caseId: string, signal?: AbortSignal): Promise<IdentityCheckList> => apiFetch(checksPath(caseId), IdentityCheckList, { signal });

export const requestIdentityCheck = (caseId: string, body: IdentityRequestBody): Promise<IdentityCheckView> => apiFetch(checksPath(caseId), IdentityCheckView, { body });

export const cancelIdentityCheck = (caseId: string, checkId: string, body: IdentityCancelBody): Promise<IdentityCheckView> =>
  apiFetch(`${checksPath(caseId)}/${encodeURIComponent(checkId)}/cancel`, IdentityCheckView, { body });

export const decideIdentityCheck = (caseId: string, checkId: string, body: IdentityDecisionBody): Promise<IdentityCheckView> =>
  apiFetch(`${checksPath(caseId)}/${encodeURIComponent(checkId)}/decision`, IdentityCheckView, { body });
