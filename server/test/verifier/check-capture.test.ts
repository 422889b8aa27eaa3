// The verifier's when/where re-derivation from the ledger alone: flags are findings, a stored check
// that its entry's own facts contradict is a problem, an entry from before checks is re-derived
// without a distance limit, and each photo is checked against the address set before it.
import { describe, expect, it } from 'vitest';
import type { CaptureCheck } from '../../../protocol/capture.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { checkCaptures } from '../../src/verifier/check-capture.ts';
import type { Problem } from '../../src/verifier/report.ts';
import { entryOf, PAYLOADS } from '../ledger/payloads.ts';

const RECEIVED = '2026-12-05T10:00:00.000Z';
const LEITH = { latitude: 55.9756, longitude: -3.1711 };
const FAR = { latitude: 56.4256, longitude: -3.1711 };

const photo = (evidenceId: string, over: { deviceTime?: string | null; location?: typeof LEITH | null; source?: 'device-still' | 'gallery'; capture?: CaptureCheck }): LedgerEntry =>
  entryOf('evidence.added', {
    ...PAYLOADS['evidence.added'], evidenceId, receivedAt: RECEIVED, deviceTime: over.deviceTime === undefined ? RECEIVED : over.deviceTime,
    source: over.source ?? 'device-still', location: over.location === undefined ? { ...LEITH, accuracy: 5 } : over.location && { ...over.location, accuracy: 5 },
    ...(over.capture ? { capture: over.capture } : {}),
  });
const addressAt = (place: typeof LEITH) => entryOf('case.address-set', { address: 'The yard', ...place });

describe('checkCaptures', () => {
  it('re-derives each photo against the address before it; flags are findings, not problems', () => {
    const problems: Problem[] = [];
    const summary = checkCaptures([
      photo('ev_before_address', { location: FAR, capture: { clockSkewMs: 0, distanceM: null, maxDistanceM: 1000, flags: [] } }),
      addressAt(LEITH),
      photo('ev_ok', { capture: { clockSkewMs: 0, distanceM: 0, maxDistanceM: 1000, flags: [] } }),
      photo('ev_far', { location: FAR, capture: { clockSkewMs: 0, distanceM: 50_038, maxDistanceM: 1000, flags: ['far-from-address'] } }),
      photo('ev_clock', { deviceTime: '2026-12-05T09:50:00.000Z', capture: { clockSkewMs: 600_000, distanceM: 0, maxDistanceM: 1000, flags: ['clock-off'] } }),
      addressAt(FAR),
      photo('ev_moved', { location: FAR, capture: { clockSkewMs: 0, distanceM: 0, maxDistanceM: 1000, flags: [] } }),
    ], problems);
    expect(problems).toEqual([]);
    expect(summary.photos).toBe(5);
    expect(summary.flagged.map((f) => [f.evidenceId, f.reasons])).toEqual([
      ['ev_far', ['taken 50.0 km from the case address (limit 1.0 km)']],
      ['ev_clock', ['taken 10.0 min off the server clock (device behind)']],
    ]);
  });

  it('reports a stored check its entry\'s facts contradict as a problem, naming the entry', () => {
    const problems: Problem[] = [];
    const forged = photo('ev_forged', { location: FAR, capture: { clockSkewMs: 0, distanceM: 12, maxDistanceM: 1000, flags: [] } });
    checkCaptures([addressAt(LEITH), forged], problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toMatchObject({ kind: 'entry', seq: forged.seq, type: 'evidence.added' });
    expect(problems[0]!.message).toMatch(/^photo ev_forged: the stored when\/where check .*distance 12 m.* does not match the one re-derived from the ledger .*distance 50038 m.*far-from-address/);
  });

  it('re-derives an entry from before checks without a distance limit, and a gallery upload as not live', () => {
    const problems: Problem[] = [];
    const summary = checkCaptures([
      addressAt(LEITH),
      photo('ev_old', { location: FAR, deviceTime: '2026-12-05T09:00:00.000Z' }),
      photo('ev_gallery', { source: 'gallery', deviceTime: null, location: null, capture: { clockSkewMs: null, distanceM: null, maxDistanceM: 1000, flags: ['not-live'] } }),
    ], problems);
    expect(problems).toEqual([]);
    expect(summary.flagged.map((f) => [f.evidenceId, f.check.flags, f.check.maxDistanceM])).toEqual([
      ['ev_old', ['clock-off'], null],
      ['ev_gallery', ['not-live'], 1000],
    ]);
  });

  it('reports an address entry whose payload is not an address', () => {
    const problems: Problem[] = [];
    checkCaptures([{ ...addressAt(LEITH), payload: { address: 'x', latitude: 'north' } }], problems);
    expect(problems.map((p) => p.message)).toEqual(['its payload is not an address (address, latitude, longitude)']);
  });
});
