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
    expect(readTour(tour({}))).toEqual({ ok: false, problems: [{ path: 'scene', message: 'a tour needs a scene, a splat or at least one panorama', words: { key: 'noScene' } }] });
  });
});

describe('a tour in other languages', () => {
  const base = { scene: 'scene.glb', hotspots: [{ id: 'bed', title: 'Bed', position: [0, 0.5, -2] }] };
  const translated = (translations: unknown) => readTour(tour({ ...base, translations }));

  it('reads titles and texts by id, per language tag', () => {
    const reading = translated({ 'zh-CN': { title: '大堂', viewpoints: { door: { title: '门口' } }, hotspots: { bed: { title: '床', text: '大床' } }, planLabels: { Lobby: '大堂' }, per: { night: '晚' } } });
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.tour.translations['zh-CN']?.viewpoints.door?.title).toBe('门口');
    expect(readTour(tour(base)).ok && readTour(tour(base))).toMatchObject({ tour: { translations: {} } });
  });

  it('names the field of a bad language, a misspelt key, an empty title or an id that is not in the tour', () => {
    expect(translated({ chinese: { title: '大堂' } })).toMatchObject({ ok: false, problems: [{ path: 'translations.chinese' }] });
    expect(translated({ 'zh-CN': { hotspot: {} } })).toMatchObject({ ok: false, problems: [{ path: 'translations.zh-CN', message: expect.stringContaining('hotspot') }] });
    expect(translated({ 'zh-CN': { viewpoints: { door: { title: '' } } } })).toMatchObject({ ok: false, problems: [{ path: 'translations.zh-CN.viewpoints.door.title' }] });
    expect(translated({ 'zh-CN': { viewpoints: { roof: { title: '屋顶' } } } })).toEqual({ ok: false, problems: [{ path: 'translations.zh-CN.viewpoints.roof', message: 'no viewpoint "roof"', words: { key: 'noViewpoint', values: { id: 'roof' } } }] });
    expect(translated({ 'zh-CN': { hotspots: { lamp: { title: '灯' } } } })).toEqual({ ok: false, problems: [{ path: 'translations.zh-CN.hotspots.lamp', message: 'no hotspot "lamp"', words: { key: 'noHotspot', values: { id: 'lamp' } } }] });
  });
});
