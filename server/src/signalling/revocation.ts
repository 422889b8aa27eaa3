// Cutting off a revoked peer wherever its socket is held: here directly, elsewhere by asking its
// instance, which answers once the peer has left the directory and presence. An instance that does not
// answer in time is taken for gone: the registration is removed here, and reported offline from here.
import { randomBytes } from 'node:crypto';
import type { CutOff, HeldPeers, SignallingLog } from './held-socket.ts';
import type { DirectoryEntry, InstanceMessage, PeerDirectory } from './peer-directory.ts';
import type { PeerGrant } from './peer-token.ts';

export interface RevocationDeps {
  online: HeldPeers;
  directory: PeerDirectory;
  cutOff: CutOff;
  reportOffline: (grant: PeerGrant) => void;
  log: SignallingLog;
  /** How long another instance may take to cut off a peer it holds. */
  answerMs: number;
}

export interface Revocations {
  revoke(entry: DirectoryEntry, reason: string): Promise<void>;
  /** Handles another instance's request or answer. */
  onMessage(message: Extract<InstanceMessage, { kind: 'cut' | 'cut-done' }>): void;
  /** Stops waiting for answers. */
  stop(): void;
}

export function createRevocations(deps: RevocationDeps): Revocations {
  const { online, directory, log } = deps;
  const awaiting = new Map<string, () => void>();

  function askHolder(entry: DirectoryEntry, reason: string): Promise<boolean> {
    const requestId = randomBytes(12).toString('base64url');
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), deps.answerMs);
      function finish(answered: boolean): void {
        clearTimeout(timer);
        awaiting.delete(requestId);
        resolve(answered);
      }
      awaiting.set(requestId, () => finish(true));
      const { peerId } = entry.grant;
      directory.send(entry.instance, { kind: 'cut', peerId, registration: entry.registration, reason, replyTo: directory.instance, requestId })
        .catch((err: unknown) => {
          log.warn({ err }, 'signalling: could not send a revocation');
          finish(false);
        });
    });
  }

  return {
    async revoke(entry, reason) {
      if (entry.instance === directory.instance) {
        // Still the same registration: the peer may have left, or come back under a standing credential, meanwhile.
        const local = online.get(entry.grant.peerId);
        if (local?.held.registration === entry.registration) await deps.cutOff(local.grant, local.held, reason, 1008);
        return;
      }
      if (await askHolder(entry, reason)) return;
      // Its holder is gone or cut off from Redis; if alive, it loses the registration at its next refresh.
      if (await directory.release(entry.grant, entry.registration)) deps.reportOffline(entry.grant);
    },
    onMessage(message) {
      if (message.kind === 'cut-done') return awaiting.get(message.requestId)?.();
      const held = online.get(message.peerId);
      const done = held?.held.registration === message.registration
        ? deps.cutOff(held.grant, held.held, message.reason, 1008)
        : Promise.resolve();
      void done
        .then(() => directory.send(message.replyTo, { kind: 'cut-done', requestId: message.requestId }))
        .catch((err: unknown) => log.warn({ err }, 'signalling: could not answer a revocation'));
    },
    stop() {
      for (const answer of [...awaiting.values()]) answer();
    },
  };
}
