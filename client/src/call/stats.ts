// Link quality from WebRTC getStats: a sample per poll, and the rates between two samples
// (bitrate, packet loss, round trip) plus a 0–5 network score. Pure: no browser objects needed.

/** The media counters of one getStats poll, summed over all RTP streams in one direction. */
export interface StatsSample {
  /** Poll time in ms (any monotonic clock). */
  at: number;
  /** Media bytes received (inbound) or sent (outbound). */
  bytes: number;
  /** Packets that should have arrived: received + lost (inbound) or sent (outbound). */
  expectedPackets: number;
  packetsLost: number;
  /** The same two counters for video alone: loss on the camera stream is what adaptation reacts to. */
  videoExpectedPackets: number;
  videoPacketsLost: number;
  rttMs: number | null;
  /** The sender's bandwidth estimate from the selected candidate pair. */
  availableOutgoingKbps: number | null;
  video: { width: number; height: number; fps: number } | null;
}

export interface LinkStats {
  bitrateKbps: number;
  /** Over all media streams. */
  packetLossPct: number;
  /** Over the video stream alone; null while no video flows. */
  videoLossPct: number | null;
  rttMs: number | null;
  availableOutgoingKbps: number | null;
  /** 0 (no usable link) … 5 (excellent). */
  score: number;
  video: StatsSample['video'];
}

type Stat = Record<string, unknown>;

function isStat(value: unknown): value is Stat {
  return typeof value === 'object' && value !== null;
}

function num(stat: Stat, key: string): number {
  const value = stat[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function optNum(stat: Stat, key: string): number | null {
  const value = stat[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Reads one poll of `RTCPeerConnection.getStats()` (pass `report.values()`). */
export function readStats(entries: Iterable<unknown>, direction: 'inbound' | 'outbound', at: number): StatsSample {
  const stats = [...entries].filter(isStat);
  const byId = new Map(stats.map((s) => [String(s.id), s]));
  let bytes = 0;
  let packets = 0;
  let packetsLost = 0;
  let videoExpectedPackets = 0;
  let videoPacketsLost = 0;
  let video: StatsSample['video'] = null;
  let remoteRtt: number | null = null;
  for (const stat of stats) {
    const isVideo = stat.kind === 'video';
    if (direction === 'inbound' && stat.type === 'inbound-rtp') {
      const expected = num(stat, 'packetsReceived') + num(stat, 'packetsLost');
      bytes += num(stat, 'bytesReceived');
      packets += expected;
      packetsLost += num(stat, 'packetsLost');
      if (isVideo) {
        videoExpectedPackets += expected;
        videoPacketsLost += num(stat, 'packetsLost');
        video = videoOf(stat);
      }
    } else if (direction === 'outbound' && stat.type === 'outbound-rtp') {
      bytes += num(stat, 'bytesSent');
      packets += num(stat, 'packetsSent');
      if (isVideo) {
        videoExpectedPackets += num(stat, 'packetsSent');
        video = videoOf(stat);
      }
    } else if (direction === 'outbound' && stat.type === 'remote-inbound-rtp') {
      packetsLost += num(stat, 'packetsLost');
      if (isVideo) videoPacketsLost += num(stat, 'packetsLost');
      remoteRtt = optNum(stat, 'roundTripTime') ?? remoteRtt;
    }
  }
  const pair = selectedPair(stats, byId);
  const pairRtt = pair ? optNum(pair, 'currentRoundTripTime') : null;
  const rtt = pairRtt ?? remoteRtt;
  const available = pair ? optNum(pair, 'availableOutgoingBitrate') : null;
  return {
    at,
    bytes,
    expectedPackets: packets,
    packetsLost,
    videoExpectedPackets,
    videoPacketsLost,
    rttMs: rtt === null ? null : rtt * 1000,
    availableOutgoingKbps: available === null ? null : available / 1000,
    video,
  };
}

function videoOf(stat: Stat): StatsSample['video'] {
  const width = num(stat, 'frameWidth');
  const height = num(stat, 'frameHeight');
  return width > 0 && height > 0 ? { width, height, fps: num(stat, 'framesPerSecond') } : null;
}

function selectedPair(stats: Stat[], byId: Map<string, Stat>): Stat | undefined {
  for (const stat of stats) {
    if (stat.type !== 'transport' || typeof stat.selectedCandidatePairId !== 'string') continue;
    const pair = byId.get(stat.selectedCandidatePairId);
    if (pair) return pair;
  }
  return stats.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
}

/** Rates between two polls. */
export function linkStats(previous: StatsSample, current: StatsSample): LinkStats {
  const seconds = (current.at - previous.at) / 1000;
  const bytes = Math.max(0, current.bytes - previous.bytes);
  const bitrateKbps = seconds > 0 ? (bytes * 8) / seconds / 1000 : 0;
  const packetLossPct = lossPct(current.expectedPackets - previous.expectedPackets, current.packetsLost - previous.packetsLost) ?? 0;
  const videoLossPct = lossPct(current.videoExpectedPackets - previous.videoExpectedPackets, current.videoPacketsLost - previous.videoPacketsLost);
  const partial = { bitrateKbps, packetLossPct, rttMs: current.rttMs };
  return { ...partial, videoLossPct, availableOutgoingKbps: current.availableOutgoingKbps, score: networkScore(partial), video: current.video };
}

/** Lost packets as a percentage of those expected; null when none were expected. */
function lossPct(expected: number, lost: number): number | null {
  return expected > 0 ? Math.min(100, (Math.max(0, lost) / expected) * 100) : null;
}

/**
 * 0–5, the worst of three views of the link: loss, round trip, and whether media flows at all.
 * 5 excellent · 4 good · 3 fair (video may soften) · 2 poor · 1 bad · 0 no media.
 */
export function networkScore(link: { bitrateKbps: number; packetLossPct: number; rttMs: number | null }): number {
  if (link.bitrateKbps <= 0) return 0;
  const loss = link.packetLossPct;
  const lossScore = loss < 1 ? 5 : loss < 3 ? 4 : loss < 6 ? 3 : loss < 12 ? 2 : loss < 25 ? 1 : 0;
  const rtt = link.rttMs;
  const rttScore = rtt === null || rtt < 150 ? 5 : rtt < 250 ? 4 : rtt < 400 ? 3 : rtt < 700 ? 2 : rtt < 1200 ? 1 : 0;
  return Math.min(lossScore, rttScore);
}
