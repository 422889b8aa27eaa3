import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLE_SECONDS, estimateWait } from '../../src/frontdoor/wait-estimate.ts';
import { assessor, at, entry } from './routing-fixtures.ts';

const line = (n: number, over = {}) => Array.from({ length: n }, (_, i) => entry(`e${i + 1}`, { enqueuedAt: at(i), ...over }));
const full = (id: string) => assessor(id, { load: { text: 3 } });

describe('estimateWait', () => {
  it('counts positions per channel in routing order', () => {
    const queue = [entry('v1', { channel: 'voice' }), entry('t2', { enqueuedAt: at(2) }), entry('t1', { enqueuedAt: at(1) }), entry('t0', { priority: 1, enqueuedAt: at(9) })];
    const byId = Object.fromEntries(estimateWait(queue, [full('asr_a')], {}, at(10)).map((w) => [w.entryId, w.position]));
    expect(byId).toEqual({ t0: 1, t1: 2, t2: 3, v1: 1 });
  });

  it('serves the line at the pace of the recent handle time over the fitting slots', () => {
    // Two assessors, six chat slots, all taken; a chat lasts 60 s: one slot frees every 10 s.
    const etas = estimateWait(line(4), [full('asr_a'), full('asr_b')], { text: [50, 70] }, at(10)).map((w) => w.etaSeconds);
    expect(etas).toEqual([10, 20, 30, 40]);
  });

  it('gives no wait to as many as there are free slots, and none to an entry with an offer out', () => {
    const assessors = [assessor('asr_a', { load: { text: 1 } }), full('asr_b')];
    expect(estimateWait(line(3), assessors, { text: [60] }, at(10)).map((w) => w.etaSeconds)).toEqual([0, 0, 10]);
    const offered = [assessor('asr_a', { pendingOffer: 'e1', load: { text: 2 } }), full('asr_b')];
    expect(estimateWait(line(2), offered, { text: [60] }, at(10)).map((w) => w.etaSeconds)).toEqual([0, 10]);
  });

  it('is monotone in position for entries with the same criteria', () => {
    const assessors = [full('asr_a'), assessor('asr_b', { load: { text: 2 } }), assessor('asr_c', { load: { voice: 1 } })];
    const etas = estimateWait(line(40), assessors, { text: [120, 200, 90] }, at(60)).map((w) => w.etaSeconds!);
    for (let i = 1; i < etas.length; i++) expect(etas[i]!).toBeGreaterThanOrEqual(etas[i - 1]!);
    expect(etas[39]!).toBeGreaterThan(etas[0]!);
  });

  it('lets a held callback keep its place without counting against anyone', () => {
    const queue = [entry('cb', { held: true, enqueuedAt: at(0) }), entry('e1', { enqueuedAt: at(1) }), entry('e2', { enqueuedAt: at(2) })];
    expect(estimateWait(queue, [full('asr_a')], { text: [30] }, at(5))).toEqual([
      { entryId: 'cb', position: 1, etaSeconds: null },
      { entryId: 'e1', position: 1, etaSeconds: 10 },
      { entryId: 'e2', position: 2, etaSeconds: 20 },
    ]);
  });

  it('waits at least until a later step brings in someone who fits, and gives no estimate when nobody ever will', () => {
    const steps = [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 5 }] }, { afterSeconds: 30, requires: [] }];
    const e = entry('e1', { steps });
    expect(estimateWait([e], [assessor('asr_a')], { text: [60] }, at(10))[0]!.etaSeconds).toBe(20);
    expect(estimateWait([entry('e1', { steps: steps.slice(0, 1) })], [assessor('asr_a')], {}, at(10))[0]!.etaSeconds).toBeNull();
    expect(estimateWait([e], [assessor('asr_a', { status: 'offline' })], {}, at(10))[0]!.etaSeconds).toBeNull();
  });

  it('counts only the pinned assessor for a pinned entry', () => {
    const pinned = entry('e1', { pinnedTo: 'asr_p' });
    expect(estimateWait([pinned], [assessor('asr_x'), assessor('asr_p', { load: { text: 3 } })], { text: [90] }, at(1))[0]!.etaSeconds).toBe(30);
    expect(estimateWait([pinned], [assessor('asr_x'), assessor('asr_p', { status: 'away' })], {}, at(1))[0]!.etaSeconds).toBeNull();
  });

  it('falls back to other channels\' handle times, then to a default', () => {
    const one = [entry('e1', { channel: 'voice' }), entry('e2', { channel: 'voice', enqueuedAt: at(1) })];
    const busy = [assessor('asr_a', { load: { voice: 1 } })];
    expect(estimateWait(one, busy, { text: [40, 80] }, at(2)).map((w) => w.etaSeconds)).toEqual([60, 120]);
    expect(estimateWait(one, busy, {}, at(2)).map((w) => w.etaSeconds)).toEqual([DEFAULT_HANDLE_SECONDS, 2 * DEFAULT_HANDLE_SECONDS]);
  });
});
