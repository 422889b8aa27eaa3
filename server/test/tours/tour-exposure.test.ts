// The pure rules of tour activity: what a batch may hold, and what batches add up to.
import { describe, expect, it } from 'vitest';
import type { TourEvent } from '../../../protocol/tour-activity.ts';
import { TourManifest } from '../../../protocol/tour.ts';
import { activityProblems, exposureOf, timelineOf } from '../../src/tours/tour-exposure.ts';
import { fixtureManifest } from './fixture-tour.ts';

const tour = TourManifest.parse(fixtureManifest());
const at = '2026-12-04T10:00:00.000Z';

describe('activityProblems', () => {
  it('accepts what the tour has, from the right sender', () => {
    const events: TourEvent[] = [
      { kind: 'viewpoint', viewpoint: 'door', at, seconds: 12 },
      { kind: 'hotspot', hotspot: 'bed', at },
    ];
    expect(activityProblems(tour, events, 'customer')).toEqual([]);
    expect(activityProblems(tour, [{ kind: 'offer', option: 'room-only', amount: 170, currency: 'EUR', at }], 'assessor')).toEqual([]);
  });

  it('names each event that points at nothing, and agent events sent by a customer', () => {
    const problems = activityProblems(tour, [
      { kind: 'viewpoint', viewpoint: 'balcony', at, seconds: 1 },
      { kind: 'hotspot', hotspot: 'minibar', at },
      { kind: 'seat', seat: '23A', at },
      { kind: 'led', viewpoint: 'door', at },
      { kind: 'offer', option: 'suite', amount: 1, currency: 'EUR', at },
    ], 'customer');
    expect(problems.map((p) => p.path)).toEqual(['events[0].viewpoint', 'events[1].hotspot', 'events[2].seat', 'events[3].kind', 'events[4].kind', 'events[4].option']);
  });
});

describe('exposureOf', () => {
  it('adds up time and visits per viewpoint in the tour order, hotspot opens, seats, pointing, leading and offers', () => {
    const exposure = exposureOf(tour, [
      [{ kind: 'viewpoint', viewpoint: 'window', at, seconds: 5 }, { kind: 'viewpoint', viewpoint: 'door', at, seconds: 10.04 }, { kind: 'hotspot', hotspot: 'bed', at }],
      [{ kind: 'viewpoint', viewpoint: 'door', at, seconds: 2 }, { kind: 'hotspot', hotspot: 'bed', at }, { kind: 'led', viewpoint: 'window', at }],
      [{ kind: 'pointer', viewpoint: 'door', target: [1, 0.6, 0], at }, { kind: 'offer', option: 'room-only', amount: 175, currency: 'EUR', at }],
    ]);
    expect(exposure).toEqual({
      viewpoints: [{ id: 'door', title: 'Door', visits: 2, seconds: 12 }, { id: 'window', title: 'Window', visits: 1, seconds: 5 }],
      hotspots: [{ id: 'bed', title: 'King bed', opens: 2 }],
      seats: [],
      pointers: 1,
      led: 1,
      offers: [{ option: 'room-only', title: 'Room only', seat: null, amount: 175, currency: 'EUR', at }],
    });
  });

  it('keeps what the tour no longer has under its id, and orders seats by row', () => {
    const exposure = exposureOf(tour, [[
      { kind: 'viewpoint', viewpoint: 'gone', at, seconds: 1 },
      { kind: 'seat', seat: '12C', at }, { kind: 'seat', seat: '3A', at }, { kind: 'seat', seat: '12C', at },
    ]]);
    expect(exposure.viewpoints).toEqual([{ id: 'gone', title: 'gone', visits: 1, seconds: 1 }]);
    expect(exposure.seats).toEqual([{ id: '3A', looks: 1 }, { id: '12C', looks: 2 }]);
  });
});

describe('timelineOf', () => {
  it('puts every event in time order, saying who did it, ties kept in the order they came', () => {
    const moments = timelineOf([
      { sender: 'customer', events: [{ kind: 'viewpoint', viewpoint: 'door', at: '2026-12-04T10:00:05.000Z', seconds: 3 }, { kind: 'hotspot', hotspot: 'bed', at }] },
      { sender: 'assessor', events: [{ kind: 'led', viewpoint: 'window', at }, { kind: 'offer', option: 'room-only', amount: 1, currency: 'EUR', at: '2026-12-04T10:00:01.000Z' }] },
    ]);
    expect(moments.map((m) => [m.by, m.event.kind])).toEqual([
      ['customer', 'hotspot'],
      ['agent', 'led'],
      ['agent', 'offer'],
      ['customer', 'viewpoint'],
    ]);
  });
});
