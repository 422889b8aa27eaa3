// The customer's identity-check calls, authorised by the join token.
import { CustomerIdentityCheckReply, IdentityCodeSent, type IdentitySubmitBody } from '../../../../protocol/identity-http.ts';
import { apiFetch } from '../../lib/api.ts';

export const fetchIdentityCheck = (token: string, signal?: AbortSignal): Promise<CustomerIdentityCheckReply> =>
  apiFetch('/api/join/identity-check', CustomerIdentityCheckReply, { token, signal });

export const submitIdentityCheck = (token: string, checkId: string, body: IdentitySubmitBody): Promise<CustomerIdentityCheckReply> =>
  apiFetch(`/api/join/identity-check/${encodeURIComponent(checkId)}`, CustomerIdentityCheckReply, { token, body });

const checkPath = (checkId: string) => `/api/join/identity-check/${encodeURIComponent(checkId)}`;

/** A (new) code to the contact on file; the last one stops working. */
export const sendIdentityCode = (token: string, checkId: string): Promise<IdentityCodeSent> =>
  apiFetch(`${checkPath(checkId)}/code`, IdentityCodeSent, { token, method: 'POST' });

export const confirmIdentityCode = (token: string, checkId: string, code: string): Promise<CustomerIdentityCheckReply> =>
  apiFetch(`${checkPath(checkId)}/code/confirm`, CustomerIdentityCheckReply, { token, body: { code } });
