// The standard room: a 21 m² bedroom with a king bed facing a desk and television, a reading corner
// by a 2.8 m window over the city, an entrance hall with a wardrobe, and a bathroom with a walk-in
// shower. x runs across the room, the window is at −Z, the entrance door at +Z.
import type { Light } from '../bake/lights.ts';
import type { Vec3 } from '../scene/geometry.ts';
import { bathMat, shower, toilet, towelRail, towels, vanity } from './furniture/bathroom.ts';
import { bed, bench, nightstand } from './furniture/bed.ts';
import { books, coffeeTray, curtain, picture, plant } from './furniture/decor.ts';
import { placeFurniture as at, type Furniture } from './furniture/furniture.ts';
import { downlight, floorLamp, sideTable, tableLamp } from './furniture/lamps.ts';
import { armchair, chair } from './furniture/seating.ts';
import { television, wardrobe } from './furniture/storage.ts';
import { dresserDesk } from './furniture/tables.ts';
import type { HotelDesign, PlacedItem } from './hotel-design.ts';
import type { RoomPlan } from './room-plan.ts';

const H = 2.7;

const plan: RoomPlan = {
  rooms: [
    { id: 'bedroom', label: 'Bedroom', min: [-2, -4.5], max: [2, 0.8], height: H, floor: 'carpet', ceiling: 'paint', wall: 'wallpaper', walls: { nz: 'paint' }, exterior: ['nz', 'nx', 'px'], skirting: 'white-trim' },
    { id: 'hall', label: 'Entrance', min: [0.1, 0.9], max: [2, 3.4], height: H, floor: 'oak-floor', ceiling: 'paint', wall: 'wallpaper', exterior: ['px', 'pz'], skirting: 'white-trim' },
    { id: 'bathroom', label: 'Bathroom', min: [-2, 0.9], max: [0, 3.4], height: H, floor: 'bath-floor', ceiling: 'paint', wall: 'bath-wall', exterior: ['nx', 'pz'] },
  ],
  openings: [
    { kind: 'window', min: [-1.4, -4.75], max: [1.4, -4.5], bottom: 0.45, top: 2.45, label: 'Window' },
    { kind: 'passage', min: [0.1, 0.8], max: [2, 0.9], bottom: 0, top: H, floor: 'carpet' },
    { kind: 'door', min: [0, 1.35], max: [0.1, 2.15], bottom: 0, top: 2.1, leaf: 'slid', floor: 'bath-floor', label: 'Bathroom door' },
    { kind: 'door', min: [0.55, 3.4], max: [1.45, 3.55], bottom: 0, top: 2.1, leaf: 'closed', floor: 'oak-floor', label: 'Entrance' },
  ],
};

const BED_Z = -2.1;
const BED_X = -2 + 2.03 / 2 + 0.08;

function item(name: string, furniture: Furniture, label?: string): PlacedItem {
  return { name, furniture, ...(label ? { label } : {}) };
}

const lights: Light[] = [
  { kind: 'window', corner: [1.4, 0.45, -4.72], u: [-2.8, 0, 0], v: [0, 2.0, 0], samples: [7, 5] },
];

const downlights: [number, number][] = [[-0.6, -3.3], [-0.6, -0.7], [1.0, -3.3], [1.0, -0.9], [0.8, 1.6], [0.8, 2.8], [-1.0, 1.7], [-1.5, 2.9]];

