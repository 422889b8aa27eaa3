// The A321neo cabin tour: its layout read from JSON, seats placed, the points of interest, the
// viewpoints (one per seat, facing forward at the seated eye, and a walk down the aisle), links,
// the seat map and the seat products.
import { readFileSync } from 'node:fs';
import type { Bookable, Hotspot, TourLink, TourManifest, Viewpoint } from '../../../protocol/tour.ts';
import type { Vec3 } from '../scene/geometry.ts';
import { round3, roundVec } from '../tour/numbers.ts';
import type { TourBuild } from '../tour/tour-build.ts';
import { readCabinLayout, type CabinLayout } from './cabin-layout.ts';
import { cabinScene, type CabinPoi } from './cabin-scene.ts';
import { cabinPlan } from './cabin-plan.ts';
import { cabinTextures } from './materials.ts';
import { rowPlacements, seatPlacements, seatViewpointId, type SeatPlacement } from './seat-layout.ts';

const STANDING_EYE = 1.62;

interface AisleStop {
  id: string;
  title: string;
  z: number;
  yaw: number;
}

/** Where one stands in the aisle: the boarding door, every fifth row or so, the rear galley. */
function aisleStops(layout: CabinLayout): AisleStop[] {
  const rows = rowPlacements(layout);
  const front = layout.exits[0]?.z ?? rows[0]!.z - 1;
  // Just behind the door's middle, clear of the EXIT sign hanging over it.
  const stops: AisleStop[] = [{ id: 'aisle-front', title: 'Boarding door', z: front + 0.45, yaw: 180 }];
  rows.forEach((r, i) => {
    const first = i === 0 || layout.sections[rows[i - 1]!.section] !== layout.sections[r.section];
    if (first || r.row % 5 === 0) stops.push({ id: `aisle-row-${r.row}`, title: `Aisle by row ${r.row}`, z: r.z, yaw: 180 });
  });
  // At the rear door if there is one behind the seats, else just behind the last row.
  const last = rows[rows.length - 1]!;
  const rearDoor = layout.exits.filter((e) => e.kind === 'door' && e.z > last.z).sort((a, b) => b.z - a.z)[0];
  stops.push({ id: 'aisle-rear', title: rearDoor ? 'Rear door' : 'Rear of the cabin', z: rearDoor?.z ?? last.z + 0.9, yaw: 0 });
  return stops;
}

function seatTitle(s: SeatPlacement): string {
  return `View from seat ${s.id}`;
}

/** Bookable seat products; the layout names which one each section's seats sell as. */
const PRODUCTS: Bookable[] = [
  { id: 'business-seat', title: 'Business class seat', text: 'A recliner with a legrest, two armrests of its own and a meal served at your seat.', price: { amount: 189, currency: 'EUR', per: 'seat' } },
  { id: 'extra-legroom-seat', title: 'Extra legroom seat', text: 'The first economy row behind the divider: about 20 cm more room in front.', price: { amount: 39, currency: 'EUR', per: 'seat' } },
  { id: 'exit-row-seat', title: 'Exit row seat', text: 'More legroom beside the overwing exit. For adults able and willing to help in an emergency.', price: { amount: 35, currency: 'EUR', per: 'seat' } },
  { id: 'economy-seat', title: 'Seat reservation', text: 'Choose your economy seat in advance.', price: { amount: 15, currency: 'EUR', per: 'seat' } },
];

