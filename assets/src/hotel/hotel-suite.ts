// The junior suite: a living room (sofa, coffee table, a table for four under a pendant, a
// television) and a bedroom side by side behind 2.6 m windows over the sea, a bathroom with a
// bathtub, a walk-in shower and two basins, an entrance hall with a wardrobe. Windows at −Z.
import type { Light } from '../bake/lights.ts';
import type { Vec3 } from '../scene/geometry.ts';
import { bathMat, bathtub, shower, toilet, towelRail, towels, vanity } from './furniture/bathroom.ts';
import { bed, nightstand } from './furniture/bed.ts';
import { books, coffeeTray, curtain, picture, plant, rug } from './furniture/decor.ts';
import { placeFurniture as at, type Furniture } from './furniture/furniture.ts';
import { downlight, floorLamp, pendant, sideTable, tableLamp } from './furniture/lamps.ts';
import { armchair, chair, sofa } from './furniture/seating.ts';
import { television, wardrobe } from './furniture/storage.ts';
import { coffeeTable, diningTable, dresserDesk, sideboard } from './furniture/tables.ts';
import type { HotelDesign, PlacedItem } from './hotel-design.ts';
import type { RoomPlan } from './room-plan.ts';

const H = 2.8;

const plan: RoomPlan = {
  rooms: [
    { id: 'living', label: 'Living room', min: [0.1, -5.2], max: [3.6, 0.9], height: H, floor: 'oak-floor', ceiling: 'paint', wall: 'wallpaper', walls: { nz: 'paint' }, exterior: ['nz', 'px'], skirting: 'white-trim' },
    { id: 'bedroom', label: 'Bedroom', min: [-3.6, -5.2], max: [-0.1, 0.6], height: H, floor: 'carpet', ceiling: 'paint', wall: 'wallpaper', walls: { nz: 'paint' }, exterior: ['nz', 'nx'], skirting: 'white-trim' },
    { id: 'bathroom', label: 'Bathroom', min: [-3.6, 0.7], max: [-0.1, 4.2], height: H, floor: 'bath-floor', ceiling: 'paint', wall: 'bath-wall', exterior: ['nx', 'pz'] },
    { id: 'hall', label: 'Entrance', min: [0.1, 1.0], max: [3.6, 4.2], height: H, floor: 'oak-floor', ceiling: 'paint', wall: 'wallpaper', exterior: ['px', 'pz'], skirting: 'white-trim' },
  ],
  openings: [
    { kind: 'window', min: [0.55, -5.45], max: [3.15, -5.2], bottom: 0.3, top: 2.6, label: 'Window' },
    { kind: 'window', min: [-3.15, -5.45], max: [-0.55, -5.2], bottom: 0.3, top: 2.6, label: 'Window' },
    { kind: 'door', min: [-0.1, -1.4], max: [0.1, -0.3], bottom: 0, top: 2.2, leaf: 'none', floor: 'oak-floor', label: 'Bedroom door' },
    { kind: 'passage', min: [0.5, 0.9], max: [2.3, 1.0], bottom: 0, top: 2.4, floor: 'oak-floor' },
    { kind: 'door', min: [-2.2, 0.6], max: [-1.4, 0.7], bottom: 0, top: 2.1, leaf: 'slid', floor: 'bath-floor', label: 'Bathroom door' },
    { kind: 'door', min: [1.2, 4.2], max: [2.1, 4.35], bottom: 0, top: 2.1, leaf: 'closed', floor: 'oak-floor', label: 'Entrance' },
  ],
};

const BED_Z = -2.5;
const BED_X = -3.6 + 2.03 / 2 + 0.08;
const TABLE: [number, number] = [1.85, -0.45];

function item(name: string, furniture: Furniture, label?: string): PlacedItem {
  return { name, furniture, ...(label ? { label } : {}) };
}

