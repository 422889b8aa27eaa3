// Test-only handle on the customer page's call, for journeys that need the customer's own controls
// (camera off, mute, hang up) on a page that has none: it turns the real tracks of the page's camera
// stream off and says so on the data channel with the protocol's own message, as the controls do; it
// hangs up by sending call-end and closing the page's peer connections; it closes the signalling
// socket and stops what the page sends, as a phone losing its network would. It also keeps every data-channel message the page received. Install with
// `context.addInitScript(installCustomerCallHook)`.
import type { PeerMessage } from '../../../protocol/messages.ts';

export interface CustomerCallHandle {
  /** Sends a message on every open data channel, encoded as PeerJS's JSON serialization does. */
  send(message: PeerMessage): void;
  /** Enables or disables the camera's (or microphone's) tracks in the page's getUserMedia streams. */
  setTracks(kind: 'video' | 'audio', enabled: boolean): void;
  /** Stops (or resumes) every RTP stream the page sends, as a stalled uplink would; ICE stays up. */
  pauseSending(paused: boolean): Promise<void>;
  /** Closes the page's signalling sockets (its PeerJS registration drops; the page registers again). */
  closeSignalling(): void;
  /** Closes every peer connection of the page: the call's media and data channel. */
  closeCall(): void;
  /** Every data-channel message the page received, parsed. */
  received(): unknown[];
}

declare global {
  interface Window {
    sightlineCustomerCall?: CustomerCallHandle;
  }
}

export function installCustomerCallHook(): void {
  const channels: RTCDataChannel[] = [];
  const connections: RTCPeerConnection[] = [];
  const sockets: WebSocket[] = [];
  const streams: MediaStream[] = [];
  const received: unknown[] = [];
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();

  const NativePeerConnection = window.RTCPeerConnection;
  class TrackedPeerConnection extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.push(this);
      this.addEventListener('datachannel', (event) => {
        channels.push(event.channel);
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

  const media = navigator.mediaDevices;
  const getUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = await getUserMedia(constraints);
    streams.push(stream);
    return stream;
  };

  window.sightlineCustomerCall = {
    send(message) {
      for (const channel of channels) if (channel.readyState === 'open') channel.send(encoder.encode(JSON.stringify(message)));
    },
    setTracks(kind, enabled) {
      for (const stream of streams) for (const track of kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks()) track.enabled = enabled;
    },
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
    closeCall() {
      for (const connection of connections) if (connection.connectionState !== 'closed') connection.close();
    },
    received: () => received,
  };
}
