// Test-only fault injection: makes a page's RTCPeerConnections *report* ICE "disconnected" while the
// link is in fact fine, so the ICE-restart path (offer and answer over the signalling relay, new ICE
// credentials) can be exercised without breaking the network. The fault clears at the connection's
// next real ICE state change, or once a renegotiation completes (the restart's answer is applied):
// then the page is told the real state again. Install with `context.addInitScript(installIceFault)`.

export interface IceFaultHandle {
  /** Reports "disconnected" on every open connection of the page. */
  breakAll(): void;
  /** The local ICE username fragment of every open connection: it changes with an ICE restart. */
  ufrags(): (string | null)[];
}

declare global {
  interface Window {
    sightlineIceFault?: IceFaultHandle;
  }
}

export function installIceFault(): void {
  const Native = window.RTCPeerConnection;
  const state = Object.getOwnPropertyDescriptor(Native.prototype, 'iceConnectionState');
  const readState = state?.get;
  if (!readState) return;
  const forced = new WeakSet<RTCPeerConnection>();
  const all: RTCPeerConnection[] = [];
  Object.defineProperty(Native.prototype, 'iceConnectionState', {
    configurable: true,
    get(this: RTCPeerConnection) {
      return forced.has(this) ? 'disconnected' : readState.call(this);
    },
  });
  class Tracked extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      all.push(this);
      // Registered before any page handler, so the fault is cleared before they read the state.
      this.addEventListener('iceconnectionstatechange', (event) => {
        if (event.isTrusted) forced.delete(this);
      });
      this.addEventListener('signalingstatechange', () => {
        if (!forced.has(this) || this.signalingState !== 'stable') return;
        forced.delete(this);
        this.dispatchEvent(new Event('iceconnectionstatechange'));
      });
    }
  }
  window.RTCPeerConnection = Tracked;
  const open = (): RTCPeerConnection[] => all.filter((pc) => pc.connectionState !== 'closed');
  window.sightlineIceFault = {
    breakAll() {
      for (const pc of open()) {
        forced.add(pc);
        pc.dispatchEvent(new Event('iceconnectionstatechange'));
      }
    },
    ufrags() {
      return open().map((pc) => /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1] ?? null);
    },
  };
}