const lights: Light[] = [
  { kind: 'window', corner: [3.15, 0.3, -5.42], u: [-2.6, 0, 0], v: [0, 2.3, 0], samples: [7, 6] },
  { kind: 'window', corner: [-0.55, 0.3, -5.42], u: [-2.6, 0, 0], v: [0, 2.3, 0], samples: [7, 6] },
];

const downlights: [number, number, number][] = [
  [1.0, -3.6, 0.6], [2.9, -3.6, 0.6], [1.0, -1.6, 0.6], [2.9, -1.6, 0.6],
  [-2.6, -4.0, 0.6], [-1.0, -4.0, 0.6], [-2.6, -0.6, 0.6], [-1.0, -0.8, 0.6],
  [-2.7, 1.9, 0.9], [-1.0, 1.6, 0.9], [-2.6, 3.4, 0.9], [-0.6, 3.6, 0.9],
  [1.5, 2.2, 0.6], [1.5, 3.5, 0.6],
];

const items: PlacedItem[] = [
  // Living room.
  {
    name: 'sofa',
    label: 'Sofa',
    furniture: at(sofa('grey-tweed', 'throw', 'walnut'), [3.12, 0, -2.6], 90),
    hotspot: { id: 'living-room', title: 'Living room', text: 'A three-seat sofa that makes up as a bed for a child, a coffee table and a 55-inch TV.', anchor: [3.1, 1.0, -2.6] },
  },
  item('rug', at(rug('rug', 2.8, 2.0), [2.3, 0, -2.6], 90)),
  item('coffee-table', at(coffeeTable('walnut', 'dark-metal'), [2.0, 0, -2.6], 90), 'Coffee table'),
  item('books', at(books(), [1.95, 0.4, -2.45], 30)),
  item('side-table', at(sideTable('walnut', 'dark-metal', 0.22), [3.25, 0, -1.2])),
  item('sofa-lamp', at(tableLamp('ceramic', 0.14), [3.25, 0.55, -1.2])),
  item('floor-lamp', at(floorLamp('dark-metal'), [3.35, 0, -3.85])),
  item('sideboard', at(sideboard('walnut', 'dark-metal'), [0.33, 0, -2.6], -90), 'Sideboard'),
  item('tv', at(television(1.35), [0.1, 0, -2.6], -90)),
  {
    name: 'coffee',
    furniture: at(coffeeTray('walnut'), [0.33, 0.55, -3.2], -90),
    hotspot: { id: 'coffee', title: 'Coffee and tea', text: 'An espresso machine, a kettle and local teas; the minibar is in the sideboard below.', anchor: [0.33, 0.85, -3.2] },
  },
  {
    name: 'minibar',
    furniture: { parts: [], footprint: [], lights: [] },
    hotspot: { id: 'minibar', title: 'Minibar', text: 'Soft drinks, local wine and snacks, restocked daily.', anchor: [0.55, 0.35, -3.2], price: { amount: 5, currency: 'EUR', per: 'item' } },
  },
  {
    name: 'dining-table',
    label: 'Table',
    furniture: at(diningTable('walnut', 'dark-metal', 1.4, 0.85), [TABLE[0], 0, TABLE[1]]),
    hotspot: { id: 'dining-table', title: 'Table for four', text: 'Breakfast can be served here in the suite at no extra charge.', anchor: [TABLE[0], 0.95, TABLE[1]], option: 'suite-breakfast' },
  },
  ...[-0.38, 0.38].flatMap((dx, i) => [
    item(`chair-window-${i + 1}`, at(chair('grey-tweed', 'walnut'), [TABLE[0] + dx, 0, TABLE[1] - 0.62], 180)),
    item(`chair-hall-${i + 1}`, at(chair('grey-tweed', 'walnut'), [TABLE[0] + dx, 0, TABLE[1] + 0.62], 0)),
  ]),
  item('pendant', at(pendant(H, 'dark-metal'), [TABLE[0], 0, TABLE[1]])),
  item('armchair-living', at(armchair('green-velvet', 'walnut'), [2.95, 0, -4.55], 150)),
  item('plant-living', at(plant('ceramic', 1.2, 6), [0.55, 0, -4.6]), 'Plant'),
  item('art-living', at(picture('art-cool', 'walnut', 0.9, 0.72, 1.55), [3.0, 0, 0.9])),
  ...[0.4, 3.3].map((x, i) => item(`curtain-living-${i + 1}`, at(curtain('curtain', 0.55, H - 0.05), [x, 0, -5.08], 180))),
  // Bedroom.
  {
    name: 'bed',
    label: 'King bed',
    furniture: at(bed({ width: 1.93, length: 2.03, headboardWidth: 3.2, headboard: 'headboard', throw: 'throw', frame: 'headboard' }), [BED_X, 0, BED_Z], -90),
    hotspot: { id: 'king-bed', title: 'King-size bed', text: '1.93 × 2.03 m with a pillow menu, blackout curtains and a view of the sea when you wake.', anchor: [BED_X, 0.9, BED_Z], option: 'suite-room-only' },
  },
  item('nightstand-window', at(nightstand('walnut', 'metal'), [-3.38, 0, BED_Z - 1.3], -90)),
  item('nightstand-door', at(nightstand('walnut', 'metal'), [-3.38, 0, BED_Z + 1.3], -90)),
  item('lamp-window', at(tableLamp('ceramic'), [-3.38, 0.55, BED_Z - 1.3])),
  item('lamp-door', at(tableLamp('ceramic'), [-3.38, 0.55, BED_Z + 1.3])),
  item('dresser', at(dresserDesk('walnut', 'dark-metal', 1.6, 0.5, 0.8), [-0.35, 0, -3.6], 90), 'Desk'),
  item('desk-chair', at(chair('leather', 'walnut'), [-0.85, 0, -4.0], -90)),
  item('tv-bedroom', at(television(1.4, 1.0, 0.58), [-0.1, 0, -2.3], 90)),
  item('armchair-bedroom', at(armchair('green-velvet', 'walnut'), [-1.75, 0, -4.5], -160)),
  item('art-bedroom', at(picture('art-warm', 'walnut', 0.6, 0.8, 1.5), [-0.75, 0, 0.6])),
  ...[-3.3, -0.4].map((x, i) => item(`curtain-bedroom-${i + 1}`, at(curtain('curtain', 0.55, H - 0.05), [x, 0, -5.08], 180))),
  // Bathroom.
  {
    name: 'bathtub',
    label: 'Bathtub',
    furniture: at(bathtub('bath-wall'), [-2.7, 0, 3.78]),
    hotspot: { id: 'bathtub', title: 'Bathtub', text: 'A 1.75 m bathtub with bath salts and a rubber duck.', anchor: [-2.7, 0.9, 3.78] },
  },
  {
    name: 'shower',
    label: 'Shower',
    furniture: at(shower(1.05, 1.0, H, 0.7), [-0.625, 0, 3.7]),
    hotspot: { id: 'rain-shower', title: 'Walk-in rain shower', text: 'A 30 cm rain head and a hand shower behind a glass screen.', anchor: [-0.625, 1.6, 3.7] },
  },
  {
    name: 'vanity',
    label: 'Two basins',
    furniture: at(vanity('walnut', 'marble', 1.8, 0.5, 2), [-3.35, 0, 1.95], -90),
    hotspot: { id: 'double-vanity', title: 'Two basins', text: 'A marble vanity with two basins, a lit mirror, a hair-dryer and a magnifying mirror.', anchor: [-3.35, 1.1, 1.95] },
  },
  item('towels', at(towels(4), [-3.42, 0.85, 1.08], -90)),
  item('toilet', at(toilet(), [-0.36, 0, 1.7], 90), 'WC'),
  item('towel-rail', at(towelRail(0.55, 1.0, 0.35), [-0.1, 0, 2.55], 90)),
  item('bath-mat', at(bathMat(0.9, 0.55), [-2.7, 0, 3.05])),
  // Hall.
  {
    name: 'wardrobe',
    label: 'Wardrobe',
    furniture: at(wardrobe('oak-pale', 'metal', 1.8), [3.3, 0, 2.4], 90),
    hotspot: { id: 'wardrobe', title: 'Wardrobe', text: 'A safe for a 15-inch laptop, bathrobes and slippers, an iron and board.', anchor: [2.93, 1.5, 2.4] },
  },
  item('art-hall', at(picture('art-cool', 'walnut', 0.7, 0.56, 1.5), [0.1, 0, 2.6], -90)),
  item('plant-hall', at(plant('ceramic', 1.0, 9), [0.45, 0, 3.8]), 'Plant'),
  ...downlights.map(([x, z, s], i) => item(`downlight-${i + 1}`, at(downlight(H, 'white-trim', s), [x, 0, z]))),
];

