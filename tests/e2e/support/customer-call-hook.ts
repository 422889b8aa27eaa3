// Test-only handle on the customer page's call, for what a customer does without a button: losing
// the network — the page's signalling socket closes and what it sends stops, while ICE stays up, as
// on a phone whose network goes. It also keeps every data-channel message the page received. Install
// with `context.addInitScript(installCustomerCallHook)`.

export interface CustomerCallHandle {
  /** Stops (or resumes) every RTP stream the page sends, as a stalled uplink would; ICE stays up. */
  pauseSending(paused: boolean): Promise<void>;
  /** Closes the page's signalling sockets (its PeerJS registration drops; the page registers again). */
  closeSignalling(): void;
  /** Every data-channel message the page received, parsed. */
  received(): unknown[];
}

declare global {
  interface Window {
    sightlineCustomerCall?: CustomerCallHandle;
  }
}

export function installCustomerCallHook(): void {
  const connections: RTCPeerConnection[] = [];
  const sockets: WebSocket[] = [];
  const received: unknown[] = [];
  const decoder = new TextDecoder();

  const NativePeerConnection = window.RTCPeerConnection;
  class TrackedPeerConnection extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.push(this);
      this.addEventListener('datachannel', (event) => {
        event.channel.addEventListener('message', (message: MessageEvent<unknown>) => {
          const data = message.data;
          const text = typeof data === 'string' ? data : data instanceof ArrayBuffer ? decoder.decode(data) : null;
          if (text === null) return;
          try {
            received.push(JSON.parse(text));
          } catch {
            // not a JSON message: not ours to keep
          }
        });
      });
    }
  }
  window.RTCPeerConnection = TrackedPeerConnection;

  const NativeWebSocket = window.WebSocket;
  class TrackedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  window.WebSocket = TrackedWebSocket;

  window.sightlineCustomerCall = {
    async pauseSending(paused) {
      for (const connection of connections) {
        if (connection.connectionState === 'closed') continue;
        for (const sender of connection.getSenders()) {
          const parameters = sender.getParameters();
          if (!parameters.encodings?.length) continue;
          for (const encoding of parameters.encodings) encoding.active = !paused;
          await sender.setParameters(parameters);
        }
      }
    },
    closeSignalling() {
      for (const socket of sockets) socket.close();
    },
    received: () => received,
  };
}
