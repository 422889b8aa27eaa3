// What the generator needs from each tour, whatever it shows: the scene to bake, the textures its
// materials wear, the viewpoints to render panoramas at, and its tour.json given those panoramas.
import type { TourManifest } from '../../../protocol/tour.ts';
import type { Vec3 } from '../scene/geometry.ts';
import type { SceneModel } from '../scene/scene-model.ts';
import type { TextureRecipe } from '../textures/texture-store.ts';
import type { BakeSettings } from '../bake/bake.ts';

export interface PanoramaView {
  viewpoint: string;
  position: Vec3;
}

export interface TourBuild {
  id: string;
  scene: SceneModel;
  textures: Readonly<Record<string, TextureRecipe>>;
  bake?: Partial<BakeSettings>;
  panoramas: PanoramaView[];
  /** The manifest, given the panorama file written for each viewpoint that has one. */
  manifest: (panoramas: ReadonlyMap<string, string>) => TourManifest;
}