const items: PlacedItem[] = [
  {
    name: 'bed',
    label: 'King bed',
    furniture: at(bed({ width: 1.93, length: 2.03, headboardWidth: 3.1, headboard: 'headboard', throw: 'throw', frame: 'headboard' }), [BED_X, 0, BED_Z], -90),
    hotspot: { id: 'king-bed', title: 'King-size bed', text: '1.93 × 2.03 m, a 25 cm pocket-sprung mattress, a duck-down duvet and a pillow menu.', anchor: [BED_X, 0.9, BED_Z], option: 'room-only' },
  },
  item('nightstand-window', at(nightstand('walnut', 'metal'), [-1.78, 0, BED_Z - 1.28], -90)),
  item('nightstand-door', at(nightstand('walnut', 'metal'), [-1.78, 0, BED_Z + 1.28], -90)),
  item('lamp-window', at(tableLamp('ceramic'), [-1.78, 0.55, BED_Z - 1.28])),
  item('lamp-door', at(tableLamp('ceramic'), [-1.78, 0.55, BED_Z + 1.28])),
  item('bench', at(bench('green-velvet', 'dark-metal', 1.1), [0.4, 0, BED_Z], 90), 'Bench'),
  {
    name: 'desk',
    label: 'Desk',
    furniture: at(dresserDesk('walnut', 'dark-metal'), [1.725, 0, BED_Z], 90),
    hotspot: { id: 'work-desk', title: 'Work desk', text: 'A 2.2 m desk by the window with sockets and USB-C at the top, an upholstered chair and Wi-Fi at 500 Mbit/s.', anchor: [1.7, 0.95, -2.9] },
  },
  item('desk-chair', at(chair('leather', 'walnut'), [1.2, 0, -2.75], -90)),
  item('desk-lamp', at(tableLamp('ceramic', 0.12), [1.78, 0.75, -3.05])),
  item('books', at(books(), [1.75, 0.75, -2.45], 100)),
  {
    name: 'tv',
    furniture: at(television(1.42), [2, 0, BED_Z + 0.35], 90),
    hotspot: { id: 'smart-tv', title: '55-inch smart TV', text: 'Cast from your phone, international channels, and the hotel’s guide to the city.', anchor: [1.95, 1.42, BED_Z + 0.35] },
  },
  {
    name: 'coffee',
    furniture: at(coffeeTray('walnut'), [1.72, 0.75, -1.45], 90),
    hotspot: { id: 'coffee', title: 'Coffee and tea', text: 'An espresso machine, a kettle and local teas. Breakfast is a buffet from 6:30 to 10:30 on the ground floor.', anchor: [1.72, 1.05, -1.45], option: 'with-breakfast' },
  },
  {
    name: 'minibar',
    furniture: { parts: [], footprint: [], lights: [] },
    hotspot: { id: 'minibar', title: 'Minibar', text: 'Soft drinks, local beer and snacks, restocked daily, in the cabinet below.', anchor: [1.42, 0.5, -1.25], price: { amount: 4.5, currency: 'EUR', per: 'item' } },
  },
  {
    name: 'armchair',
    label: 'Armchair',
    furniture: at(armchair('green-velvet', 'walnut'), [1.3, 0, -3.85], 140),
    hotspot: { id: 'reading-corner', title: 'Reading corner', text: 'A velvet armchair by the window, a side table and a floor lamp.', anchor: [1.3, 0.9, -3.85] },
  },
  item('side-table', at(sideTable('walnut', 'dark-metal'), [0.55, 0, -4.05])),
  item('floor-lamp', at(floorLamp('dark-metal'), [1.78, 0, -4.28])),
  item('plant', at(plant('ceramic'), [-1.72, 0, -4.2]), 'Plant'),
  item('curtain-left', at(curtain('curtain', 0.6, H - 0.05), [-1.62, 0, -4.38], 180)),
  item('curtain-right', at(curtain('curtain', 0.6, H - 0.05), [1.62, 0, -4.38], 180)),
  item('sheer-left', at(curtain('sheer', 0.45, H - 0.05, 0.05), [-1.15, 0, -4.45], 180)),
  item('sheer-right', at(curtain('sheer', 0.45, H - 0.05, 0.05), [1.15, 0, -4.45], 180)),
  item('art', at(picture('art-warm', 'walnut', 0.72, 0.9, 1.5), [-1.0, 0, 0.8])),
  {
    name: 'wardrobe',
    label: 'Wardrobe',
    furniture: at(wardrobe('oak-pale', 'metal'), [1.7, 0, 1.8], 90),
    hotspot: { id: 'wardrobe', title: 'Wardrobe', text: 'A safe that takes a 15-inch laptop, an iron and board, bathrobes and slippers.', anchor: [1.33, 1.5, 1.8] },
  },
  {
    name: 'vanity',
    label: 'Vanity',
    furniture: at(vanity('walnut', 'marble', 1.2), [-1.75, 0, 1.62], -90),
    hotspot: { id: 'vanity', title: 'Marble vanity', text: 'A lit mirror, a hair-dryer and toiletries from a local perfumer.', anchor: [-1.75, 1.1, 1.62] },
  },
  item('towels', at(towels(3), [-1.83, 0.85, 1.13], -90)),
  item('toilet', at(toilet(), [-0.45, 0, 3.14]), 'WC'),
  item('towel-rail', at(towelRail(), [0, 0, 2.6], 90)),
  item('bath-mat', at(bathMat(), [-1.05, 0, 2.15])),
  item('art-hall-wall', at(picture('art-cool', 'walnut', 0.56, 0.7, 1.5), [2.0, 0, -0.2], 90)),
  {
    name: 'shower',
    label: 'Shower',
    furniture: at(shower(1.05, 0.95, H, 0.7), [-1.475, 0, 2.925]),
    hotspot: { id: 'rain-shower', title: 'Walk-in rain shower', text: 'A 30 cm rain head and a hand shower behind a glass screen, with a niche for your things.', anchor: [-1.475, 1.6, 2.925] },
  },
  ...downlights.map(([x, z], i) => item(`downlight-${i + 1}`, at(downlight(H, 'white-trim', i >= 6 ? 0.95 : 0.6), [x, 0, z]))),
];

