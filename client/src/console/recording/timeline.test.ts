import { describe, expect, it } from 'vitest';
import type { CallView, ChatLine, EvidenceView } from '../../../../protocol/http.ts';
import { formatOffset, placeMarkers, timelineMarkers, timelineSpanMs } from './timeline.ts';

const evidence = (id: string, receivedAt: string) => ({ id, receivedAt, source: 'device-still', width: 1920, height: 1080 }) as EvidenceView;
const chat = (id: string, at: string, text: string) => ({ id, caseId: 'c', from: 'customer', text, at }) as ChatLine;
const call: CallView = { id: 'k', caseId: 'c', startedAt: '2025-01-01T10:00:00.000Z', connectedAt: '2025-01-01T10:00:02.000Z', endedAt: '2025-01-01T10:00:20.000Z', state: 'ended', earlyFailure: false, detail: null };

describe('timelineMarkers', () => {
  it('places snapshots, chat and call events at their offsets, in order, and drops what is outside', () => {
    const markers = timelineMarkers({
      startedAt: '2025-01-01T10:00:03.000Z',
      durationMs: 10_000,
      evidence: [evidence('e1', '2025-01-01T10:00:08.500Z'), evidence('e0', '2025-01-01T09:59:00.000Z')],
      chat: [chat('l1', '2025-01-01T10:00:04.000Z', 'hello'), { ...chat('l2', '2025-01-01T10:00:09.000Z', 'replace the gasket'), from: 'assessor', author: { role: 'expert', name: 'Ines Duarte', userId: 'u1' } }],
      calls: [call],
    });
    expect(markers.map((m) => [m.kind, m.offsetMs])).toEqual([
      ['chat', 1000],
      ['snapshot', 5500],
      ['chat', 6000],
    ]);
    expect(markers[0]?.label).toBe('Customer: hello');
    expect(markers[2]?.label).toBe('Ines Duarte: replace the gasket');
  });

  it('includes call events that fall inside the recording', () => {
    const markers = timelineMarkers({ startedAt: '2025-01-01T10:00:01.000Z', durationMs: 30_000, evidence: [], chat: [], calls: [call] });
    expect(markers.map((m) => m.label)).toEqual(['Call connected', 'Call ended']);
    expect(markers.map((m) => m.offsetMs)).toEqual([1000, 19_000]);
  });

  it('places anchored marks and measurements with what they were', () => {
    const pose = { position: [0, 0, 0] as [number, number, number], orientation: [0, 0, 0, 1] as [number, number, number, number] };
    const markers = timelineMarkers({
      startedAt: '2025-01-01T10:00:00.000Z',
      durationMs: 60_000,
      evidence: [],
      chat: [],
      calls: [],
      annotations: [{ id: 'a1', caseId: 'c', kind: 'circle', label: 'dent', screen: { u: 0.5, v: 0.5 }, anchor: { pose, anchored: true, cameraPose: pose }, createdBy: 'assessor', at: '2025-01-01T10:00:12.000Z', clearedAt: null }],
      measurements: [{ id: 'm1', caseId: 'c', a: [0, 0, 0], b: [0.8, 0, 0], screenA: { u: 0.4, v: 0.5 }, screenB: { u: 0.6, v: 0.5 }, cameraPose: pose, createdBy: 'assessor', at: '2025-01-01T10:00:20.000Z', distanceM: 0.8, uncertaintyM: 0.028 }],
    });
    expect(markers.map((m) => [m.kind, m.offsetMs, m.label])).toEqual([
      ['annotation', 12_000, 'Circle: dent (anchored)'],
      ['measurement', 20_000, 'Measurement 80.0 cm ± 2.8 cm'],
    ]);
  });

  it('formats offsets as m:ss', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(65_400)).toBe('1:05');
  });

  it('a recording being made spans the chunks the server holds, not the few seconds the player first loaded', () => {
    expect(timelineSpanMs({ durationMs: null, chunkCount: 7, chunkMs: 3000 }, 2900)).toBe(21_000);
    expect(timelineSpanMs({ durationMs: null, chunkCount: 0, chunkMs: 3000 }, null)).toBe(0);
    expect(timelineSpanMs({ durationMs: null, chunkCount: 4, chunkMs: null }, 11_500)).toBe(11_500);
    expect(timelineSpanMs({ durationMs: 10_400, chunkCount: 4, chunkMs: 3000 }, 9000)).toBe(10_400);
    // Snapshots and chat during the call are counted while it records.
    const markers = timelineMarkers({
      startedAt: '2025-01-01T10:00:00.000Z',
      durationMs: timelineSpanMs({ durationMs: null, chunkCount: 5, chunkMs: 3000 }, 2900),
      evidence: [evidence('e1', '2025-01-01T10:00:06.000Z'), evidence('e2', '2025-01-01T10:00:11.000Z')],
      chat: [chat('l1', '2025-01-01T10:00:04.000Z', 'hello'), chat('l2', '2025-01-01T10:00:09.000Z', 'there')],
      calls: [],
    });
    expect(markers.map((m) => m.kind)).toEqual(['chat', 'snapshot', 'chat', 'snapshot']);
  });

  it('places markers a touch target apart: one too close to another goes to the row below, none sticks out of the bar', () => {
    // 300 px for 60 s: 5 px a second. A call starting at 0 s and a photo 1 s later would overlap.
    expect(placeMarkers([0, 1000, 30_000, 31_000, 36_000, 60_000], 60_000, 300)).toEqual([
      { x: 12, lane: 0 },
      { x: 12, lane: 1 },
      { x: 150, lane: 0 },
      { x: 155, lane: 1 },
      { x: 180, lane: 0 },
      { x: 288, lane: 0 },
    ]);
    // On a wide bar the same moments all fit on it.
    expect(placeMarkers([0, 10_000, 20_000], 60_000, 1200).map((p) => p.lane)).toEqual([0, 0, 0]);
    // Given out of order, each keeps its own place; a bar not measured yet puts everything at 0.
    expect(placeMarkers([20_000, 0], 20_000, 100)).toEqual([{ x: 88, lane: 0 }, { x: 12, lane: 0 }]);
    expect(placeMarkers([5000], 0, 0)).toEqual([{ x: 0, lane: 0 }]);
  });
});
