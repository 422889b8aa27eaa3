// Who may open a signalling WebSocket: a request whose query names exactly one server-minted peer id,
// its valid token and the PeerJS key, while that peer is not already online and its case and the
// server have room. Pure: the caller supplies the clock reading and the current occupancy.
import { verifyPeerToken, type PeerGrant } from './peer-token.ts';

export interface Occupancy {
  isOnline(peerId: string): boolean;
  peersInCase(caseId: string): number;
  peers(): number;
}

export interface CredentialRules {
  secret: Buffer;
  key: string;
}

export interface PeerLimits {
  maxPeersPerCase: number;
  maxPeers: number;
}

export type Refusal = { ok: false; status: 400 | 401 | 409 | 429; reason: string };
export type Admission = { ok: true; grant: PeerGrant } | Refusal;

/** The credentials alone: the grant a query's token stands for. */
export function verifyPeerQuery(query: URLSearchParams, rules: CredentialRules, nowMs: number): Admission {
  // `peer` reads the query with Object.fromEntries, which keeps the last of repeated names: a second
  // `id` could make it register an id other than the one checked here, so repeats are refused.
  const [id, token, key] = ['id', 'token', 'key'].map((name) => {
    const values = query.getAll(name);
    return values.length === 1 ? values[0] : undefined;
  });
  if (id === undefined || token === undefined || key === undefined) {
    return { ok: false, status: 401, reason: 'credentials-missing-or-repeated' };
  }
  if (key !== rules.key) return { ok: false, status: 400, reason: 'wrong-key' };
  const check = verifyPeerToken(rules.secret, id, token, nowMs);
  if (!check.ok) return { ok: false, status: 401, reason: `token-${check.reason}` };
  return { ok: true, grant: check.grant };
}

/** The limits alone, for a grant whose token has already been checked. */
export function roomFor(grant: PeerGrant, limits: PeerLimits, occupancy: Occupancy): Admission {
  // One socket per id: a copied token cannot take over a connected peer (PeerJS `reconnect()` only
  // comes back after its old socket has closed).
  if (occupancy.isOnline(grant.peerId)) return { ok: false, status: 409, reason: 'already-online' };
  if (occupancy.peersInCase(grant.caseId) >= limits.maxPeersPerCase) {
    return { ok: false, status: 429, reason: 'case-full' };
  }
  if (occupancy.peers() >= limits.maxPeers) return { ok: false, status: 429, reason: 'server-full' };
  return { ok: true, grant };
}
