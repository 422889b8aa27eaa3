// Reading tour.json: a splat capture counts as a scene, and a wrong one is named by its field.
import { describe, expect, it } from 'vitest';
import { readTour, SPLAT_EXTENSIONS, tourFiles } from './tour.ts';

const tour = (fields: Record<string, unknown>) => ({
  version: 1,
  id: 'lobby',
  kind: 'other',
  title: 'Lobby',
  start: 'door',
  viewpoints: [{ id: 'door', title: 'Door', position: [0, 1.6, 0], yaw: 0 }],
  ...fields,
});

describe('a tour with a splat capture', () => {
  it('needs no glTF scene nor panoramas, and ships the splat', () => {
    for (const extension of SPLAT_EXTENSIONS) {
      const reading = readTour(tour({ splat: `capture.${extension}` }));
      expect(reading.ok, extension).toBe(true);
      if (reading.ok) expect(tourFiles(reading.tour)).toEqual([`capture.${extension}`]);
    }
    const both = readTour(tour({ scene: 'scene.glb', splat: 'capture.spz' }));
    expect(both.ok && tourFiles(both.tour)).toEqual(['scene.glb', 'capture.spz']);
  });

  it('names the field of a splat it cannot read', () => {
    expect(readTour(tour({ splat: 'capture.obj' }))).toEqual({ ok: false, problems: [{ path: 'splat', message: 'a .spz, .ply, .splat, .ksplat, .sog file' }] });
    expect(readTour(tour({ splat: '../capture.ply' }))).toMatchObject({ ok: false, problems: [{ path: 'splat' }] });
    expect(readTour(tour({ splat: 3 }))).toMatchObject({ ok: false, problems: [{ path: 'splat' }] });
  });

  it('still needs something to show', () => {
    expect(readTour(tour({}))).toEqual({ ok: false, problems: [{ path: 'scene', message: 'a tour needs a scene, a splat or at least one panorama' }] });
  });
});
