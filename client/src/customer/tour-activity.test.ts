// The tour activity recorder: time per viewpoint, events in batches, a failed batch resent under its id.
import { describe, expect, it } from 'vitest';
import { TourActivityBody } from '../../../protocol/tour-activity.ts';
import { TourActivityRecorder } from './tour-activity.ts';

const T0 = Date.parse('2026-12-04T10:00:00.000Z');

function setup(failTimes = 0) {
  let now = T0;
  let ids = 0;
  let failures = failTimes;
  const sent: TourActivityBody[] = [];
  const recorder = new TourActivityRecorder({
    now: () => now,
    newBatchId: () => `batch-${String(++ids).padStart(6, '0')}`,
    send: async (body) => {
      sent.push(TourActivityBody.parse(body));
      if (failures-- > 0) throw new Error('offline');
    },
  });
  return { recorder, sent, advance: (ms: number) => (now += ms) };
}

describe('TourActivityRecorder', () => {
  it('counts the time at each viewpoint until the customer moves on, and up to the flush for the current one', async () => {
    const { recorder, sent, advance } = setup();
    recorder.setView('3d');
    recorder.arrive('door');
    advance(12_000);
    recorder.openHotspot('bed');
    recorder.arrive('window');
    advance(4_000);
    expect(await recorder.flush()).toBe(true);
    expect(sent).toEqual([{
      batchId: 'batch-000001', view: '3d', events: [
        { kind: 'hotspot', hotspot: 'bed', at: '2026-12-04T10:00:12.000Z' },
        { kind: 'viewpoint', viewpoint: 'door', at: '2026-12-04T10:00:00.000Z', seconds: 12 },
        { kind: 'viewpoint', viewpoint: 'window', at: '2026-12-04T10:00:12.000Z', seconds: 4 },
      ],
    }]);
    advance(3_000);
    await recorder.flush({ leaving: true });
    expect(sent[1]?.events).toEqual([{ kind: 'viewpoint', viewpoint: 'window', at: '2026-12-04T10:00:16.000Z', seconds: 3 }]);
    expect(await recorder.flush()).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('resends a failed batch under the same id before anything newer, and sends nothing when there is nothing', async () => {
    const { recorder, sent, advance } = setup(1);
    expect(await recorder.flush()).toBe(true);
    expect(sent).toEqual([]);
    recorder.lookAtSeat('23A');
    expect(await recorder.flush()).toBe(false);
    recorder.lookAtSeat('24A');
    advance(1000);
    expect(recorder.pending).toBe(2);
    expect(await recorder.flush()).toBe(true);
    expect(sent.map((b) => [b.batchId, b.events.map((e) => (e.kind === 'seat' ? e.seat : e.kind))])).toEqual([
      ['batch-000001', ['23A']],
      ['batch-000001', ['23A']],
      ['batch-000002', ['24A']],
    ]);
    expect(recorder.pending).toBe(0);
  });

  it('ignores a glance of under half a second and an arrival where the customer already is', async () => {
    const { recorder, sent, advance } = setup();
    recorder.arrive('door');
    advance(300);
    recorder.arrive('door');
    recorder.arrive('window');
    advance(2000);
    await recorder.flush({ leaving: true });
    expect(sent[0]?.events).toEqual([{ kind: 'viewpoint', viewpoint: 'window', at: '2026-12-04T10:00:00.300Z', seconds: 2 }]);
  });

  it('records what the agent did: a pointer per placement, each viewpoint led to, and offers, in the order done', async () => {
    const { recorder, sent, advance } = setup();
    recorder.point('seat-23a', [-1.4, 1.1, 19.2]);
    advance(2_000);
    recorder.lead('aisle-10');
    recorder.offer({ option: 'economy-seat', seat: '23A', amount: 15, currency: 'EUR' });
    recorder.offer({ option: 'suite-breakfast', seat: undefined, amount: 324, currency: 'EUR' });
    expect(await recorder.flush()).toBe(true);
    expect(sent[0]?.events).toEqual([
      { kind: 'pointer', viewpoint: 'seat-23a', target: [-1.4, 1.1, 19.2], at: '2026-12-04T10:00:00.000Z' },
      { kind: 'led', viewpoint: 'aisle-10', at: '2026-12-04T10:00:02.000Z' },
      { kind: 'offer', option: 'economy-seat', seat: '23A', amount: 15, currency: 'EUR', at: '2026-12-04T10:00:02.000Z' },
      { kind: 'offer', option: 'suite-breakfast', amount: 324, currency: 'EUR', at: '2026-12-04T10:00:02.000Z' },
    ]);
  });
});
