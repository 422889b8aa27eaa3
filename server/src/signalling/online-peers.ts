// Peers indexed by id and by case, each with what its holder keeps for it (a socket, a registration):
// signalling's own model of who is here (`peer` keeps its own realm, which we never read).
import type { Occupancy } from './admission.ts';
import type { PeerGrant } from './peer-token.ts';

export class OnlinePeers<Held> implements Occupancy {
  private readonly byId = new Map<string, { grant: PeerGrant; held: Held }>();
  private readonly byCase = new Map<string, Set<string>>();

  add(grant: PeerGrant, held: Held): void {
    this.byId.set(grant.peerId, { grant, held });
    const ids = this.byCase.get(grant.caseId) ?? new Set<string>();
    ids.add(grant.peerId);
    this.byCase.set(grant.caseId, ids);
  }

  remove(peerId: string): void {
    const entry = this.byId.get(peerId);
    if (!entry) return;
    this.byId.delete(peerId);
    const ids = this.byCase.get(entry.grant.caseId);
    ids?.delete(peerId);
    if (ids?.size === 0) this.byCase.delete(entry.grant.caseId);
  }

  inCase(caseId: string): PeerGrant[] {
    const ids = [...(this.byCase.get(caseId) ?? [])];
    return ids.flatMap((id) => {
      const entry = this.byId.get(id);
      return entry ? [{ ...entry.grant }] : [];
    });
  }

  get(peerId: string): { grant: PeerGrant; held: Held } | undefined {
    return this.byId.get(peerId);
  }

  all(): Array<{ grant: PeerGrant; held: Held }> {
    return [...this.byId.values()];
  }

  isOnline(peerId: string): boolean {
    return this.byId.has(peerId);
  }

  peersInCase(caseId: string): number {
    return this.byCase.get(caseId)?.size ?? 0;
  }

  peers(): number {
    return this.byId.size;
  }
}