const eye = (x: number, z: number, y = 1.6): Vec3 => [x, y, z];

export const HOTEL_SUITE: HotelDesign = {
  id: 'hotel-suite',
  title: 'Junior suite, sea view',
  description: 'A 56 m² suite: a living room with a sofa and a table for four, a bedroom with a king-size bed, both behind 2.6 m windows over the sea, and a bathroom with a bathtub, a walk-in shower and two basins.',
  plan,
  ceiling: H,
  items,
  openingHotspots: [
    { opening: 0, hotspot: { id: 'sea-view', title: 'Sea view', text: 'Both rooms look over the bay to the headland; the sun sets on the right in summer.', anchor: [1.85, 1.7, -5.3] } },
  ],
  views: [{ material: 'sea-view', centre: [0, -20], yaw: 0, width: 72, height: 54, horizon: 1.6 }],
  lights,
  sky: { zenith: [0.7, 0.85, 1.15], horizon: [1.3, 1.3, 1.25], ground: [0.5, 0.52, 0.55] },
  exposure: 2.0,
  start: 'entrance',
  viewpoints: [
    { id: 'entrance', title: 'Entrance', position: eye(1.6, 3.6), yaw: 0, panorama: true },
    { id: 'living', title: 'Living room', position: eye(1.2, -1.75), yaw: 20, panorama: true },
    { id: 'living-window', title: 'By the living room window', position: eye(1.9, -4.4), yaw: 170 },
    { id: 'dining', title: 'At the table', position: eye(TABLE[0] - 0.38, TABLE[1] + 0.62, 1.2), yaw: 0 },
    { id: 'bedroom', title: 'Bedroom', position: eye(-1.2, -1.0), yaw: 50, panorama: true },
    { id: 'bed', title: 'From the bed', position: eye(BED_X + 0.3, BED_Z, 1.15), yaw: -90 },
    { id: 'bathroom', title: 'Bathroom', position: eye(-1.6, 2.0), yaw: 150, panorama: true },
  ],
  links: [['entrance', 'living'], ['living', 'living-window'], ['living', 'dining'], ['living', 'bedroom'], ['living-window', 'dining'], ['bedroom', 'bed'], ['bedroom', 'bathroom']],
  bookables: [
    { id: 'suite-room-only', title: 'Suite only', text: 'Free cancellation until 72 hours before arrival.', price: { amount: 289, currency: 'EUR', per: 'night' } },
    { id: 'suite-breakfast', title: 'Suite with breakfast', text: 'Breakfast for two in the suite or at the buffet.', price: { amount: 324, currency: 'EUR', per: 'night' } },
    { id: 'suite-half-board', title: 'Suite with half board', text: 'Breakfast and a three-course dinner for two.', price: { amount: 389, currency: 'EUR', per: 'night' } },
  ],
};