export function cabinBuild(layoutFile: URL): TourBuild {
  const layout = readCabinLayout(JSON.parse(readFileSync(layoutFile, 'utf8')));
  const seats = seatPlacements(layout);
  const seat = (id: string) => seats.find((s) => s.id === id) ?? seats[0]!;
  const L = layout.fuselage.length;
  const business = seats.find((s) => s.class === 'business' && s.window && s.row === (seats.find((x) => x.class === 'business')!.row + 1)) ?? seats[0]!;
  const exitSeat = seats.find((s) => s.exitRow && s.window && s.side === 'right') ?? seats[0]!;
  const galley = layout.galleys[0]!;
  const lav = layout.lavatories[layout.lavatories.length - 1]!;
  const rowZ = seat('20C').z;
  const pois = {
    galley: { id: 'galley', title: 'Galley', anchor: [0.9, 1.5, galley.to] as Vec3 },
    lavatory: { id: 'lavatory', title: 'Lavatories', anchor: [lav.side === 'left' ? -0.36 : 0.36, 1.5, (lav.from + lav.to) / 2] as Vec3 },
    bins: { id: 'overhead-bins', title: 'Overhead bins', anchor: [-1.2, 1.8, rowZ] as Vec3 },
    places: [
      { id: 'business-seat', title: 'Business class', anchor: [business.x, 1.0, business.z] as Vec3 },
      { id: 'exit-row', title: 'Exit row', anchor: [exitSeat.x, 0.9, exitSeat.z] as Vec3 },
      { id: 'wifi', title: 'Wi-Fi on board', anchor: [0, 2.12, rowZ + 2] as Vec3 },
    ],
  } satisfies { galley: CabinPoi; lavatory: CabinPoi; bins: CabinPoi; places: CabinPoi[] };

  const hotspots: Hotspot[] = [
    { id: 'business-seat', title: 'Business class', text: 'Four rows in 2-2: every seat is by a window or the aisle, with 99 cm of pitch.', position: roundVec(pois.places[0]!.anchor), node: 'poi-business-seat', option: 'business-seat' },
    { id: 'exit-row', title: 'Exit row', text: 'Rows 11 and 12 sit beside the overwing exits with 20 cm more legroom.', position: roundVec(pois.places[1]!.anchor), node: 'poi-exit-row', option: 'exit-row-seat' },
    { id: 'galley', title: 'Galley', text: 'Hot meals and drinks are prepared here and brought round after take-off.', position: roundVec(pois.galley.anchor), node: 'poi-galley', price: { amount: 12.5, currency: 'EUR', per: 'meal' } },
    { id: 'lavatory', title: 'Lavatories', text: 'One at the front, two at the back, one of them with a baby-changing table.', position: roundVec(pois.lavatory.anchor), node: 'poi-lavatory' },
    { id: 'overhead-bins', title: 'Overhead bins', text: 'Room for a cabin bag of 55 × 40 × 23 cm on its side above every row.', position: roundVec(pois.bins.anchor), node: 'poi-overhead-bins' },
    { id: 'wifi', title: 'Wi-Fi on board', text: 'Streaming-speed Wi-Fi from gate to gate.', position: roundVec(pois.places[2]!.anchor), node: 'poi-wifi', price: { amount: 8, currency: 'EUR', per: 'flight' } },
  ];

  const stops = aisleStops(layout);
  const nearestStop = (z: number) => stops.reduce((best, s) => (Math.abs(s.z - z) < Math.abs(best.z - z) ? s : best));
  const panoramaViews = ['aisle-front', seatViewpointId(business.id), seatViewpointId('23A'), seatViewpointId(exitSeat.id)];
  const viewpoint = (v: Viewpoint) => v;
  const viewpoints = (panoramas: ReadonlyMap<string, string>): Viewpoint[] => [
    ...stops.map((s) => viewpoint({ id: s.id, title: s.title, position: roundVec([0, STANDING_EYE, s.z]), yaw: s.yaw, pitch: 0, ...(panoramas.has(s.id) ? { panorama: panoramas.get(s.id)! } : {}) })),
    ...seats.map((s) => {
      const id = seatViewpointId(s.id);
      return viewpoint({ id, title: seatTitle(s), position: roundVec(s.eye), yaw: 0, pitch: 0, seat: s.id, ...(panoramas.has(id) ? { panorama: panoramas.get(id)! } : {}) });
    }),
  ];
  const links: TourLink[] = [
    ...stops.slice(1).flatMap((s, i) => [{ from: stops[i]!.id, to: s.id }, { from: s.id, to: stops[i]!.id }]),
    ...seats.map((s) => ({ from: seatViewpointId(s.id), to: nearestStop(s.z).id })),
  ];
  const usedProducts = new Set(seats.map((s) => s.product));
  const manifest = (panoramas: ReadonlyMap<string, string>): TourManifest => ({
    version: 1,
    id: layout.id,
    kind: 'cabin',
    title: layout.title,
    description: layout.description,
    scene: 'scene.glb',
    start: 'aisle-front',
    viewpoints: viewpoints(panoramas),
    links,
    hotspots,
    plan: cabinPlan(layout, seats),
    // Other languages' words are added as the tour is written (generate.ts, tour/zh-cn.ts).
    translations: {},
    bookables: PRODUCTS.filter((p) => usedProducts.has(p.id)),
  });
  const scene = cabinScene(layout, seats, pois);
  return {
    id: layout.id,
    scene,
    textures: cabinTextures(),
    bake: { gatherRays: 40 },
    panoramas: panoramaViews.map((id) => {
      const s = stops.find((x) => x.id === id);
      const st = seats.find((x) => seatViewpointId(x.id) === id);
      return { viewpoint: id, position: s ? ([0, STANDING_EYE, round3(s.z)] as Vec3) : roundVec(st!.eye) };
    }),
    manifest,
  };
}
