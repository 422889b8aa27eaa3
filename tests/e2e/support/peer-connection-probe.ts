// Test-only: watches every RTCPeerConnection a page opens, changing nothing, and records what a test
// then asserts: the configuration the app built it with (ICE servers, ICE transport policy), the
// data-channel messages received, the candidates gathered and the selected candidate pair (getStats).
// Install with `context.addInitScript(installPeerConnectionProbe)`.

export interface SelectedPair {
  connectionState: RTCPeerConnectionState;
  /** candidateType of the selected pair's local and remote candidates; null when none is selected. */
  local: string | null;
  remote: string | null;
}

export interface PeerConnectionConfiguration {
  /** The ICE servers (urls and username, never the credential). */
  iceServers: { urls: string[]; username: string | null }[];
  /** As the app passed it; null when it passed none (the browser then uses 'all'). */
  iceTransportPolicy: RTCIceTransportPolicy | null;
}

export interface PeerConnectionProbe {
  /** The configuration each open connection was built with. */
  configurations(): PeerConnectionConfiguration[];
  /** Every data-channel message this page received, as text. */
  received(): string[];
  /** The selected candidate pair of every connection that is not closed. */
  selectedPairs(): Promise<SelectedPair[]>;
  /** The candidate types each open connection gathered locally, once gathering is complete; null before. */
  gathered(): Promise<string[][] | null>;
}

declare global {
  interface Window {
    sightlinePeerConnections?: PeerConnectionProbe;
  }
}

export function installPeerConnectionProbe(): void {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  const configurations = new WeakMap<RTCPeerConnection, RTCConfiguration>();
  const received: string[] = [];
  const decoder = new TextDecoder();
  const watch = (channel: RTCDataChannel): void => {
    channel.addEventListener('message', (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data === 'string') received.push(data);
      else if (data instanceof ArrayBuffer) received.push(decoder.decode(data));
      else if (ArrayBuffer.isView(data)) received.push(decoder.decode(data));
    });
  };
  class Probed extends Native {
    constructor(configuration: RTCConfiguration = {}) {
      super(configuration);
      all.push(this);
      configurations.set(this, configuration);
      this.addEventListener('datachannel', (event) => watch(event.channel));
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      const channel = super.createDataChannel(label, init);
      watch(channel);
      return channel;
    }
  }
  window.RTCPeerConnection = Probed;
  const open = (): RTCPeerConnection[] => all.filter((pc) => pc.connectionState !== 'closed');
  const statsOf = async (pc: RTCPeerConnection): Promise<Map<string, Record<string, unknown>>> => {
    const report = await pc.getStats();
    return new Map([...report.values()].map((s: Record<string, unknown>) => [String(s.id), s]));
  };
  window.sightlinePeerConnections = {
    configurations() {
      // Open ones only: PeerJS's feature check builds (and closes) one with its public defaults.
      return open().map((pc) => {
        const configuration = configurations.get(pc) ?? {};
        return {
          iceServers: (configuration.iceServers ?? []).map((s) => ({ urls: typeof s.urls === 'string' ? [s.urls] : [...s.urls], username: s.username ?? null })),
          iceTransportPolicy: configuration.iceTransportPolicy ?? null,
        };
      });
    },
    received() {
      return [...received];
    },
    async selectedPairs() {
      return Promise.all(
        open().map(async (pc) => {
          const stats = await statsOf(pc);
          const transport = [...stats.values()].find((s) => s.type === 'transport' && typeof s.selectedCandidatePairId === 'string');
          const pair = transport ? stats.get(String(transport.selectedCandidatePairId)) : undefined;
          const typeOf = (id: unknown): string | null => {
            const type = stats.get(String(id))?.candidateType;
            return typeof type === 'string' ? type : null;
          };
          return {
            connectionState: pc.connectionState,
            local: pair?.state === 'succeeded' ? typeOf(pair.localCandidateId) : null,
            remote: pair?.state === 'succeeded' ? typeOf(pair.remoteCandidateId) : null,
          };
        }),
      );
    },
    async gathered() {
      const pcs = open();
      if (pcs.length === 0 || pcs.some((pc) => pc.iceGatheringState !== 'complete')) return null;
      return Promise.all(
        pcs.map(async (pc) => [...(await statsOf(pc)).values()].filter((s) => s.type === 'local-candidate').map((s) => String(s.candidateType))),
      );
    },
  };
}
