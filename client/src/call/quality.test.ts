import { describe, expect, it } from 'vitest';
import { chooseQuality, encodingFor, type QualityState } from './quality.ts';
import type { LinkStats } from './stats.ts';

const good: LinkStats = { bitrateKbps: 1200, packetLossPct: 0, videoLossPct: null, rttMs: 40, availableOutgoingKbps: 2500, score: 5, video: null };
const lossy: LinkStats = { ...good, packetLossPct: 12, score: 2 };
const slow: LinkStats = { ...good, rttMs: 900, score: 1 };
const thin: LinkStats = { ...good, availableOutgoingKbps: 150 };
const collapsing: LinkStats = { ...good, packetLossPct: 40, score: 0 };

const at = (level: QualityState['level'], changedAt = 0): QualityState => ({ level, changedAt });
const repeat = (sample: LinkStats, n: number) => Array.from({ length: n }, () => sample);

describe('chooseQuality', () => {
  it('keeps the level on a clean link', () => {
    expect(chooseQuality(at('high'), repeat(good, 10), 60_000)).toEqual({ level: 'high', suggestAudioOnly: false });
  });

  it('steps down one level when most recent samples are lossy', () => {
    const decision = chooseQuality(at('high'), [...repeat(good, 2), ...repeat(lossy, 3)], 60_000);
    expect(decision.level).toBe('medium');
    expect(decision.reason).toContain('packet loss 12 %');
  });

  it('steps down on a long round trip or a thin bandwidth estimate', () => {
    expect(chooseQuality(at('medium'), repeat(slow, 5), 60_000).level).toBe('low');
    expect(chooseQuality(at('high'), repeat(thin, 5), 60_000).level).toBe('medium');
  });

  it('judges loss on the video stream when it flows', () => {
    const videoLossy = { ...good, packetLossPct: 5, videoLossPct: 12 };
    expect(chooseQuality(at('high'), repeat(videoLossy, 5), 60_000).level).toBe('medium');
    const audioLossOnly = { ...good, packetLossPct: 9, videoLossPct: 0 };
    expect(chooseQuality(at('high'), repeat(audioLossOnly, 5), 60_000).level).toBe('high');
  });

  it('ignores a single bad second', () => {
    expect(chooseQuality(at('high'), [...repeat(good, 4), lossy], 60_000).level).toBe('high');
  });

  it('waits a moment after a change before stepping down again', () => {
    expect(chooseQuality(at('medium', 59_000), repeat(lossy, 5), 60_000).level).toBe('medium');
  });

  it('suggests audio only when the lowest level is still too much', () => {
    expect(chooseQuality(at('low'), repeat(lossy, 5), 60_000)).toEqual({ level: 'low', suggestAudioOnly: true });
  });

  it('suggests audio only at once when the link collapses', () => {
    expect(chooseQuality(at('high'), [...repeat(good, 4), collapsing], 60_000).suggestAudioOnly).toBe(true);
  });

  it('steps up only after ten clean seconds and a hold time', () => {
    expect(chooseQuality(at('low'), repeat(good, 9), 60_000).level).toBe('low');
    expect(chooseQuality(at('low', 55_000), repeat(good, 10), 60_000).level).toBe('low');
    const decision = chooseQuality(at('low'), repeat(good, 10), 60_000);
    expect(decision).toEqual({ level: 'medium', reason: 'connection improved', suggestAudioOnly: false });
  });

  it('does not step up without the bandwidth for the next level', () => {
    const modest = { ...good, availableOutgoingKbps: 500 };
    expect(chooseQuality(at('medium'), repeat(modest, 10), 60_000).level).toBe('medium');
    expect(chooseQuality(at('low'), repeat(modest, 10), 60_000).level).toBe('medium');
  });
});

describe('encodingFor', () => {
  it('lowers resolution and bitrate level by level', () => {
    expect(encodingFor.high.scaleResolutionDownBy).toBeLessThan(encodingFor.medium.scaleResolutionDownBy);
    expect(encodingFor.medium.maxBitrate).toBeGreaterThan(encodingFor.low.maxBitrate);
  });
});
