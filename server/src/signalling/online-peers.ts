// The peers connected now, indexed by id and by case: the one model of signalling state that is ours
// (`peer` keeps its own realm, which we never read).
import type { Occupancy } from './admission.ts';
import type { PeerGrant } from './peer-token.ts';

export class OnlinePeers<Socket> implements Occupancy {
  private readonly byId = new Map<string, { grant: PeerGrant; socket: Socket }>();
  private readonly byCase = new Map<string, Set<string>>();

  add(grant: PeerGrant, socket: Socket): void {
    this.byId.set(grant.peerId, { grant, socket });
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

  caseOf(peerId: string): string | undefined {
    return this.byId.get(peerId)?.grant.caseId;
  }

  inCase(caseId: string): PeerGrant[] {
    const ids = [...(this.byCase.get(caseId) ?? [])];
    return ids.flatMap((id) => {
      const entry = this.byId.get(id);
      return entry ? [{ ...entry.grant }] : [];
    });
  }

  get(peerId: string): { grant: PeerGrant; socket: Socket } | undefined {
    return this.byId.get(peerId);
  }

  sockets(): Socket[] {
    return [...this.byId.values()].map((entry) => entry.socket);
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