const eye = (x: number, z: number, y = 1.6): Vec3 => [x, y, z];

export const HOTEL_STANDARD: HotelDesign = {
  id: 'hotel-standard',
  title: 'Standard room, king bed',
  description: 'A 27 m² room on an upper floor: a king-size bed, a work desk, a reading corner by a 2.8 m window over the city, and a bathroom with a walk-in rain shower.',
  plan,
  ceiling: H,
  items,
  openingHotspots: [
    { opening: 0, hotspot: { id: 'city-view', title: 'City view', text: 'Upper floors look over the old town’s roofs to the television tower. Blackout curtains and sheers.', anchor: [0, 1.7, -4.6] } },
  ],
  views: [{ material: 'city-view', centre: [0, -18.5], yaw: 0, width: 60, height: 45, horizon: 1.6 }],
  lights,
  sky: { zenith: [0.7, 0.85, 1.15], horizon: [1.25, 1.25, 1.2], ground: [0.4, 0.39, 0.37] },
  exposure: 2.1,
  start: 'entrance',
  viewpoints: [
    { id: 'entrance', title: 'Entrance', position: eye(1.0, 2.9), yaw: 0, panorama: true },
    { id: 'bedroom', title: 'Bedroom', position: eye(0.9, -0.3), yaw: 40, panorama: true },
    { id: 'window', title: 'By the window', position: eye(0.1, -3.8), yaw: 150, panorama: true },
    { id: 'bed', title: 'From the bed', position: eye(-0.6, -2.1, 1.15), yaw: -90 },
    { id: 'desk', title: 'At the desk', position: eye(1.15, -2.75, 1.2), yaw: 20 },
    { id: 'bathroom', title: 'Bathroom', position: eye(-0.6, 1.9), yaw: 90, panorama: true },
  ],
  links: [['entrance', 'bedroom'], ['entrance', 'bathroom'], ['bedroom', 'window'], ['bedroom', 'bed'], ['bedroom', 'desk'], ['window', 'desk'], ['window', 'bed']],
  bookables: [
    { id: 'room-only', title: 'Room only', text: 'Free cancellation until 48 hours before arrival.', price: { amount: 149, currency: 'EUR', per: 'night' } },
    { id: 'with-breakfast', title: 'Room with breakfast', text: 'Buffet breakfast for two, free cancellation until 48 hours before arrival.', price: { amount: 172, currency: 'EUR', per: 'night' } },
    { id: 'non-refundable', title: 'Room only, non-refundable', text: 'Paid at booking; no changes.', price: { amount: 134, currency: 'EUR', per: 'night' } },
  ],
};
