// Registers a page on the embedded PeerJS server with a server-minted credential.
import { Peer } from 'peerjs';
import type { PeerCredential } from '../../../protocol/http.ts';
import { CallError, callFact } from './call-words.ts';

/** Opens a Peer and resolves once the signalling server accepted it; destroys it on failure. */
export function openPeer(credential: PeerCredential, timeoutMs = 15_000): Promise<Peer> {
  const secure = location.protocol === 'https:';
  const peer = new Peer(credential.peerId, {
    host: location.hostname,
    port: Number(location.port) || (secure ? 443 : 80),
    secure,
    path: credential.path,
    key: credential.key,
    token: credential.token,
    // The only place a page's peer connections are configured: every call (console, customer, tour) opens its Peer here.
    config: { iceServers: credential.iceServers, iceTransportPolicy: credential.iceTransportPolicy },
    debug: 1,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new CallError({ key: 'failure.signallingTimeout' })), timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      peer.off('open', onOpen);
      peer.off('error', onError);
    }
    function onOpen(): void {
      cleanup();
      resolve(peer);
    }
    function onError(error: Error): void {
      fail(new CallError({ key: 'failure.notRegistered', values: { message: error.message || callFact({ key: 'failure.signallingError' }) } }));
    }
    function fail(error: Error): void {
      cleanup();
      peer.destroy();
      reject(error);
    }
    peer.on('open', onOpen);
    peer.on('error', onError);
  });
}
