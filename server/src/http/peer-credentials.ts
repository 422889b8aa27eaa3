// Turns a signalling grant into the credential a page needs to register on the PeerJS server and to
// configure its peer connections (ICE servers, the operator's ICE policy).
import type { PeerCredential } from '../../../protocol/http.ts';
import type { Config } from '../config.ts';
import type { PeerRole, Signalling } from '../signalling/signalling.ts';
import { iceServersFor } from '../signalling/turn-credentials.ts';

export interface PeerCredentials {
  /** A customer's credential names the join token it was minted under, and stands only while that does. */
  mint(caseId: string, role: PeerRole, joinTokenId?: string): PeerCredential;
}

export function createPeerCredentials(signalling: Signalling, config: Pick<Config, 'iceServers' | 'turn' | 'iceTransportPolicy'>, clock: () => number = Date.now): PeerCredentials {
  return {
    mint(caseId, role, joinTokenId) {
      const grant = signalling.mint(caseId, role, joinTokenId);
      return {
        peerId: grant.peerId,
        token: grant.token,
        expiresAt: grant.expiresAt.toISOString(),
        path: grant.path,
        key: grant.key,
        // A TURN credential of its own per peer id, so a leaked one names who leaked it and expires.
        iceServers: iceServersFor(grant.peerId, config.iceServers, config.turn, clock()),
        iceTransportPolicy: config.iceTransportPolicy,
      };
    },
  };
}
