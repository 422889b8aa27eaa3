import { describe, expect, it } from 'vitest';
import { readTour, type TourManifest } from '../../../../protocol/tour.ts';
import { localizeTour } from './tour-translation.ts';

function room(): TourManifest {
  const reading = readTour({
    version: 1, id: 'room', kind: 'hotel-room', title: 'Standard room', scene: 'scene.glb', start: 'bed',
    viewpoints: [{ id: 'bed', title: 'Bedroom', position: [0, 1.6, 0], yaw: 0 }, { id: 'bath', title: 'Bathroom', position: [3, 1.6, 0], yaw: 0 }],
    hotspots: [{ id: 'minibar', title: 'Minibar', text: 'Drinks', position: [1, 1, 1], price: { amount: 5, currency: 'EUR', per: 'drink' } }],
    bookables: [{ id: 'room', title: 'Standard room', text: 'Two nights', price: { amount: 189, currency: 'EUR', per: 'night' } }],
    plan: { kind: 'floor', bounds: { minX: -1, minZ: -1, maxX: 4, maxZ: 1 }, shapes: [{ kind: 'room', label: 'Bedroom', points: [[0, 0], [1, 0], [1, 1]] }] },
    translations: {
      'zh-CN': {
        title: '标准间',
        viewpoints: { bed: { title: '卧室' } },
        hotspots: { minibar: { title: '迷你吧' } },
        bookables: { room: { title: '标准间', text: '两晚' } },
        planLabels: { Bedroom: '卧室' },
        per: { night: '晚' },
      },
    },
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.tour;
}

describe('a tour in the page’s language', () => {
  const tour = room();

  it('takes the translated words, keeps what has none, and changes no id', () => {
    const zh = localizeTour(tour, 'zh-CN');
    expect(zh.title).toBe('标准间');
    expect(zh.viewpoints.map((v) => [v.id, v.title])).toEqual([['bed', '卧室'], ['bath', 'Bathroom']]);
    expect(zh.hotspots[0]).toMatchObject({ id: 'minibar', title: '迷你吧', text: 'Drinks', price: { per: 'drink' } });
    expect(zh.bookables[0]).toMatchObject({ title: '标准间', text: '两晚', price: { amount: 189, per: '晚' } });
    expect(zh.plan?.shapes[0]?.label).toBe('卧室');
  });

  it('matches a language of the same kind, and leaves the tour as it is for one it lacks', () => {
    expect(localizeTour(tour, 'zh').title).toBe('标准间');
    expect(localizeTour(tour, 'en')).toBe(tour);
    expect(localizeTour(tour, 'zh-TW')).toBe(tour);
  });
});
