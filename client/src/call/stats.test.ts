import { describe, expect, it } from 'vitest';
import { linkStats, networkScore, readStats, type StatsSample } from './stats.ts';

const inboundPoll = (bytes: number, received: number, lost: number, rtt: number) => [
  { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' },
  { id: 'CP1', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: rtt, availableOutgoingBitrate: 64_000 },
  { id: 'IV', type: 'inbound-rtp', kind: 'video', bytesReceived: bytes, packetsReceived: received, packetsLost: lost, frameWidth: 1280, frameHeight: 720, framesPerSecond: 30 },
  { id: 'IA', type: 'inbound-rtp', kind: 'audio', bytesReceived: 1000, packetsReceived: 50, packetsLost: 0 },
  { id: 'junk', type: 'codec', bytesReceived: 'not a number' },
  null,
];

describe('readStats', () => {
  it('sums inbound RTP streams and reads the selected pair', () => {
    const sample = readStats(inboundPoll(100_000, 900, 10, 0.042), 'inbound', 1000);
    expect(sample.bytes).toBe(101_000);
    expect(sample.expectedPackets).toBe(960);
    expect(sample.packetsLost).toBe(10);
    expect(sample.rttMs).toBeCloseTo(42);
    expect(sample.availableOutgoingKbps).toBe(64);
    expect(sample.video).toEqual({ width: 1280, height: 720, fps: 30 });
  });

  it('counts outbound loss from the remote receiver reports', () => {
    const sample = readStats(
      [
        { id: 'O', type: 'outbound-rtp', kind: 'video', bytesSent: 5000, packetsSent: 200, frameWidth: 640, frameHeight: 360, framesPerSecond: 15 },
        { id: 'R', type: 'remote-inbound-rtp', kind: 'video', packetsLost: 7, roundTripTime: 0.2 },
      ],
      'outbound',
      0,
    );
    expect(sample).toMatchObject({ bytes: 5000, expectedPackets: 200, packetsLost: 7, videoExpectedPackets: 200, videoPacketsLost: 7, rttMs: 200, availableOutgoingKbps: null });
  });

  it('returns empty counters when nothing flows yet', () => {
    expect(readStats([], 'inbound', 0)).toMatchObject({ bytes: 0, expectedPackets: 0, rttMs: null, video: null });
  });
});

describe('linkStats', () => {
  it('computes bitrate and loss from the deltas of two polls', () => {
    const a = readStats(inboundPoll(0, 0, 0, 0.03), 'inbound', 0);
    const b = readStats(inboundPoll(125_000, 980, 20, 0.03), 'inbound', 1000);
    const link = linkStats(a, b);
    expect(link.bitrateKbps).toBeCloseTo(1000);
    expect(link.packetLossPct).toBeCloseTo(2);
    expect(link.videoLossPct).toBeCloseTo(2);
    expect(link.rttMs).toBeCloseTo(30);
    expect(link.score).toBe(4);
  });

  it('never reports negative rates when counters reset', () => {
    const base: StatsSample = { at: 0, bytes: 1000, expectedPackets: 100, packetsLost: 5, videoExpectedPackets: 0, videoPacketsLost: 0, rttMs: null, availableOutgoingKbps: null, video: null };
    const link = linkStats(base, { ...base, at: 1000, bytes: 0, expectedPackets: 0, packetsLost: 0 });
    expect(link.bitrateKbps).toBe(0);
    expect(link.packetLossPct).toBe(0);
    expect(link.videoLossPct).toBeNull();
  });
});

describe('networkScore', () => {
  it('is 5 on a clean fast link', () => {
    expect(networkScore({ bitrateKbps: 1500, packetLossPct: 0, rttMs: 20 })).toBe(5);
  });
  it('takes the worse of loss and round trip', () => {
    expect(networkScore({ bitrateKbps: 800, packetLossPct: 4, rttMs: 20 })).toBe(3);
    expect(networkScore({ bitrateKbps: 800, packetLossPct: 0, rttMs: 800 })).toBe(1);
    expect(networkScore({ bitrateKbps: 800, packetLossPct: 30, rttMs: 20 })).toBe(0);
  });
  it('is 0 when no media arrives', () => {
    expect(networkScore({ bitrateKbps: 0, packetLossPct: 0, rttMs: 10 })).toBe(0);
  });
  it('treats an unknown round trip as fine', () => {
    expect(networkScore({ bitrateKbps: 300, packetLossPct: 0.5, rttMs: null })).toBe(5);
  });
});
