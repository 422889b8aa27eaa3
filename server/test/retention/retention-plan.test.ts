// The retention plan's legal-hold rule, pure: a case whose latest `retention.legal-hold` entry is on is
// not purged, is reported as held, and keeps every blob it names from deletion.
import { describe, expect, it } from 'vitest';
import { legalHoldOn, planRetention, type RetentionCase } from '../../src/retention/retention-plan.ts';

const sha = (c: string): string => c.repeat(64);
const outcomeAt = '2026-01-01T00:00:00.000Z';
const now = new Date('2026-03-01T00:00:00.000Z');
const hold = (seq: number, status: 'on' | 'off') => ({ seq, type: 'retention.legal-hold', payload: { status, reason: null, blobs: 1 }, blobs: [] });
const photo = (seq: number, ...blobs: string[]) => ({ seq, type: 'evidence.added', payload: {}, blobs });

describe('legal hold in the retention plan', () => {
  it('reads the latest hold entry: on, then off, then on again', () => {
    expect(legalHoldOn([photo(1, sha('a'))])).toBeNull();
    expect(legalHoldOn([photo(1, sha('a')), hold(2, 'on')])).toBe(2);
    expect(legalHoldOn([photo(1, sha('a')), hold(2, 'on'), hold(3, 'off')])).toBeNull();
    expect(legalHoldOn([photo(1, sha('a')), hold(2, 'on'), hold(3, 'off'), hold(4, 'on')])).toBe(4);
  });

  it('reads a hold entry whose payload does not parse as on: when in doubt, keep the evidence', () => {
    expect(legalHoldOn([{ seq: 5, type: 'retention.legal-hold', payload: { status: 'maybe' }, blobs: [] }])).toBe(5);
  });

  it('skips a held case, reports it, and keeps a blob it shares with a purged case', () => {
    const cases: RetentionCase[] = [
      { caseId: 'held', outcomeAt, entries: [photo(1, sha('a'), sha('b')), hold(2, 'on')] },
      { caseId: 'free', outcomeAt, entries: [photo(1, sha('b'), sha('c'))] },
      { caseId: 'lifted', outcomeAt, entries: [photo(1, sha('d')), hold(2, 'on'), hold(3, 'off')] },
    ];
    const plan = planRetention(cases, now, 30);
    expect(plan.purges.map((p) => p.caseId)).toEqual(['free', 'lifted']);
    expect(plan.held).toEqual([{ caseId: 'held', outcomeAt, holdSeq: 2 }]);
    expect(plan.deletable.sort()).toEqual([sha('c'), sha('d')]);
  });

  it('reports a held case only when retention would otherwise purge it', () => {
    const recent = { caseId: 'recent', outcomeAt: '2026-02-20T00:00:00.000Z', entries: [photo(1, sha('a')), hold(2, 'on')] };
    const open = { caseId: 'open', outcomeAt: null, entries: [photo(1, sha('b')), hold(2, 'on')] };
    expect(planRetention([recent, open], now, 30)).toEqual({ purges: [], held: [], deletable: [] });
  });
});
