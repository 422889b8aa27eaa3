// The wrap-up's HTTP calls: the case's wrap-ups, saving one, and the ledger it reads the session from.
import { z } from 'zod';
import { WrapUpView, type WrapUpBody } from '../../../../protocol/after-session.ts';
import { LedgerEntry } from '../../../../protocol/http.ts';
import { apiFetch } from '../../lib/api.ts';

const casePath = (caseId: string, rest: string): string => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

export const wrapUpApi = {
  list: (caseId: string, signal?: AbortSignal) => apiFetch(casePath(caseId, '/wrap-ups'), z.object({ wrapUps: z.array(WrapUpView) }), { signal }).then((r) => r.wrapUps),
  save: (caseId: string, body: WrapUpBody) => apiFetch(casePath(caseId, '/wrap-up'), z.object({ wrapUp: WrapUpView }), { body }).then((r) => r.wrapUp),
  ledger: (caseId: string, signal?: AbortSignal) => apiFetch(casePath(caseId, '/ledger'), z.object({ entries: z.array(LedgerEntry) }), { signal }).then((r) => r.entries),
};
