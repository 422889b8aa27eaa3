// A tour's scene before it is baked and written: named nodes made of parts (geometry + material),
// the materials by name, and the light the bake shines on them.
import type { Light, Sky } from '../bake/lights.ts';
import type { Rgb } from '../textures/image.ts';
import type { Geometry, Vec3 } from './geometry.ts';
import { transformGeometry, type Transform } from './transform.ts';

export interface Part {
  material: string;
  geometry: Geometry;
}

export interface Instance {
  translation: Vec3;
  /** Degrees about +Y. */
  yaw: number;
}

export interface SceneNode {
  /** The glTF node's name: `poi-<hotspot>` for a point of interest. */
  name: string;
  /** The node's translation; its parts are in scene coordinates and written relative to it. */
  origin: Vec3;
  parts: Part[];
  extras?: Record<string, unknown>;
  /**
   * Copies of the same parts (EXT_mesh_gpu_instancing), whose geometry is then in the copy's own
   * space: light is baked once, at copy `bakeAt`, and shared by all.
   */
  instances?: { list: Instance[]; bakeAt: number };
}

export interface MaterialDef {
  /** A texture by name in the texture catalogue. */
  texture?: string;
  /** Multiplies the texture (linear). */
  color?: Rgb;
  /** Metres one repeat of the texture covers (u, v); absent: the geometry's coordinates are 0–1. */
  tile?: number | readonly [number, number];
  /** Shown as it is, whatever the light: lamps, screens, the view outside. */
  emissive?: Rgb;
  /** Light passes through (glass, lamp shades, what is outside the windows). */
  occluder?: boolean;
  /** Below 1: see-through (glass). */
  opacity?: number;
  doubleSided?: boolean;
}

export interface SceneModel {
  nodes: SceneNode[];
  materials: Record<string, MaterialDef>;
  lights: Light[];
  sky: Sky;
  /** Multiplies baked light before it is fitted into vertex colours: the camera's exposure. */
  exposure: number;
}

/** Collects parts for one node, placing each through a transform. */
export class PartList {
  readonly parts: Part[] = [];
  constructor(private readonly transform?: Transform) {}

  add(material: string, geometry: Geometry): this {
    this.parts.push({ material, geometry: this.transform ? transformGeometry(geometry, this.transform) : geometry });
    return this;
  }

  addAll(parts: readonly Part[]): this {
    for (const p of parts) this.add(p.material, p.geometry);
    return this;
  }
}

export function placeParts(parts: readonly Part[], transform: Transform): Part[] {
  return parts.map((p) => ({ material: p.material, geometry: transformGeometry(p.geometry, transform) }));
}
