import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshBasicMaterial } from 'three';
import type { Hotspot } from '../../../../protocol/tour.ts';
import { sceneOccluder, visibleHotspots } from './hotspot-visibility.ts';

const hotspot = (id: string, position: [number, number, number]): Hotspot => ({ id, title: id, text: '', position });

describe('hotspot visibility', () => {
  it('without a scene, shows the hotspots near the eye', () => {
    const shown = visibleHotspots([hotspot('near', [0, 1, -3]), hotspot('far', [0, 1, -20])], [0, 1.6, 0], null);
    expect(shown.map((h) => h.id)).toEqual(['near']);
  });

  it('with a scene, hides a hotspot behind a wall but not one on its own object', () => {
    const scene = new Group();
    const wall = new Mesh(new BoxGeometry(4, 3, 0.1), new MeshBasicMaterial());
    wall.position.set(0, 1.5, -2);
    const lamp = new Mesh(new BoxGeometry(0.4, 0.4, 0.4), new MeshBasicMaterial());
    lamp.name = 'poi-lamp';
    lamp.position.set(3, 1, 0);
    scene.add(wall, lamp);
    scene.updateMatrixWorld(true);
    const hotspots = [hotspot('behind-wall', [0, 1.5, -4]), hotspot('lamp', [3, 1, 0]), hotspot('in-front', [0, 1.5, -1])];
    const shown = visibleHotspots(hotspots, [0, 1.6, 0], sceneOccluder(scene));
    expect(shown.map((h) => h.id)).toEqual(['lamp', 'in-front']);
  });
});
