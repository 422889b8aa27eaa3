// A hotel design as a scene to bake: the rooms' surfaces, what fills the openings, the furniture
// (points of interest as named nodes with their hotspot in extras), the view outside the windows.
import { gridQuad } from '../scene/grid.ts';
import type { Vec3 } from '../scene/geometry.ts';
import type { SceneModel, SceneNode } from '../scene/scene-model.ts';
import type { HotelDesign, HotspotSpec, WindowView } from './hotel-design.ts';
import { HOTEL_MATERIALS } from './materials.ts';
import { openingNodes } from './openings.ts';
import { roomNodes } from './room-shell.ts';

/** Where the horizon is in a view picture, from the top: the pictures are painted so. */
export const VIEW_HORIZON = 0.4;

export function poiNodeName(hotspotId: string): string {
  return `poi-${hotspotId}`;
}

function poi(node: SceneNode, hotspot: HotspotSpec): SceneNode {
  return { ...node, name: poiNodeName(hotspot.id), origin: hotspot.anchor, extras: { hotspot: hotspot.id, title: hotspot.title } };
}

function viewNode(view: WindowView, index: number): SceneNode {
  const a = (view.yaw * Math.PI) / 180;
  const right: Vec3 = [Math.cos(a), 0, -Math.sin(a)];
  const top = view.horizon + VIEW_HORIZON * view.height;
  const corner: Vec3 = [view.centre[0] - (right[0] * view.width) / 2, top - view.height, view.centre[1] - (right[2] * view.width) / 2];
  const geometry = gridQuad(corner, [right[0] * view.width, 0, right[2] * view.width], [0, view.height, 0], { cell: 1000, uv: 'unit' });
  return { name: `view-${index + 1}`, origin: [view.centre[0], view.horizon, view.centre[1]], parts: [{ material: view.material, geometry }] };
}

/** Where the room's inside face is across an opening: the nearest room face to the opening's middle. */
function insideFace(design: HotelDesign) {
  return (o: { min: readonly [number, number]; max: readonly [number, number] }): number => {
    const alongX = o.max[0] - o.min[0] >= o.max[1] - o.min[1];
    const faces = design.plan.rooms.flatMap((r) => (alongX ? [r.min[1], r.max[1]] : [r.min[0], r.max[0]]));
    const [lo, hi] = alongX ? [o.min[1], o.max[1]] : [o.min[0], o.max[0]];
    return faces.filter((f) => f >= lo - 1e-3 && f <= hi + 1e-3)[0] ?? lo;
  };
}

export function hotelScene(design: HotelDesign): SceneModel {
  const nodes: SceneNode[] = [...roomNodes(design.plan)];
  const openings = openingNodes(design.plan.openings, design.ceiling, { reveal: 'paint', doorFrame: 'white-trim', doorLeaf: 'walnut', metal: 'metal', windowFrame: 'dark-metal', sill: 'marble' }, insideFace(design));
  for (const [i, node] of openings.entries()) {
    const hotspot = design.openingHotspots?.find((h) => h.opening === i)?.hotspot;
    nodes.push(hotspot ? poi(node, hotspot) : node);
  }
  for (const item of design.items) {
    const fp = item.furniture.footprint;
    const centre: Vec3 = fp.length ? [fp.reduce((s, p) => s + p[0], 0) / fp.length, 0, fp.reduce((s, p) => s + p[1], 0) / fp.length] : [0, 0, 0];
    const node: SceneNode = { name: item.name, origin: centre, parts: item.furniture.parts };
    nodes.push(item.hotspot ? poi(node, item.hotspot) : node);
  }
  design.views.forEach((v, i) => nodes.push(viewNode(v, i)));
  return {
    nodes,
    materials: HOTEL_MATERIALS,
    lights: [...design.lights, ...design.items.flatMap((i) => i.furniture.lights)],
    sky: design.sky,
    exposure: design.exposure,
  };
}
