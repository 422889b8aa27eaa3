import { describe, expect, it } from 'vitest';
import type { CallView, ChatLine, EvidenceView } from '../../../../protocol/http.ts';
import { formatOffset, timelineMarkers } from './timeline.ts';

const evidence = (id: string, receivedAt: string) => ({ id, receivedAt, source: 'device-still', width: 1920, height: 1080 }) as EvidenceView;
const chat = (id: string, at: string, text: string) => ({ id, caseId: 'c', from: 'customer', text, at }) as ChatLine;
const call: CallView = { id: 'k', caseId: 'c', startedAt: '2025-01-01T10:00:00.000Z', connectedAt: '2025-01-01T10:00:02.000Z', endedAt: '2025-01-01T10:00:20.000Z', state: 'ended', earlyFailure: false, detail: null };

describe('timelineMarkers', () => {
  it('places snapshots, chat and call events at their offsets, in order, and drops what is outside', () => {
    const markers = timelineMarkers({
      startedAt: '2025-01-01T10:00:03.000Z',
      durationMs: 10_000,
      evidence: [evidence('e1', '2025-01-01T10:00:08.500Z'), evidence('e0', '2025-01-01T09:59:00.000Z')],
      chat: [chat('l1', '2025-01-01T10:00:04.000Z', 'hello')],
      calls: [call],
    });
    expect(markers.map((m) => [m.kind, m.offsetMs])).toEqual([
      ['chat', 1000],
      ['snapshot', 5500],
    ]);
    expect(markers[0]?.label).toBe('Customer: hello');
  });

  it('includes call events that fall inside the recording', () => {
    const markers = timelineMarkers({ startedAt: '2025-01-01T10:00:01.000Z', durationMs: 30_000, evidence: [], chat: [], calls: [call] });
    expect(markers.map((m) => m.label)).toEqual(['Call connected', 'Call ended']);
    expect(markers.map((m) => m.offsetMs)).toEqual([1000, 19_000]);
  });

  it('formats offsets as m:ss', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(65_400)).toBe('1:05');
  });
});
