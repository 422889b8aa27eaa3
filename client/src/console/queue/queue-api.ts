// The assessor's side of the front door's queue: their status, the offer they hold, and answering it.
import { z } from 'zod';
import { LedgerEntry } from '../../../../protocol/http.ts';
import { ColleaguesView, QueueEntryView, QueueOffer, StatusView, type StatusBody, type TransferBody } from '../../../../protocol/queue.ts';
import { apiFetch } from '../../lib/api.ts';

const entryPath = (entryId: string, action: string): string => `/api/queue/${encodeURIComponent(entryId)}/${action}`;

export const queueApi = {
  status: () => apiFetch('/api/me/status', StatusView).then((r) => r.status),
  setStatus: (status: StatusBody['status']) => apiFetch('/api/me/status', z.undefined(), { method: 'PUT', body: { status } }),
  /** The open offer, or null (204) when there is none. */
  offer: () => apiFetch('/api/me/offer', z.object({ offer: QueueOffer }).optional()).then((r) => r?.offer ?? null),
  accept: (entryId: string) => apiFetch(entryPath(entryId, 'accept'), z.object({ entry: QueueEntryView }), { method: 'POST', body: {} }).then((r) => r.entry),
  decline: (entryId: string) => apiFetch(entryPath(entryId, 'decline'), z.undefined(), { method: 'POST', body: {} }),
  transfer: (entryId: string, body: TransferBody) => apiFetch(entryPath(entryId, 'transfer'), z.object({ entry: QueueEntryView }), { method: 'POST', body }).then((r) => r.entry),
  cancelTransfer: (entryId: string) => apiFetch(entryPath(entryId, 'transfer/cancel'), z.object({ entry: QueueEntryView }), { method: 'POST', body: {} }).then((r) => r.entry),
  colleagues: () => apiFetch('/api/queue/colleagues', ColleaguesView).then((r) => r.colleagues),
  /** The case's ledger: where the console reads which queue entry the person holds (session-entry.ts). */
  ledger: (caseId: string, signal?: AbortSignal) => apiFetch(`/api/cases/${encodeURIComponent(caseId)}/ledger`, z.object({ entries: z.array(LedgerEntry) }), { signal }).then((r) => r.entries),
};
