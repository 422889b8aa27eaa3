import { describe, expect, it } from 'vitest';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { Vec3 } from '../../../../protocol/spatial.ts';
import { NEEDS_AR, NO_SURFACE, SpatialHost, type Tracker, type TrackerHit } from './spatial-host.ts';

const pose = (position: Vec3) => ({ position, orientation: [0, 0, 0, 1] as [number, number, number, number] });

function host() {
  const sent: PeerMessage[] = [];
  return { host: new SpatialHost((m) => sent.push(m)), sent };
}

/** A tracker that hits the floor straight below a camera held at (u, 1.5, v). */
function floorTracker(): Tracker & { released: string[] } {
  const released: string[] = [];
  return {
    released,
    hitTest: async (screen, anchorId): Promise<TrackerHit | null> =>
      screen.u > 0.95 ? null : { pose: pose([screen.u, 0, screen.v]), cameraPose: pose([screen.u, 1.5, screen.v]), anchored: anchorId !== null },
    release: (ids) => released.push(...ids),
    project: async (points) => points.map((p) => ({ u: p[0], v: p[2] })),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SpatialHost', () => {
  it('places annotations flat at their screen point without a tracker', async () => {
    const { host: h, sent } = host();
    expect(h.handle({ v: 1, type: 'annotation-place', id: 'marker-0001', kind: 'marker', screen: { u: 0.2, v: 0.3 } })).toBe(true);
    await flush();
    expect(sent).toEqual([{ v: 1, type: 'annotation-placed', id: 'marker-0001', kind: 'marker', screen: { u: 0.2, v: 0.3 }, anchor: null }]);
    expect(h.annotations.map((a) => a.id)).toEqual(['marker-0001']);
    expect(await h.layer()).toEqual({ items: [{ kind: 'marker', points: [{ u: 0.2, v: 0.3 }], refId: 'marker-0001' }] });
  });

  it('refuses to measure without a tracker, with the reason', async () => {
    const { host: h, sent } = host();
    h.handle({ v: 1, type: 'measure-point', id: 'measure-01', index: 0, screen: { u: 0.5, v: 0.5 } });
    await flush();
    expect(sent[0]).toMatchObject({ type: 'measure-point-result', point: null, error: NEEDS_AR });
  });

  it('anchors annotations at the hit pose and reports misses', async () => {
    const { host: h, sent } = host();
    h.setTracker(floorTracker());
    h.handle({ v: 1, type: 'annotation-place', id: 'marker-0002', kind: 'circle', screen: { u: 0.4, v: 0.6 }, label: 'dent' });
    h.handle({ v: 1, type: 'annotation-place', id: 'marker-0003', kind: 'marker', screen: { u: 0.99, v: 0.6 } });
    await flush();
    expect(sent[0]).toMatchObject({ id: 'marker-0002', label: 'dent', anchor: { anchored: true, pose: { position: [0.4, 0, 0.6] }, cameraPose: { position: [0.4, 1.5, 0.6] } } });
    expect(sent[1]).toMatchObject({ id: 'marker-0003', anchor: null, error: NO_SURFACE });
    expect(h.annotations.map((a) => a.id)).toEqual(['marker-0002']);
  });

  it('answers measure points with the hit and the camera pose, and shows finished measurements in the layer', async () => {
    const { host: h, sent } = host();
    h.setTracker(floorTracker());
    h.handle({ v: 1, type: 'measure-point', id: 'measure-02', index: 1, screen: { u: 0.25, v: 0.5 } });
    await flush();
    expect(sent[0]).toMatchObject({ type: 'measure-point-result', index: 1, point: [0.25, 0, 0.5], cameraPose: { position: [0.25, 1.5, 0.5] } });
    h.handle({ v: 1, type: 'measurement', id: 'measure-02', a: [0.1, 0, 0.5], b: [0.9, 0, 0.5], distanceM: 0.8, uncertaintyM: 0.028 });
    const layer = await h.layer();
    expect(layer?.items).toEqual([{ kind: 'measurement', points: [{ u: 0.1, v: 0.5 }, { u: 0.9, v: 0.5 }], refId: 'measure-02', label: '80.0 cm ± 2.8 cm' }]);
  });

  it('clears the named annotations (releasing their anchors), or everything', async () => {
    const { host: h } = host();
    const tracker = floorTracker();
    h.setTracker(tracker);
    for (const id of ['marker-000a', 'marker-000b']) h.handle({ v: 1, type: 'annotation-place', id, kind: 'marker', screen: { u: 0.5, v: 0.5 } });
    await flush();
    h.handle({ v: 1, type: 'annotations-clear', ids: ['marker-000a'] });
    expect(h.annotations.map((a) => a.id)).toEqual(['marker-000b']);
    expect(tracker.released).toEqual(['marker-000a']);
    h.handle({ v: 1, type: 'annotations-clear' });
    expect(h.annotations).toEqual([]);
    expect(await h.layer()).toBeNull();
  });
});
