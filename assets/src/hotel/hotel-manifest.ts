// A hotel design as its tour.json: viewpoints (with the panoramas rendered for them), links both
// ways, hotspots on their nodes, the floor plan and the rates.
import type { TourManifest } from '../../../protocol/tour.ts';
import { roundVec } from '../tour/numbers.ts';
import { hotelPlan } from './floor-plan.ts';
import type { HotelDesign } from './hotel-design.ts';
import { poiNodeName } from './hotel-scene.ts';

export function hotelManifest(design: HotelDesign, panoramas: ReadonlyMap<string, string>): TourManifest {
  const hotspots = [...design.items.flatMap((i) => (i.hotspot ? [i.hotspot] : [])), ...(design.openingHotspots ?? []).map((h) => h.hotspot)];
  return {
    version: 1,
    id: design.id,
    kind: 'hotel-room',
    title: design.title,
    description: design.description,
    scene: 'scene.glb',
    start: design.start,
    viewpoints: design.viewpoints.map((v) => ({
      id: v.id,
      title: v.title,
      position: roundVec(v.position),
      yaw: v.yaw,
      pitch: v.pitch ?? 0,
      ...(panoramas.has(v.id) ? { panorama: panoramas.get(v.id)! } : {}),
    })),
    links: design.links.flatMap(([a, b]) => [{ from: a, to: b }, { from: b, to: a }]),
    hotspots: hotspots.map((h) => ({
      id: h.id,
      title: h.title,
      text: h.text,
      position: roundVec(h.anchor),
      node: poiNodeName(h.id),
      ...(h.price ? { price: h.price } : {}),
      ...(h.option ? { option: h.option } : {}),
    })),
    plan: hotelPlan(design),
    bookables: design.bookables,
    // Other languages' words are added as the tour is written (generate.ts, tour/zh-cn.ts).
    translations: {},
  };
}
