// Test-only fault injection: makes a page's getStats report packet loss on what it sends (as the
// remote receiver's reports would on a lossy uplink), and exposes the video sender's encoding, so
// the customer page's quality adaptation can be driven end to end. Install with
// `context.addInitScript(installStatsFault)`, then set the loss with `sightlineStatsFault.setLoss`.

export interface StatsFaultHandle {
  /** Fraction (0..1) of sent packets to report as lost from now on. */
  setLoss(fraction: number): void;
  /** The first video sender's first encoding, for asserting on adaptation. */
  videoEncoding(): { scaleResolutionDownBy?: number; maxBitrate?: number; active?: boolean } | null;
}

declare global {
  interface Window {
    sightlineStatsFault?: StatsFaultHandle;
  }
}

export function installStatsFault(): void {
  const native = RTCPeerConnection.prototype.getStats;
  const all: RTCPeerConnection[] = [];
  const extra = new WeakMap<RTCPeerConnection, { sent: number; lost: number }>();
  let loss = 0;
  const NativePc = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePc {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      all.push(this);
    }
  };
  RTCPeerConnection.prototype.getStats = async function (this: RTCPeerConnection, selector?: MediaStreamTrack | null) {
    const report = await native.call(this, selector);
    const entries = [...report.values()].map((s: Record<string, unknown>) => ({ ...s }));
    const outbound = entries.find((s) => s.type === 'outbound-rtp' && s.kind === 'video');
    const remote = entries.find((s) => s.type === 'remote-inbound-rtp' && s.kind === 'video');
    if (outbound && remote && typeof outbound.packetsSent === 'number') {
      const state = extra.get(this) ?? { sent: outbound.packetsSent, lost: 0 };
      state.lost += Math.round((outbound.packetsSent - state.sent) * loss);
      state.sent = outbound.packetsSent;
      extra.set(this, state);
      remote.packetsLost = (typeof remote.packetsLost === 'number' ? remote.packetsLost : 0) + state.lost;
    }
    return new Map(entries.map((s) => [String(s.id), s])) as unknown as RTCStatsReport;
  };
  window.sightlineStatsFault = {
    setLoss(fraction) {
      loss = fraction;
    },
    videoEncoding() {
      for (const pc of all) {
        if (pc.connectionState === 'closed') continue;
        const sender = pc.getSenders().find((s) => s.track?.kind === 'video');
        const encoding = sender?.getParameters().encodings?.[0];
        if (encoding) return { scaleResolutionDownBy: encoding.scaleResolutionDownBy, maxBitrate: encoding.maxBitrate, active: encoding.active };
      }
      return null;
    },
  };
}
