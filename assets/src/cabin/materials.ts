// The cabin's materials and textures: laminate walls and bins, seat cloth and leather, carpets, the
// galley and door fronts, exit signs, and the sky at cruising height outside the windows.
import type { MaterialDef } from '../scene/scene-model.ts';
import { hex } from '../textures/image.ts';
import { sign } from '../textures/pictures.ts';
import { brushedMetal, paintedPlaster } from '../textures/stone.ts';
import { carpet, leather, linen, seatFabric, tweed } from '../textures/textile.ts';
import type { TextureRecipe } from '../textures/texture-store.ts';
import { flightSkyDome } from '../textures/views.ts';
import { cabinDoor, exitHatch, galleyFront, lavatoryDoor, serviceUnit } from './cabin-textures.ts';

/** The sky dome round the cabin: within every camera's far plane (the viewer's 200 m, the panoramas' 300 m). */
export const SKY = { radius: 150 } as const;

export function cabinTextures(): Record<string, TextureRecipe> {
  return {
    'cabin-wall': { make: () => paintedPlaster(256, hex('#e8e7e3'), 131, 0.04) },
    'cabin-dado': { make: () => paintedPlaster(256, hex('#b9b8b3'), 133, 0.05) },
    ceiling: { make: () => paintedPlaster(256, hex('#f0efec'), 135, 0.03) },
    steel: { make: () => brushedMetal(256, hex('#c9ccd0'), 145) },
    bin: { make: () => paintedPlaster(256, hex('#eeede9'), 137, 0.03) },
    psu: { make: () => serviceUnit(512, 128) },
    'seat-fabric': { make: () => seatFabric(512, hex('#22314b'), hex('#4a6796')) },
    'business-leather': { make: () => leather(512, hex('#3b4350'), 73) },
    'headrest-cover': { make: () => linen(256, hex('#dfe2e7'), 27) },
    'seat-plastic': { make: () => paintedPlaster(128, hex('#cfcdc8'), 139, 0.03) },
    'seat-metal': { make: () => brushedMetal(128, hex('#8e9093'), 141) },
    'cabin-carpet': { make: () => carpet(512, hex('#4b505b'), hex('#3c414b'), 4, 17) },
    'aisle-carpet': { make: () => carpet(512, hex('#2f4a6e'), hex('#7d97b8'), 2, 19) },
    bulkhead: { make: () => tweed(256, hex('#c9ccd2'), hex('#aeb3bc'), 143) },
    'galley-front': { make: () => galleyFront(512, 1024) },
    'lav-door': { make: () => lavatoryDoor(256, 512) },
    'cabin-door': { make: () => cabinDoor(256, 512) },
    'exit-hatch': { make: () => exitHatch(256, 512) },
    'exit-sign': { make: () => sign(256, 96, 'EXIT', hex('#f6f4ee'), hex('#c4241b')) },
    sky: { make: () => flightSkyDome(4096, 2048, { deck: 3000 }), quality: 76 },
  };
}

export const CABIN_MATERIALS = {
  'cabin-wall': { texture: 'cabin-wall', tile: 1.2 },
  'cabin-dado': { texture: 'cabin-dado', tile: 1.2 },
  ceiling: { texture: 'ceiling', tile: 1.2 },
  bin: { texture: 'bin', tile: 1.2 },
  psu: { texture: 'psu', tile: [0.76, 0.19] },
  'seat-fabric': { texture: 'seat-fabric', tile: 0.45 },
  'business-leather': { texture: 'business-leather', tile: 0.5 },
  'headrest-cover': { texture: 'headrest-cover', tile: 0.3 },
  'seat-plastic': { texture: 'seat-plastic', tile: 0.5 },
  'seat-metal': { texture: 'seat-metal', tile: 0.4 },
  'cabin-carpet': { texture: 'cabin-carpet', tile: 1.0 },
  'aisle-carpet': { texture: 'aisle-carpet', tile: 0.5 },
  bulkhead: { texture: 'bulkhead', tile: 0.6 },
  'galley-front': { texture: 'galley-front' },
  steel: { texture: 'steel', tile: 0.5 },
  'lav-door': { texture: 'lav-door' },
  'cabin-door': { texture: 'cabin-door' },
  'exit-hatch': { texture: 'exit-hatch' },
  'exit-sign': { texture: 'exit-sign', emissive: [1, 1, 1] },
  handle: { color: [0.35, 0.36, 0.38] },
  'red-handle': { color: [0.6, 0.05, 0.04] },
  cove: { emissive: [0.95, 0.97, 1.0] },
  sky: { texture: 'sky', emissive: [1, 1, 1], occluder: false },
  shade: { texture: 'bin', tile: 0.4, color: [0.92, 0.92, 0.9] },
} satisfies Record<string, MaterialDef>;

export type CabinMaterial = keyof typeof CABIN_MATERIALS;
