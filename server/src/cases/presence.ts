// Live presence of each case's customer page on the signalling server, and whether a call is up.
// In memory on purpose: it describes sockets of this process, not evidence.
import type { CasePresence } from '../../../protocol/http.ts';

export interface PresenceTracker {
  customerOnline(caseId: string, peerId: string): void;
  customerOffline(caseId: string, peerId: string): void;
  callUp(caseId: string, up: boolean): void;
  of(caseId: string): { presence: CasePresence; customerPeerId: string | null };
}

export function createPresenceTracker(): PresenceTracker {
  const customers = new Map<string, string[]>();
  const liveCalls = new Set<string>();
  return {
    customerOnline(caseId, peerId) {
      const peers = (customers.get(caseId) ?? []).filter((p) => p !== peerId);
      customers.set(caseId, [...peers, peerId]);
    },
    customerOffline(caseId, peerId) {
      const peers = (customers.get(caseId) ?? []).filter((p) => p !== peerId);
      if (peers.length) customers.set(caseId, peers);
      else {
        customers.delete(caseId);
        liveCalls.delete(caseId);
      }
    },
    callUp(caseId, up) {
      if (up) liveCalls.add(caseId);
      else liveCalls.delete(caseId);
    },
    of(caseId) {
      const customerPeerId = customers.get(caseId)?.at(-1) ?? null;
      if (!customerPeerId) return { presence: 'offline', customerPeerId: null };
      return { presence: liveCalls.has(caseId) ? 'live' : 'waiting', customerPeerId };
    },
  };
}
