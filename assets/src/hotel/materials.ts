// The hotel rooms' materials and the textures they wear, all painted here: carpet, oak floor,
// walnut, linen, wallpaper, tiles, marble, leather, cloth, the view outside.
import type { MaterialDef } from '../scene/scene-model.ts';
import { hex } from '../textures/image.ts';
import { abstractArt, darkScreen, mirrorGlass } from '../textures/pictures.ts';
import { brushedMetal, marble, paintedPlaster, tiles, wallpaper } from '../textures/stone.ts';
import { carpet, curtainCloth, leather, linen, LINEN_WHITE, stripes, tweed } from '../textures/textile.ts';
import type { TextureRecipe } from '../textures/texture-store.ts';
import { cityView, seaView } from '../textures/views.ts';
import { ASH, OAK, WALNUT, woodPlanks, woodVeneer } from '../textures/wood.ts';

export const HOTEL_TEXTURES: Record<string, TextureRecipe> = {
  carpet: { make: () => carpet(1024, hex('#8f8578'), hex('#6a6157'), 5) },
  'oak-floor': { make: () => woodPlanks(1024, 6, OAK, 3) },
  walnut: { make: () => woodVeneer(512, WALNUT) },
  ash: { make: () => woodVeneer(512, ASH, 5) },
  'oak-pale': { make: () => woodVeneer(512, { light: hex('#d9cbb5'), dark: hex('#b9a586') }, 8) },
  linen: { make: () => linen(512, LINEN_WHITE) },
  wallpaper: { make: () => wallpaper(512, hex('#ddd3c4'), hex('#d2c6b4'), 4) },
  paint: { make: () => paintedPlaster(256, hex('#f1eee8')) },
  headboard: { make: () => tweed(512, hex('#56656e'), hex('#8b989e')) },
  'green-velvet': { make: () => tweed(512, hex('#3e5d53'), hex('#5f7e71'), 33) },
  'grey-tweed': { make: () => tweed(512, hex('#8c8a86'), hex('#b3b0aa'), 35) },
  throw: { make: () => stripes(512, [hex('#b8893c'), hex('#8e6a30'), hex('#dcc79b'), hex('#8e6a30')], [6, 0.6, 1, 0.6]) },
  'bath-floor': { make: () => tiles(1024, 2, 2, hex('#9f988e'), hex('#7d776f'), { stone: true, grout: 0.003 }) },
  'bath-wall': { make: () => tiles(1024, 4, 8, hex('#f1efea'), hex('#d6d1c8'), { stagger: 0.5, grout: 0.0025, variation: 0.02 }) },
  marble: { make: () => marble(512, hex('#f0ede7'), hex('#9c9894')) },
  leather: { make: () => leather(512, hex('#6a4630')) },
  metal: { make: () => brushedMetal(256, hex('#c2c2be')) },
  'dark-metal': { make: () => brushedMetal(256, hex('#2e2e2e'), 123) },
  curtain: { make: () => curtainCloth(512, hex('#8f8577')) },
  sheer: { make: () => curtainCloth(256, hex('#f5f2eb'), 53) },
  'city-view': { make: () => cityView(2048, 1536, 0.4), quality: 78 },
  'sea-view': { make: () => seaView(2048, 1536, 0.4), quality: 78 },
  'art-warm': { make: () => abstractArt(512, 640, [hex('#e9dfcf'), hex('#c0703f'), hex('#d9a55a'), hex('#7c4a32'), hex('#f1e6d2')], 7) },
  'art-cool': { make: () => abstractArt(640, 512, [hex('#e8e6e0'), hex('#52707d'), hex('#9bb2b6'), hex('#2f4650'), hex('#c9a56c')], 19) },
  tv: { make: () => darkScreen(512, 288) },
  mirror: { make: () => mirrorGlass(512, 512) },
  ceramic: { make: () => paintedPlaster(128, hex('#f6f6f3'), 107, 0.02) },
  shade: { make: () => linen(256, hex('#f6f0e4'), 23) },
  rug: { make: () => carpet(512, hex('#b9ab97'), hex('#8c7c68'), 3, 13) },
};

/** Warm white of lamps seen directly. */
const GLOW = [1, 0.94, 0.84] as const;

export const HOTEL_MATERIALS = {
  carpet: { texture: 'carpet', tile: 1.6 },
  'oak-floor': { texture: 'oak-floor', tile: 1.2 },
  walnut: { texture: 'walnut', tile: 0.9 },
  ash: { texture: 'ash', tile: 0.9 },
  'oak-pale': { texture: 'oak-pale', tile: 0.9 },
  linen: { texture: 'linen', tile: 0.45 },
  wallpaper: { texture: 'wallpaper', tile: 1.0 },
  paint: { texture: 'paint', tile: 1.5 },
  'white-trim': { texture: 'paint', tile: 1.5, color: [0.96, 0.96, 0.95] },
  headboard: { texture: 'headboard', tile: 0.6 },
  'green-velvet': { texture: 'green-velvet', tile: 0.5 },
  'grey-tweed': { texture: 'grey-tweed', tile: 0.55 },
  throw: { texture: 'throw', tile: 0.6 },
  'bath-floor': { texture: 'bath-floor', tile: 1.2 },
  'bath-wall': { texture: 'bath-wall', tile: 1.2 },
  marble: { texture: 'marble', tile: 1.0 },
  leather: { texture: 'leather', tile: 0.5 },
  metal: { texture: 'metal', tile: 0.4 },
  'dark-metal': { texture: 'dark-metal', tile: 0.4 },
  curtain: { texture: 'curtain', tile: 0.7 },
  sheer: { texture: 'sheer', tile: 0.5, opacity: 0.6, occluder: false, doubleSided: true },
  'city-view': { texture: 'city-view', emissive: [1, 1, 1], occluder: false },
  'sea-view': { texture: 'sea-view', emissive: [1, 1, 1], occluder: false },
  'art-warm': { texture: 'art-warm' },
  'art-cool': { texture: 'art-cool' },
  tv: { texture: 'tv' },
  mirror: { texture: 'mirror' },
  ceramic: { texture: 'ceramic', tile: 0.5 },
  glass: { color: [0.85, 0.92, 0.92], opacity: 0.18, occluder: false, doubleSided: true },
  shade: { texture: 'shade', tile: 0.4, emissive: GLOW, occluder: false, doubleSided: true },
  bulb: { emissive: [1, 0.97, 0.9] },
  rug: { texture: 'rug', tile: 2.0 },
  black: { color: [0.03, 0.03, 0.03] },
  plant: { color: [0.12, 0.25, 0.1] },
  soil: { color: [0.12, 0.09, 0.07] },
} satisfies Record<string, MaterialDef>;

/** Material names, checked by the compiler where furniture uses them. */
export type HotelMaterial = keyof typeof HOTEL_MATERIALS;
