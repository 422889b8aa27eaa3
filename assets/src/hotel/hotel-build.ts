// A hotel design as the generator takes it.
import type { TourBuild } from '../tour/tour-build.ts';
import type { HotelDesign } from './hotel-design.ts';
import { hotelManifest } from './hotel-manifest.ts';
import { hotelScene } from './hotel-scene.ts';
import { HOTEL_TEXTURES } from './materials.ts';

export function hotelBuild(design: HotelDesign): TourBuild {
  return {
    id: design.id,
    scene: hotelScene(design),
    textures: HOTEL_TEXTURES,
    panoramas: design.viewpoints.filter((v) => v.panorama).map((v) => ({ viewpoint: v.id, position: v.position })),
    manifest: (panoramas) => hotelManifest(design, panoramas),
  };
}
