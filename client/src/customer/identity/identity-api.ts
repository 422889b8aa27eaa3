// The customer's identity-check calls, authorised by the join token.
import { CustomerIdentityCheckReply, type IdentitySubmitBody } from '../../../../protocol/identity-http.ts';
import { apiFetch } from '../../lib/api.ts';

export const fetchIdentityCheck = (token: string, signal?: AbortSignal): Promise<CustomerIdentityCheckReply> =>
  apiFetch('/api/join/identity-check', CustomerIdentityCheckReply, { token, signal });

export const submitIdentityCheck = (token: string, checkId: string, body: IdentitySubmitBody): Promise<CustomerIdentityCheckReply> =>
  apiFetch(`/api/join/identity-check/${encodeURIComponent(checkId)}`, CustomerIdentityCheckReply, { token, body });
